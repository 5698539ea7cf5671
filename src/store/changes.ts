/**
 * Change notices (types.ts ChangeNotice): delivered to this datastore's listeners after each
 * committed write and, when broadcasting is on, posted on a BroadcastChannel so that every other
 * context of the app (dashboard pages, the dashboard's worker, the service worker, the extension
 * bridge) can refresh and drop cached query results. Each message names its database, so stores
 * on other databases (tests) ignore it.
 */
import { createLogger } from '../core/log';
import type { ChangeNotice } from './types';

/** The BroadcastChannel every Hindsight context listens on for data changes. */
export const CHANGE_CHANNEL = 'hindsight-changes';

/** What travels on CHANGE_CHANNEL. */
export type ChangeMessage = { type: 'hindsight-change'; database: string; notice: ChangeNotice };

const log = createLogger('store');

export function isChangeMessage(value: unknown): value is ChangeMessage {
	const message = value as Partial<ChangeMessage> | null;
	return (
		typeof message === 'object' &&
		message !== null &&
		message.type === 'hindsight-change' &&
		typeof message.database === 'string' &&
		typeof message.notice === 'object' &&
		message.notice !== null
	);
}

export class ChangeHub {
	private readonly listeners = new Set<(notice: ChangeNotice) => void>();
	private readonly channel: BroadcastChannel | null = null;

	constructor(
		private readonly database: string,
		broadcast: boolean
	) {
		if (!broadcast || typeof BroadcastChannel === 'undefined') return;
		this.channel = new BroadcastChannel(CHANGE_CHANNEL);
		this.channel.onmessage = (message: MessageEvent) => {
			const data: unknown = message.data;
			if (isChangeMessage(data) && data.database === this.database) this.deliver(data.notice);
		};
	}

	/** Tells local listeners and, if broadcasting, every other context. */
	emit(notice: ChangeNotice): void {
		this.deliver(notice);
		if (!this.channel) return;
		const message: ChangeMessage = { type: 'hindsight-change', database: this.database, notice };
		try {
			this.channel.postMessage(message);
		} catch (err) {
			log.warn('Could not broadcast a change notice', { error: String(err) });
		}
	}

	listen(listener: (notice: ChangeNotice) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	private deliver(notice: ChangeNotice): void {
		for (const listener of this.listeners) {
			try {
				listener(notice);
			} catch (err) {
				log.error('A change listener failed', { kind: notice.kind, error: String(err) });
			}
		}
	}

	close(): void {
		this.listeners.clear();
		this.channel?.close();
	}
}
