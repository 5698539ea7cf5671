/**
 * Bucket routes (rest-api.md 4.2-4.6): list, get, create (304 when it exists), partial update
 * and delete. The datastore raises `bucket_not_found`; this layer validates bodies.
 */
import { HindsightError } from '../../core/errors';
import { isJsonObject, type JsonObject, type JsonValue } from '../../core/model/json';
import { bucketToJson, parseBucket, type Bucket } from '../../core/model/bucket';
import { parseEvent, type Event } from '../../core/model/event';
import type { BucketPatch, DatastoreApi, StoredBucket } from '../../store/types';
import { emptyResponse, jsonResponse, notModified } from '../http';
import { readJson } from '../params';
import type { Handler } from '../types';

/** The host name watchers send when they want the app's own device name (rest-api.md 4.4). */
const LOCAL_HOSTNAME = '!local';

function toJson(bucket: StoredBucket) {
	return bucketToJson(bucket, bucket.metadata);
}

export const listBuckets: Handler = async ({ datastore }) => {
	const out: Record<string, ReturnType<typeof toJson>> = {};
	for (const bucket of await datastore.listBuckets()) out[bucket.id] = toJson(bucket);
	return jsonResponse(out);
};

export const getBucket: Handler = async ({ datastore, params }) => {
	return jsonResponse(toJson(await requireBucket(datastore, params.bid)));
};

/** The bucket, or `bucket_not_found`. */
export async function requireBucket(datastore: DatastoreApi, id: string): Promise<StoredBucket> {
	const bucket = await datastore.getBucket(id);
	if (!bucket) throw bucketNotFound(id);
	return bucket;
}

export function bucketNotFound(id: string): HindsightError {
	return new HindsightError('bucket_not_found', `There is no bucket '${id}'`, { bucketId: id });
}

/** Events given at creation, treated like imported ones: invalid ones skipped, ids dropped. */
function initialEvents(raw: JsonValue | undefined): Event[] {
	if (!Array.isArray(raw)) return [];
	const events: Event[] = [];
	for (const item of raw) {
		try {
			events.push({ ...parseEvent(item), id: null });
		} catch {
			// Skipped on its own, as in an import (rest-api.md 7.3).
		}
	}
	return events;
}

async function resolveLocalHost(datastore: DatastoreApi, bucket: Bucket): Promise<Bucket> {
	if (bucket.hostname !== LOCAL_HOSTNAME) return bucket;
	const info = await datastore.info();
	return {
		...bucket,
		hostname: info.hostname,
		data: { ...bucket.data, device_id: info.device_id }
	};
}

export const createBucket: Handler = async ({ datastore, params, request }) => {
	const body = await readJson(request);
	const bucket = await resolveLocalHost(datastore, parseBucket(params.bid, body));
	const events = isJsonObject(body) ? initialEvents(body.events) : [];
	const created = await datastore.createBucket(bucket, events);
	return created ? emptyResponse() : notModified();
};

const PATCH_STRINGS = ['type', 'client', 'hostname'] as const;

/** Validates a PUT body: any subset of type, client, hostname (strings), name, data (object). */
function parseBucketPatch(raw: JsonValue): BucketPatch {
	if (!isJsonObject(raw)) {
		throw new HindsightError('invalid_bucket', 'A bucket update must be a JSON object');
	}
	const patch: BucketPatch = {};
	for (const field of PATCH_STRINGS) {
		if (raw[field] === undefined) continue;
		if (typeof raw[field] !== 'string') throw wrongField(field, 'a string');
		patch[field] = raw[field];
	}
	if (raw.name !== undefined) {
		if (raw.name !== null && typeof raw.name !== 'string') throw wrongField('name', 'a string');
		patch.name = raw.name;
	}
	if (raw.data !== undefined) {
		if (!isJsonObject(raw.data)) throw wrongField('data', 'a JSON object');
		patch.data = raw.data as JsonObject;
	}
	return patch;
}

function wrongField(field: string, what: string): HindsightError {
	return new HindsightError('invalid_bucket', `The bucket's '${field}' must be ${what}`, { field });
}

export const updateBucket: Handler = async ({ datastore, params, request }) => {
	const patch = parseBucketPatch(await readJson(request));
	await requireBucket(datastore, params.bid);
	await datastore.updateBucket(params.bid, patch);
	return emptyResponse();
};

/** Deletes without `force` (the Rust server's behaviour); 404 when there is no such bucket. */
export const deleteBucket: Handler = async ({ datastore, params }) => {
	await requireBucket(datastore, params.bid);
	await datastore.deleteBucket(params.bid);
	return emptyResponse();
};
