/**
 * The one contract between the dashboard and its dedicated worker. The worker holds the
 * datastore and the query engine; the UI imports this type only (never the implementation) and
 * reaches it through Comlink. Every call is coarse (one per user intent) and passes plain data.
 * Errors arrive as HindsightErrors (a Comlink transfer handler keeps code and details intact).
 */
import type { Bucket } from '../core/model/bucket';
import type { Event } from '../core/model/event';
import type { JsonValue } from '../core/model/json';
import type { LogRecord } from '../core/log';
import type {
	BucketPatch,
	ChangeNotice,
	EventRange,
	ImportSummary,
	ProgressCallback,
	ServerInfo,
	StoredBucket
} from '../store/types';
import type { ActivityRequest, ActivitySummary } from './summary/types';

export type QueryRequest = {
	/** Program text, or lines joined with line feeds. */
	query: string | string[];
	/** `START/END` periods, RFC 3339 with offsets. */
	timeperiods: string[];
	name?: string;
};

export type WorkerApi = {
	info(): Promise<ServerInfo>;

	listBuckets(): Promise<StoredBucket[]>;
	getBucket(id: string): Promise<StoredBucket | null>;
	createBucket(bucket: Bucket): Promise<boolean>;
	updateBucket(id: string, patch: BucketPatch): Promise<void>;
	deleteBucket(id: string): Promise<void>;
	countEvents(bucketId: string, range: EventRange): Promise<number>;

	getEvents(bucketId: string, range: EventRange): Promise<Event[]>;
	insertEvents(bucketId: string, events: Event[]): Promise<Event[]>;
	deleteEvent(bucketId: string, eventId: number): Promise<void>;
	heartbeat(bucketId: string, event: Event, pulsetimeSeconds: number): Promise<Event>;

	/**
	 * Runs a query-language program once per period; resolves to one JSON result per period.
	 * Fails with `query_failed` whose details carry `kind` and, for parse errors, `line`,
	 * `column` and `offset`.
	 */
	query(request: QueryRequest): Promise<unknown[]>;

	/** The export document of the given buckets (all when omitted), as a JSON file. */
	exportBuckets(ids: string[] | undefined, onProgress?: ProgressCallback): Promise<Blob>;
	/** Imports an export file (all or nothing) and reports what was added and skipped. */
	importFile(file: Blob, onProgress?: ProgressCallback): Promise<ImportSummary>;

	getSettings(): Promise<Record<string, JsonValue>>;
	getSetting(key: string): Promise<JsonValue>;
	setSetting(key: string, value: JsonValue): Promise<void>;
	deleteSetting(key: string): Promise<void>;

	getLog(limit?: number): Promise<LogRecord[]>;

	/**
	 * Calls `listener` for every change to the data, wherever it was made (this worker, the
	 * service worker, the extension bridge). Returns an id for `unsubscribe`.
	 */
	subscribe(listener: (notice: ChangeNotice) => void): Promise<number>;
	unsubscribe(id: number): Promise<void>;

	// The two calls below are optional in the type only so that the worker object stays valid
	// while it is being wired; src/worker/summary/index.ts provides both (createSummaryApi).

	/**
	 * The Activity view's summary of a host over the given days: the lists of the full summary
	 * query (top apps, titles, categories, browser domains, URLs and titles, stopwatch labels,
	 * time active) plus the category bars. Served from cached per-day summaries, equal to what
	 * the query over the whole period gives (src/worker/summary/service.ts).
	 */
	activitySummary?(request: ActivityRequest): Promise<ActivitySummary>;

	/**
	 * Active (`not-afk`) seconds of a host per period (the usage strip; query-language.md 13.7):
	 * the `not-afk` events of every AFK bucket of the host, united without overlap, summed.
	 * Periods are `[start, end]` in microseconds.
	 */
	activityHistory?(
		host: string,
		periods: { start: number; end: number }[],
		allHosts?: boolean
	): Promise<number[]>;
};
