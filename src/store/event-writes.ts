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
async function afterRemoval(session: BucketSession, removed: Iterable<StoredEvent>): Promise<void> {
	const { start, end } = session.head;
	for (const event of removed) {
		const onEdge =
			start === null ||
			end === null ||
			event.timestamp <= start ||
			event.timestamp + event.duration >= end;
		if (onEdge) return session.recomputeSpan();
	}
}

function inOtherBucket(id: number, bucketId: string, owner: string): HindsightError {
	return new HindsightError(
		'event_in_other_bucket',
		`Event ${id} belongs to bucket '${owner}', not '${bucketId}'; leave out the id to insert a ` +
			'new event',
		{ id, bucket: bucketId, owner }
	);
}

/**
 * Inserts or replaces events in one bucket (all or nothing: a failure aborts the transaction).
 * Returns the stored events in input order. Explicit ids are resolved in batches first: those
 * of this bucket are replaced, those of another bucket refused, unknown ones taken as given.
 */
export async function insertEvents(
	tx: WriteTx,
	bucketId: string,
	events: readonly Event[]
): Promise<StoredEvent[]> {
	events.forEach((event, i) => checkEvent(event, i));
	const session = await tx.session(bucketId);
	await tx.counters.load();

	const explicit = [...new Set(events.flatMap((e) => (e.id === null ? [] : [e.id])))];
	const replaced = await session.takeMany(explicit);
	const unknown = explicit.filter((id) => !replaced.has(id));
	const owners = await tx.ownersElsewhere(unknown, bucketId);
	for (const [id, owner] of owners) throw inOtherBucket(id, bucketId, owner);

	const fresh = events.filter((e) => e.id === null).length;
	let next = fresh > 0 ? tx.counters.takeIds(fresh) : 0;
	for (const id of unknown) tx.counters.raiseAbove(id);
	const adding = new Map<number, StoredEvent>();
	const out = events.map((event) => {
		const row = stored(event, event.id ?? next++);
		adding.set(row.id, row);
		return row;
	});

	session.head.ref = null;
	await session.add([...adding.values()]);
	await afterRemoval(session, replaced.values());
	return out;
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
	await afterRemoval(session, [taken]);
	return taken;
}
