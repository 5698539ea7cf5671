/**
 * The stored `DeliveryStatus` and the toolbar badge that shows it. The recorder and the courier
 * both change the status; updates run one after another so neither overwrites the other's.
 *
 * This worker is the status's only writer, so it keeps the newest status in memory as well: when
 * storing it fails (the storage is full, which is also when the status matters most), the next
 * update still starts from it, and the badge is drawn from it either way.
 */
import { createLogger } from '../../../src/core/log';
import { OUTBOX_META_KEY, outboxSize, type OutboxMeta } from '../outbox';
import { readSettings } from '../settings-store';
import {
	badgeFor,
	INITIAL_STATUS,
	STATUS_KEY,
	type DeliveryStatus,
	type StatusPatch
} from '../status';

const log = createLogger('extension.status');

export class StatusStore {
	#queue: Promise<unknown> = Promise.resolve();
	#current: DeliveryStatus | null = null;
	#stored = true;

	async read(): Promise<DeliveryStatus> {
		if (this.#current) return this.#current;
		const items = await chrome.storage.local.get(STATUS_KEY);
		return { ...INITIAL_STATUS, ...(items[STATUS_KEY] as Partial<DeliveryStatus> | undefined) };
	}

	/** Applies `patch` to the status, stores it, then redraws the badge. */
	update(patch: StatusPatch): Promise<void> {
		const run = this.#queue.then(async () => {
			const before = await this.read();
			const status = { ...before, ...(typeof patch === 'function' ? patch(before) : patch) };
			this.#current = status;
			// Unchanged statuses are not written: every write wakes the popup's listener.
			if (!this.#stored || JSON.stringify(status) !== JSON.stringify(before))
				await this.#store(status);
			await this.#drawBadge(status);
		});
		this.#queue = run.catch((err: unknown) => {
			log.warn('the badge could not be drawn', { error: String(err) });
		});
		return this.#queue as Promise<void>;
	}

	async #store(status: DeliveryStatus): Promise<void> {
		try {
			await chrome.storage.local.set({ [STATUS_KEY]: status });
			this.#stored = true;
		} catch (err) {
			this.#stored = false;
			log.warn('the status could not be stored', { error: String(err) });
		}
	}

	async #drawBadge(status: DeliveryStatus): Promise<void> {
		const items = await chrome.storage.local.get(OUTBOX_META_KEY);
		const backlog = outboxSize(items[OUTBOX_META_KEY] as OutboxMeta | undefined);
		const { appOrigin } = await readSettings();
		const badge = badgeFor(status, backlog, appOrigin);
		await chrome.action.setBadgeText({ text: badge.text });
		await chrome.action.setBadgeBackgroundColor({ color: badge.color });
		await chrome.action.setTitle({ title: badge.title });
	}
}
