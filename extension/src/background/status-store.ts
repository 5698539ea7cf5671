/**
 * The stored `DeliveryStatus` and the toolbar badge that shows it. The recorder and the courier
 * both change the status; updates run one after another so neither overwrites the other's.
 */
import { createLogger } from '../../../src/core/log';
import { OUTBOX_META_KEY, outboxSize, type OutboxMeta } from '../outbox';
import { readSettings } from '../settings-store';
import { badgeFor, INITIAL_STATUS, STATUS_KEY, type DeliveryStatus } from '../status';

const log = createLogger('extension.status');

export class StatusStore {
	#queue: Promise<unknown> = Promise.resolve();

	async read(): Promise<DeliveryStatus> {
		const items = await chrome.storage.local.get(STATUS_KEY);
		return { ...INITIAL_STATUS, ...(items[STATUS_KEY] as Partial<DeliveryStatus> | undefined) };
	}

	/** Applies `patch` to the stored status, then redraws the badge. */
	update(patch: Partial<DeliveryStatus>): Promise<void> {
		const run = this.#queue.then(async () => {
			const before = await this.read();
			const status = { ...before, ...patch };
			// Unchanged statuses are not written: every write wakes the popup's listener.
			if (JSON.stringify(status) !== JSON.stringify(before)) {
				await chrome.storage.local.set({ [STATUS_KEY]: status });
			}
			await this.#drawBadge(status);
		});
		this.#queue = run.catch((err: unknown) => {
			log.warn('the status could not be stored', { error: String(err) });
		});
		return this.#queue as Promise<void>;
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
