/**
 * Event writes inside a readwrite transaction: insert or replace (rest-api.md 4.8) and delete
 * (4.11). Both clear the bucket's heartbeat reference (heartbeats.ts), as section 5 requires.
 */
import { HindsightError } from '../core/errors';
import { isJsonObject } from '../core/model/json';
import { MAX_INSTANT, MIN_INSTANT } from '../core/model/time';
import type { Event } from '../core/model/event';
import type { StoredEvent } from './records';
import type { BucketSession } from './session';
import type { WriteTx } from './write-tx';

function invalidEvent(message: string, field: string, index?: number): HindsightError {
	return new HindsightError('invalid_event', message, { field, index });
}

/**
 * Checks an event handed to the store (parsed by the caller, but it may come from any context):
 * integer instants within years 0 to 9999, a duration >= 0, a data object, an id that is null or
 * a safe integer below 2^53 - 1 (so that the next id stays exact).
 */
export function checkEvent(event: Event, index?: number): void {
	const at = index === undefined ? 'The event' : `Event ${index} of the request`;
	const { timestamp, duration, data, id } = event;
	if (!Number.isInteger(timestamp) || timestamp < MIN_INSTANT || timestamp > MAX_INSTANT) {
		throw invalidEvent(`${at} has an invalid timestamp (${timestamp})`, 'timestamp', index);
	}
	if (!Number.isInteger(duration) || duration < 0 || timestamp + duration > MAX_INSTANT) {
		throw invalidEvent(`${at} has an invalid duration (${duration} µs)`, 'duration', index);
	}
	if (!isJsonObject(data))
		throw invalidEvent(`${at} has data that is not an object`, 'data', index);
	if (id !== null && !(Number.isSafeInteger(id) && id < Number.MAX_SAFE_INTEGER)) {
		throw invalidEvent(
			`${at} has an invalid id (${id}); leave it out for a new event`,
			'id',
			index
		);
	}
}

export function stored(event: Event, id: number): StoredEvent {
	return { id, timestamp: event.timestamp, duration: event.duration, data: event.data };
}

/** Narrows the span if a removed event sat on its edge. */
async function afterRemoval(session: BucketSession, removed: StoredEvent): Promise<void> {
	const { start, end } = session.head;
	const onEdge =
		start === null ||
		end === null ||
		removed.timestamp <= start ||
		removed.timestamp + removed.duration >= end;
	if (onEdge) await session.recomputeSpan();
}

/**
 * Inserts or replaces events in one bucket (all or nothing: a failure aborts the transaction).
 * Returns the stored events in input order.
 */
export async function insertEvents(
	tx: WriteTx,
	bucketId: string,
	events: readonly Event[]
): Promise<StoredEvent[]> {
	events.forEach((event, i) => checkEvent(event, i));
	const session = await tx.session(bucketId);
	await tx.counters.load();
	await tx.ids.prefetch(events.flatMap((e) => (e.id === null ? [] : [e.id])));

	const fresh = events.filter((e) => e.id === null).length;
	let next = fresh > 0 ? tx.counters.takeIds(fresh) : 0;
	const adding = new Map<number, StoredEvent>();
	const removed: StoredEvent[] = [];
	const out: StoredEvent[] = [];

	for (const event of events) {
		const id = event.id ?? next++;
		if (event.id !== null && !adding.has(id)) {
			const old = await session.take(id);
			if (old) removed.push(old);
			else await claimId(tx, id, bucketId);
		}
		const row = stored(event, id);
		adding.set(id, row);
		out.push(row);
	}

	session.head.ref = null;
	await session.add([...adding.values()]);
	for (const old of removed) await afterRemoval(session, old);
	return out;
}

/** Takes an explicit id that this bucket does not hold: refused if another bucket holds it. */
async function claimId(tx: WriteTx, id: number, bucketId: string): Promise<void> {
	const owner = await tx.ownerElsewhere(id, bucketId);
	if (owner) {
		throw new HindsightError(
			'event_in_other_bucket',
			`Event ${id} belongs to bucket '${owner.bucket}', not '${bucketId}'; leave out the id to ` +
				'insert a new event',
			{ id, bucket: bucketId, owner: owner.bucket }
		);
	}
	tx.counters.raiseAbove(id);
}

/** Deletes an event of the bucket; returns it, or null when the bucket has no such event. */
export async function deleteEvent(
	tx: WriteTx,
	bucketId: string,
	eventId: number
): Promise<StoredEvent | null> {
	const session = await tx.session(bucketId);
	const taken = await session.take(eventId);
	if (!taken) return null;
	session.head.ref = null;
	await afterRemoval(session, taken);
	return taken;
}
