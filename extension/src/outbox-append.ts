/**
 * Appending a recording step's entries to the outbox when the storage may refuse them. A
 * refused write (`quota_exceeded` when `chrome.storage.local` is full, `storage_failed`
 * otherwise) loses the entries: it is logged with counts, never thrown, and shown through the
 * status (the badge says `full` or `err`, the popup how many entries were lost since when). The
 * first write that works again clears the warning. Free of `chrome.*`, so it runs in Node.
 */
import { toHindsightError } from '../../src/core/errors';
import { createLogger } from '../../src/core/log';
import type { AppendResult, Outbox } from './outbox';
import { storageFailed, type DeliveryStatus, type StatusPatch } from './status';
import type { OutboxInput } from './watcher/heartbeat';

const log = createLogger('extension.outbox');

/** The part of the background's `StatusStore` this needs. */
export type StatusHolder = {
	read(): Promise<DeliveryStatus>;
	update(patch: StatusPatch): Promise<void>;
};

/** Clears the warning of a failed write, logging what was lost meanwhile. */
function storageWorks(before: DeliveryStatus): Partial<DeliveryStatus> {
	if (!before.storageError) return {};
	log.info('the outbox stores entries again', { lost: before.storageError.lost });
	return { storageError: null };
}

/** Appends `entries`; gives null, after reporting it, when the storage refused them. */
export async function appendAndReport(
	outbox: Outbox,
	status: StatusHolder,
	entries: readonly OutboxInput[],
	nowMs = Date.now()
): Promise<AppendResult | null> {
	let result: AppendResult;
	try {
		result = await outbox.append(entries, nowMs);
	} catch (err) {
		const error = toHindsightError(err);
		const waiting = await outbox.size().catch(() => null);
		log.error('new entries could not be stored in the outbox; they are lost', {
			code: error.code,
			entries: entries.length,
			waiting
		});
		await status.update((before) => storageFailed(before, error, entries.length, nowMs));
		return null;
	}

	if (entries.length > 0 && (await status.read()).storageError) await status.update(storageWorks);
	return result;
}
