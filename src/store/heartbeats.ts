/**
 * Heartbeats (rest-api.md section 5) inside a readwrite transaction. The heartbeat cache of
 * section 5 is the head's `ref` (records.ts): it lives in the database next to the events, so
 * every context writing the bucket (service worker, dashboard worker, extension bridge) sees the
 * same reference, and none can serve a stale or deleted event, since the reference is read and
 * written in the same transaction as the events. Inserts, replaces, deletes and imports clear
 * it; a reference that no longer exists counts as a miss.
 *
 * The common case, a merge into a hot reference, reads one head row and writes it back.
 * Several heartbeats of one bucket may run one after another in the same transaction
 * (coalescing, datastore.ts): each sees what the previous one left in the session.
 */
import { HindsightError } from '../core/errors';
import type { Event } from '../core/model/event';
import { heartbeatMerge } from '../core/transforms/heartbeat';
import { checkEvent, stored } from './event-writes';
import type { LeanScope } from './lean-tx';
import type { StoredEvent } from './records';
import type { BucketSession } from './session';
import type { WriteTx } from './write-tx';

/**
 * The tiers of a heartbeat's lean transaction: a merge needs the head alone, a new event the
 * counters too; promoting a reference from a block, finding the newest event in the blocks or
 * packing the hot set needs the rest. A heartbeat that does not merge pays one transaction
 * over the head that is aborted before it wrote anything.
 */
export const HEARTBEAT_SCOPE: LeanScope = [
	['heads'],
	['heads', 'meta'],
	['meta', 'heads', 'dirs', 'blocks', 'idmap']
];

/** Refuses a heartbeat that cannot be stored: `invalid_event` or `invalid_argument`. */
export function checkHeartbeat(beat: Event, pulsetimeSeconds: number): void {
	checkEvent({ ...beat, id: null });
	if (!Number.isFinite(pulsetimeSeconds) || pulsetimeSeconds < 0) {
		throw new HindsightError(
			'invalid_argument',
			`The pulsetime must be a number of seconds >= 0, got ${pulsetimeSeconds}`,
			{ field: 'pulsetime' }
		);
	}
}

/**
 * Stores a heartbeat (rest-api.md section 5): the reference is the cached event if it still
 * exists, else the bucket's first event in list order; a merge rewrites the reference by id,
 * anything else becomes a new event. Either way the result becomes the new reference.
 */
export async function heartbeat(
	tx: WriteTx,
	bucketId: string,
	beat: Event,
	pulsetimeSeconds: number
): Promise<StoredEvent> {
	checkHeartbeat(beat, pulsetimeSeconds);
	const session = await tx.session(bucketId);
	const reference = await referenceEvent(session);

	if (reference) {
		const merged = heartbeatMerge(reference, { ...beat, id: null }, pulsetimeSeconds);
		if (merged) {
			const event = stored(merged, reference.id);
			session.updateHot(event);
			session.head.ref = event.id;
			return event;
		}
	}

	await tx.counters.load();
	const event = stored(beat, tx.counters.takeIds(1));
	session.head.ref = event.id;
	await session.add([event]);
	return event;
}

/** The heartbeat reference, moved into the hot set; null for an empty bucket. */
async function referenceEvent(session: BucketSession): Promise<StoredEvent | null> {
	const cached = session.head.ref;
	if (cached !== null) {
		const event = await session.promote(cached);
		if (event) return event;
	}
	const newest = await session.newest();
	return newest ? session.promote(newest.id) : null;
}
