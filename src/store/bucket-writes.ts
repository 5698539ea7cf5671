/**
 * Bucket rows: create (rest-api.md 4.4), update (4.5), delete (4.6) inside a readwrite
 * transaction, and the listing with each bucket's metadata.
 */
import { HindsightError } from '../core/errors';
import type { Bucket } from '../core/model/bucket';
import type { Event } from '../core/model/event';
import { isJsonObject } from '../core/model/json';
import { checkEvent } from './event-writes';
import type { BucketRow, HeadRow, StoredEvent } from './records';
import type { BucketPatch, StoredBucket } from './types';
import type { Tables } from './versions';
import { bucketNotFound, type WriteTx } from './write-tx';

function invalidBucket(message: string, field: string): HindsightError {
	return new HindsightError('invalid_bucket', message, { field });
}

function checkString(value: unknown, field: string): void {
	if (typeof value !== 'string')
		throw invalidBucket(`The bucket's '${field}' must be a string`, field);
}

/** Checks a bucket handed to the store; the row keeps exactly the Bucket fields. */
export function bucketRow(bucket: Bucket): BucketRow {
	if (typeof bucket.id !== 'string' || bucket.id === '') {
		throw invalidBucket('A bucket needs a non-empty id', 'id');
	}
	checkPatch(bucket);
	if (!Number.isFinite(bucket.created)) {
		throw invalidBucket(`The bucket's 'created' is not a time (${bucket.created})`, 'created');
	}
	const { id, name, type, client, hostname, created, data } = bucket;
	return { id, name: name ?? null, type, client, hostname, created, data };
}

function checkPatch(patch: BucketPatch): void {
	for (const field of ['type', 'client', 'hostname'] as const) {
		if (patch[field] !== undefined) checkString(patch[field], field);
	}
	if (patch.name !== undefined && patch.name !== null) checkString(patch.name, 'name');
	if (patch.data !== undefined && !isJsonObject(patch.data)) {
		throw invalidBucket("The bucket's 'data' must be a JSON object", 'data');
	}
}

/**
 * Creates a bucket with events (ids ignored); false, changing nothing, when it exists.
 * Returns the stored events.
 */
export async function createBucket(
	tx: WriteTx,
	bucket: Bucket,
	events: readonly Event[]
): Promise<StoredEvent[] | false> {
	const row = bucketRow(bucket);
	events.forEach((event, i) => checkEvent({ ...event, id: null }, i));
	if (await tx.db.buckets.get(row.id)) return false;

	await tx.db.buckets.put(row);
	const session = tx.create(row.id);
	if (events.length === 0) return [];
	await tx.counters.load();
	let next = tx.counters.takeIds(events.length);
	const stored = events.map((e) => ({ ...e, id: next++ }));
	await session.add(stored);
	return stored;
}

/** Applies a patch to a bucket's description; its events are untouched. */
export async function updateBucket(tx: WriteTx, id: string, patch: BucketPatch): Promise<void> {
	checkPatch(patch);
	const row = await tx.db.buckets.get(id);
	if (!row) throw bucketNotFound(id);
	const next: BucketRow = { ...row };
	if (patch.name !== undefined) next.name = patch.name;
	if (patch.type !== undefined) next.type = patch.type;
	if (patch.client !== undefined) next.client = patch.client;
	if (patch.hostname !== undefined) next.hostname = patch.hostname;
	if (patch.data !== undefined) next.data = patch.data;
	await tx.db.buckets.put(next);
}

/** Deletes a bucket with its head, directory and blocks. */
export async function deleteBucket(tx: WriteTx, id: string): Promise<void> {
	if (!(await tx.db.buckets.get(id))) throw bucketNotFound(id);
	const session = await tx.session(id);
	const keys = await session.blockKeys();
	tx.drop(id);
	await tx.db.blocks.bulkDelete(keys);
	await Promise.all([tx.db.dirs.delete(id), tx.db.heads.delete(id), tx.db.buckets.delete(id)]);
}

function withMetadata(row: BucketRow, head: HeadRow | undefined): StoredBucket {
	return { ...row, metadata: { start: head?.start ?? null, end: head?.end ?? null } };
}

/** Every bucket with its metadata, sorted by id. Runs inside a transaction over both tables. */
export async function listBuckets(db: Tables): Promise<StoredBucket[]> {
	const [rows, heads] = await Promise.all([db.buckets.toArray(), db.heads.toArray()]);
	const byId = new Map(heads.map((h) => [h.bucket, h]));
	return rows.map((row) => withMetadata(row, byId.get(row.id)));
}

/** One bucket with its metadata, or null. */
export async function readBucket(db: Tables, id: string): Promise<StoredBucket | null> {
	const [row, head] = await Promise.all([db.buckets.get(id), db.heads.get(id)]);
	return row ? withMetadata(row, head) : null;
}
