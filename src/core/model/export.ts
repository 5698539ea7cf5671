/**
 * Export documents (rest-api.md 1.3 and 7): building them from stored buckets, and reading
 * untrusted ones for an import. Pure: no storage, no DOM.
 *
 * Reading is split in two levels so that a datastore can validate every bucket of a big import
 * up front (a bad bucket fails the whole import before anything is written) and parse the events
 * later, in chunks, while it writes them:
 * - `readExportDocument` checks the document and each bucket's fields and hands back each
 *   bucket's raw event list;
 * - `parseImportEvents` parses raw events, skipping and counting invalid ones, dropping ids.
 * `parseExportDocument` does both at once.
 */
import { HindsightError } from '../errors';
import {
	bucketToJson,
	parseBucket,
	type Bucket,
	type BucketJson,
	type BucketMetadata
} from './bucket';
import { eventToJson, parseEvent, type Event, type EventJson } from './event';
import { isJsonObject, type JsonObject } from './json';

/** A bucket inside an export document: the bucket of rest-api.md 1.2 with its events. */
export type ExportedBucket = Omit<BucketJson, 'events'> & { events: EventJson[] };

/** An export document in ActivityWatch's wire format: bucket id to bucket. */
export type ExportDocument = {
	buckets: Record<string, ExportedBucket>;
};

/** A validated bucket of an import, with its events not yet parsed. */
export type ImportBucket = { bucket: Bucket; rawEvents: readonly unknown[] };

/** A validated bucket of an import with its parsed events. */
export type ParsedImportBucket = { bucket: Bucket; events: Event[]; invalid: number };

/**
 * The export form of one bucket: its REST form (`bucketToJson`) with the events, listed last,
 * in place of `events: null`. `events` must already be in export order (newest first); their
 * ids are kept.
 */
export function exportBucket(
	bucket: Bucket,
	metadata: BucketMetadata,
	events: readonly Event[]
): ExportedBucket {
	const { events: _none, ...rest } = bucketToJson(bucket, metadata);
	return { ...rest, events: events.map(eventToJson) };
}

function invalidImport(message: string, details?: Record<string, unknown>): HindsightError {
	return new HindsightError('invalid_import', message, details);
}

function bucketId(key: string | null, raw: JsonObject): string {
	const id = raw.id ?? key;
	if (typeof id !== 'string') {
		const where = key === null ? 'a bucket of the list' : `the bucket under '${key}'`;
		throw invalidImport(`The import is invalid: ${where} has no string 'id'`, { field: 'id' });
	}
	if (id === '') throw invalidImport("The import is invalid: a bucket has an empty 'id'");
	return id;
}

function readBucket(key: string | null, raw: unknown): ImportBucket {
	if (!isJsonObject(raw)) {
		const where = key === null ? 'an entry of the bucket list' : `the bucket under '${key}'`;
		throw invalidImport(`The import is invalid: ${where} is not a JSON object`);
	}
	const id = bucketId(key, raw);

	let bucket: Bucket;
	try {
		bucket = parseBucket(id, raw);
	} catch (err) {
		const reason = err instanceof HindsightError ? err.message : String(err);
		const field = err instanceof HindsightError ? err.details?.field : undefined;
		throw invalidImport(`The import's bucket '${id}' is invalid: ${reason}`, {
			bucket: id,
			field
		});
	}

	const events = raw.events ?? [];
	if (!Array.isArray(events)) {
		throw invalidImport(`The import's bucket '${id}' has an 'events' value that is not a list`, {
			bucket: id,
			field: 'events'
		});
	}
	return { bucket, rawEvents: events };
}

/**
 * Validates an export document (rest-api.md 7.3) without parsing its events. `buckets` may be
 * an object keyed by bucket id or an array of buckets; a bucket's id is its `id` field, else
 * its key. `type`, `client` and `hostname` are required strings; `created`, `data`, `name` and
 * `events` are optional; other fields are ignored. Throws `invalid_import` quoting the bucket.
 */
export function readExportDocument(doc: unknown): ImportBucket[] {
	if (!isJsonObject(doc)) {
		throw invalidImport(
			"The import is not an export document: expected a JSON object with a 'buckets' key"
		);
	}
	const buckets = doc.buckets;
	if (Array.isArray(buckets)) return buckets.map((raw) => readBucket(null, raw));
	if (!isJsonObject(buckets)) {
		throw invalidImport(
			"The import has no 'buckets' object; export the data again from ActivityWatch or Hindsight"
		);
	}
	return Object.entries(buckets).map(([key, raw]) => readBucket(key, raw));
}

/**
 * Parses the raw events of an imported bucket as in rest-api.md 1.1. Invalid events are skipped
 * and counted; ids are dropped (every imported event gets a fresh one).
 */
export function parseImportEvents(raw: readonly unknown[]): { events: Event[]; invalid: number } {
	const events: Event[] = [];
	let invalid = 0;
	for (const item of raw) {
		try {
			const event = parseEvent(item);
			event.id = null;
			events.push(event);
		} catch {
			invalid++;
		}
	}
	return { events, invalid };
}

/** Validates a whole export document and parses every event (see the two functions above). */
export function parseExportDocument(doc: unknown): ParsedImportBucket[] {
	return readExportDocument(doc).map(({ bucket, rawEvents }) => ({
		bucket,
		...parseImportEvents(rawEvents)
	}));
}
