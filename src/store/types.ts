/**
 * The datastore's contract: everything the REST router (src/api), the worker (src/worker) and
 * the query engine (through EventSource) need from storage. Implemented by `Datastore` in
 * datastore.ts over Dexie/IndexedDB. All values are plain data (structured-clone safe).
 *
 * Errors are HindsightErrors with the codes of src/core/errors.ts: `bucket_not_found`,
 * `invalid_event`, `event_in_other_bucket`, `invalid_import`, `quota_exceeded`,
 * `database_closed`, `database_blocked`, `storage_failed`, ...
 */
import type { Bucket, BucketMetadata } from '../core/model/bucket';
import type { Event } from '../core/model/event';
import type { ExportDocument } from '../core/model/export';
import type { JsonValue } from '../core/model/json';
import type { Instant } from '../core/model/time';
import type { LogRecord } from '../core/log';
import type { EventRange, EventSource } from '../core/query/source';

export type { EventRange };

export type StoredBucket = Bucket & { metadata: BucketMetadata };

export type ServerInfo = { hostname: string; device_id: string };

/** Changes a patch may make to a bucket (PUT /api/0/buckets/{id}). */
export type BucketPatch = Partial<Pick<Bucket, 'name' | 'type' | 'client' | 'hostname' | 'data'>>;

/** Export documents in ActivityWatch's wire format (rest-api.md 1.3), defined in the core. */
export type { ExportDocument, ExportedBucket } from '../core/model/export';

export type ImportedBucketSummary = {
	id: string;
	/** True when the bucket did not exist before the import. */
	created: boolean;
	added: number;
	/** Events skipped because an identical event was already stored. */
	duplicates: number;
	/** Events skipped because they were invalid. */
	invalid: number;
};
export type ImportSummary = { buckets: ImportedBucketSummary[] };

/** Reports progress of long work: `done` out of `total` units (events). */
export type ProgressCallback = (done: number, total: number) => void;

/**
 * What a write changed. `start`/`end` span every event inserted, replaced, merged or deleted
 * (absent when the whole bucket changed). Broadcast so that dashboards refresh and caches of
 * query results over that range are dropped.
 */
export type ChangeNotice = {
	kind: 'bucket-created' | 'bucket-updated' | 'bucket-deleted' | 'events' | 'import' | 'settings';
	bucketId?: string;
	start?: Instant;
	end?: Instant;
	/** The settings key, for `settings` notices. */
	key?: string;
};

export interface DatastoreApi extends EventSource {
	/** The device name (a setting the user can change; default `unknown`) and the datastore's id. */
	info(): Promise<ServerInfo>;

	listBuckets(): Promise<StoredBucket[]>;
	/** The bucket, or null when it does not exist. */
	getBucket(id: string): Promise<StoredBucket | null>;
	/**
	 * Creates the bucket with optional initial events (invalid ones already filtered by the
	 * caller; ids ignored). Returns false, changing nothing, when the bucket already exists.
	 */
	createBucket(bucket: Bucket, events?: Event[]): Promise<boolean>;
	updateBucket(id: string, patch: BucketPatch): Promise<void>;
	/** Deletes the bucket and all its events. */
	deleteBucket(id: string): Promise<void>;

	/** The event with that id in that bucket, unclipped, or null. */
	getEvent(bucketId: string, eventId: number): Promise<Event | null>;
	/**
	 * Inserts or replaces, in one transaction (all or nothing): an event without id gets a fresh
	 * one; an id of this bucket's event replaces it; an unknown id is inserted with that id; an
	 * id of another bucket's event fails with `event_in_other_bucket`. Returns the stored events
	 * in input order.
	 */
	insertEvents(bucketId: string, events: Event[]): Promise<Event[]>;
	/** Deletes that event of that bucket; no error when it does not exist. */
	deleteEvent(bucketId: string, eventId: number): Promise<void>;
	/** Merges a heartbeat as in rest-api.md section 5, atomically; returns the stored event. */
	heartbeat(bucketId: string, heartbeat: Event, pulsetimeSeconds: number): Promise<Event>;

	/** Every event of the given buckets (all when omitted), newest first, ids kept. */
	exportBuckets(ids?: string[], onProgress?: ProgressCallback): Promise<ExportDocument>;
	/**
	 * Imports one or more export documents (parsed JSON, validated here) in a single
	 * transaction: it lands whole or not at all. Existing buckets keep their metadata and gain
	 * only events not already stored identically. Fails with `invalid_import`.
	 */
	importDocuments(documents: unknown[], onProgress?: ProgressCallback): Promise<ImportSummary>;

	getSettings(): Promise<Record<string, JsonValue>>;
	/** The stored value, or null when the key is unset. */
	getSetting(key: string): Promise<JsonValue>;
	setSetting(key: string, value: JsonValue): Promise<void>;
	deleteSetting(key: string): Promise<void>;

	/** Recent log records, newest first. */
	getLog(limit?: number): Promise<LogRecord[]>;

	/** Listens to changes made through this instance and, if enabled, other contexts. */
	onChange(listener: (notice: ChangeNotice) => void): () => void;

	close(): void;
}
