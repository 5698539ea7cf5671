/**
 * The rows of the datastore's object stores (layout in README.md). Every row is plain,
 * structured-clone-safe data. Times are integer microseconds, as everywhere in Hindsight.
 */
import type { Bucket } from '../core/model/bucket';
import type { Event } from '../core/model/event';
import type { JsonObject, JsonValue } from '../core/model/json';
import type { LogRecord } from '../core/log';

/** A bucket's description, as created or updated; key `id`. */
export type BucketRow = Bucket;

/** An event of a bucket's hot set (a stored event, so its id is set). */
export type StoredEvent = Event & { id: number };

/**
 * The small per-bucket record every event write reads and writes; key `bucket`.
 * `hot` holds recent or recently changed events, unsorted, never more than the layout's
 * `hotMax` plus the heartbeat reference. `ref` is the heartbeat cache of rest-api.md section 5
 * (the id of the event the last heartbeat wrote), shared by every context on this database.
 */
export type HeadRow = {
	bucket: string;
	hot: StoredEvent[];
	ref: number | null;
	/** Every event of the bucket (hot and packed). */
	count: number;
	/** Earliest start and greatest end of the bucket's events; null when it is empty. */
	start: number | null;
	end: number | null;
};

/**
 * The directory of a bucket's packed blocks, sorted by `starts`; key `bucket`. Column i
 * describes block `keys[i]`: its earliest start, its latest start (`lasts`), its greatest end
 * and its number of events. Blocks partition time: every start in block i is below
 * `starts[i + 1]`.
 */
export type DirRow = {
	bucket: string;
	keys: Float64Array;
	starts: Float64Array;
	lasts: Float64Array;
	ends: Float64Array;
	counts: Float64Array;
};

/**
 * A packed block: up to `blockMax` events of one bucket, column by column, sorted by start and
 * then id; key `key`. `data` holds each distinct data object once (`dataIndex[i]` points into
 * it), so repeated states (the same window title all day) are stored and read once.
 */
export type BlockRow = {
	key: number;
	bucket: string;
	ids: Float64Array;
	starts: Float64Array;
	durations: Float64Array;
	dataIndex: Uint32Array;
	data: JsonObject[];
};

/**
 * Where packed events live: slot `id - chunk * ID_CHUNK` holds the key of the block that holds
 * event `id` (0 when none); key `chunk`. Hot events are not listed: they are found in the heads.
 * An entry is a hint that readers verify against the block, so an entry left behind by a bucket
 * delete costs nothing but a miss.
 */
export type IdChunkRow = { chunk: number; blocks: Int32Array };

/** Counters and identity; key `key`. */
export type MetaRow =
	| { key: 'format'; version: number }
	| { key: 'device'; id: string }
	| { key: 'counters'; nextId: number; nextBlock: number };

export type SettingRow = { key: string; value: JsonValue };

/** A stored log record; `seq` is auto-incremented. */
export type LogRow = LogRecord & { seq?: number };

/** Ids per IdChunkRow. */
export const ID_CHUNK = 1024;
