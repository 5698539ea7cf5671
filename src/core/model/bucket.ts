/**
 * The Bucket model: a named series of events from one watcher on one host. Bucket ids are
 * chosen by clients (`aw-watcher-window_<host>`) and may hold any character.
 */
import { HindsightError } from '../errors';
import { isJsonObject, type JsonObject } from './json';
import { formatInstant, now, parseInstant, type Instant } from './time';

export type Bucket = {
	id: string;
	/** A display name given at creation or update; null when none was given. */
	name: string | null;
	/** The event type, e.g. `currentwindow`, `afkstatus`, `web.tab.current`. */
	type: string;
	/** The program that created the bucket. */
	client: string;
	hostname: string;
	/** Creation time, microseconds since the epoch. */
	created: Instant;
	data: JsonObject;
};

/** The span of a bucket's events: earliest start and greatest end, null when it is empty. */
export type BucketMetadata = { start: Instant | null; end: Instant | null };

/** A bucket as the REST API returns it (rest-api.md 1.2). */
export type BucketJson = {
	id: string;
	name: string | null;
	type: string;
	client: string;
	hostname: string;
	created: string;
	data: JsonObject;
	metadata: { start: string | null; end: string | null };
	events: null;
	last_updated: string | null;
};

export function bucketToJson(bucket: Bucket, metadata: BucketMetadata): BucketJson {
	const start = metadata.start === null ? null : formatInstant(metadata.start);
	const end = metadata.end === null ? null : formatInstant(metadata.end);
	return {
		id: bucket.id,
		name: bucket.name,
		type: bucket.type,
		client: bucket.client,
		hostname: bucket.hostname,
		created: formatInstant(bucket.created),
		data: bucket.data,
		metadata: { start, end },
		events: null,
		last_updated: end
	};
}

function invalidBucket(message: string, field: string): HindsightError {
	return new HindsightError('invalid_bucket', message, { field });
}

function requireString(raw: JsonObject, field: string): string {
	const value = raw[field];
	if (typeof value !== 'string') {
		throw invalidBucket(`The bucket needs a string '${field}'`, field);
	}
	return value;
}

/**
 * Validates the body of a bucket creation or an export document's bucket (rest-api.md 4.4, 7.3).
 * `type`, `client` and `hostname` are required strings; `created` (default: now), `data`
 * (default `{}`) and `name` are optional; `null` counts as absent for each; other keys
 * (`metadata`, `events`, `last_updated`, `id`) are ignored here.
 */
export function parseBucket(id: string, raw: unknown): Bucket {
	if (!isJsonObject(raw)) throw invalidBucket('A bucket must be a JSON object', 'bucket');
	const type = requireString(raw, 'type');
	const client = requireString(raw, 'client');
	const hostname = requireString(raw, 'hostname');

	let created = now();
	if (raw.created !== undefined && raw.created !== null) {
		if (typeof raw.created !== 'string')
			throw invalidBucket("The bucket's 'created' must be a timestamp string", 'created');
		try {
			created = parseInstant(raw.created, 'lenient');
		} catch (err) {
			throw invalidBucket(
				`The bucket's 'created' is invalid: ${(err as Error).message}`,
				'created'
			);
		}
	}

	const data = raw.data ?? {};
	if (!isJsonObject(data)) throw invalidBucket("The bucket's 'data' must be a JSON object", 'data');

	const name = raw.name ?? null;
	if (name !== null && typeof name !== 'string')
		throw invalidBucket("The bucket's 'name' must be a string", 'name');

	return { id, name, type, client, hostname, created, data };
}
