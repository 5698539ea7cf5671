/**
 * Change notices (types.ts ChangeNotice): delivered to this datastore's listeners after each
 * committed write and, when broadcasting is on, posted on a BroadcastChannel so that every other
 * context of the app (dashboard pages, the dashboard's worker, the service worker, the extension
 * bridge) can refresh and drop cached query results. Each message names its database, so stores
 * on other databases (tests) ignore it.
 *
 * Local listeners hear every notice at once. On the channel, `events` notices are throttled per
 * bucket: the first goes out at once, later ones within BROADCAST_INTERVAL_MS are merged into one
 * notice spanning them all, posted when the interval ends. A posted message costs about as much
 * as a whole heartbeat transaction in Chromium (bench/api.bench.ts,
 * `store.heartbeat-direct-broadcast`), and a burst of heartbeats needs only one refresh. Any
 * other notice first posts what is pending, so other contexts see notices in order.
 */
import { createLogger } from '../core/log';
import type { ChangeNotice } from './types';

/** The BroadcastChannel every Hindsight context listens on for data changes. */
export const CHANGE_CHANNEL = 'hindsight-changes';

/** What travels on CHANGE_CHANNEL. */
export type ChangeMessage = { type: 'hindsight-change'; database: string; notice: ChangeNotice };

/** The shortest time between two posted `events` notices of one bucket (ms). */
export const BROADCAST_INTERVAL_MS = 50;

const log = createLogger('store');

/** One notice spanning both (the whole bucket when either has no span). */
function mergeNotices(a: ChangeNotice, b: ChangeNotice): ChangeNotice {
	const merged: ChangeNotice = { kind: a.kind, bucketId: a.bucketId };
	if (
		a.start !== undefined &&
		b.start !== undefined &&
		a.end !== undefined &&
		b.end !== undefined
	) {
		merged.start = Math.min(a.start, b.start);
		merged.end = Math.max(a.end, b.end);
	}
	return merged;
}

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
	/** Buckets whose interval runs, with the notice merged since it began (null: none yet). */
	private readonly throttled = new Map<string, ChangeNotice | null>();
	private timer: ReturnType<typeof setTimeout> | null = null;

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
		const bucket = notice.kind === 'events' ? notice.bucketId : undefined;
		if (bucket === undefined) {
			this.flush();
			this.post(notice);
			return;
		}
		if (!this.throttled.has(bucket)) {
			this.post(notice);
			this.throttled.set(bucket, null);
			this.timer ??= setTimeout(() => this.endInterval(), BROADCAST_INTERVAL_MS);
			return;
		}
		const pending = this.throttled.get(bucket);
		this.throttled.set(bucket, pending ? mergeNotices(pending, notice) : notice);
	}

	/** Posts the merged notices; buckets that had one start a new interval. */
	private endInterval(): void {
		this.timer = null;
		const posted = this.flush();
		for (const bucket of posted) this.throttled.set(bucket, null);
		if (posted.length > 0) this.timer = setTimeout(() => this.endInterval(), BROADCAST_INTERVAL_MS);
	}

	/** Posts every pending merged notice and ends every interval; returns their buckets. */
	private flush(): string[] {
		const posted: string[] = [];
		for (const [bucket, pending] of this.throttled) {
			if (!pending) continue;
			this.post(pending);
			posted.push(bucket);
		}
		this.throttled.clear();
		if (this.timer !== null) clearTimeout(this.timer);
		this.timer = null;
		return posted;
	}

	private post(notice: ChangeNotice): void {
		const message: ChangeMessage = { type: 'hindsight-change', database: this.database, notice };
		try {
			this.channel?.postMessage(message);
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

	/** Posts what is pending, then stops. */
	close(): void {
		this.flush();
		this.listeners.clear();
		this.channel?.close();
	}
}
