/**
 * The datastore: DatastoreApi (types.ts) over Dexie and IndexedDB, in the layout of README.md.
 * Several contexts (the service worker, the dashboard's worker, the extension bridge) open the
 * same database at once, each with its own Datastore; every operation is one transaction that
 * reads what it needs and writes back, so IndexedDB's serialization of readwrite transactions
 * keeps them consistent. Within one instance, writes to a bucket are also queued in order.
 */
import type { DexieOptions } from 'dexie';
import type { ErrorCode, HindsightError } from '../core/errors';
import { addLogSink, createLogger, type LogRecord } from '../core/log';
import type { Bucket } from '../core/model/bucket';
import type { Event } from '../core/model/event';
import type { JsonValue } from '../core/model/json';
import {
	bucketRow,
	createBucket,
	deleteBucket,
	listBuckets,
	readBucket,
	updateBucket
} from './bucket-writes';
import { ChangeHub } from './changes';
import {
	blockedError,
	closedError,
	newerFormatError,
	storageError,
	supersededError
} from './errors';
import { deleteEvent, insertEvents } from './event-writes';
import { heartbeat } from './heartbeats';
import { LOG_CAP, LogWriter } from './log-writer';
import { READ_TABLES, countEvents, readEvent, readEvents } from './reads';
import { KeyedQueue } from './serial';
import { DEFAULT_LAYOUT, type BucketSession, type Layout } from './session';
import { DEVICE_NAME_SETTING, checkSettingKey, checkSettingValue } from './settings';
import { exportDocument, planImport, runImport } from './transfer';
import type {
	BucketPatch,
	ChangeNotice,
	DatastoreApi,
	EventRange,
	ExportDocument,
	ImportSummary,
	ProgressCallback,
	ServerInfo,
	StoredBucket
} from './types';
import {
	FORMAT_VERSION,
	HindsightDb,
	SCHEMA_VERSIONS,
	boundTables,
	newDeviceId,
	type TableName,
	type Tables
} from './versions';
import { WRITE_TABLES, WriteTx } from './write-tx';

const log = createLogger('store');

/** Failures worth a log record; validation errors are the caller's business. */
const LOGGED_CODES = new Set<ErrorCode>([
	'internal',
	'quota_exceeded',
	'database_closed',
	'database_blocked',
	'database_version',
	'storage_failed'
]);

export const DEFAULT_DATABASE = 'hindsight';

export type DatastoreOptions = {
	/** The IndexedDB database name (default `hindsight`). */
	name?: string;
	/** An IndexedDB implementation (tests pass fake-indexeddb's `new IDBFactory()`). */
	indexedDB?: IDBFactory;
	IDBKeyRange?: typeof IDBKeyRange;
	/** Post change notices on CHANGE_CHANNEL and hear other contexts' (default true). */
	broadcast?: boolean;
	/** Keep this context's log records (info and above) for `getLog` (default true). */
	captureLog?: boolean;
	/** Block and hot-set sizes (tests shrink them to cross block boundaries cheaply). */
	layout?: Partial<Layout>;
	/** How long an open may stay blocked by another tab before failing (default 10 s). */
	blockedTimeoutMs?: number;
};

type Superseded = 'upgraded' | 'deleted' | null;

export class Datastore implements DatastoreApi {
	readonly name: string;
	private readonly db: HindsightDb;
	private readonly layout: Layout;
	private readonly changes: ChangeHub;
	private readonly queue = new KeyedQueue();
	private readonly logWriter: LogWriter | null;
	private readonly removeSink: (() => void) | null;
	private readonly blockedTimeoutMs: number;
	private opening: Promise<void> | null = null;
	private closing: Promise<void> | null = null;
	private superseded: Superseded = null;

	/** Makes a datastore and opens it. */
	static async open(options: DatastoreOptions = {}): Promise<Datastore> {
		const store = new Datastore(options);
		await store.open();
		return store;
	}

	constructor(options: DatastoreOptions = {}) {
		this.name = options.name ?? DEFAULT_DATABASE;
		this.layout = { ...DEFAULT_LAYOUT, ...options.layout };
		this.blockedTimeoutMs = options.blockedTimeoutMs ?? 10_000;
		const dexieOptions: DexieOptions = {
			chromeTransactionDurability: 'relaxed',
			cache: 'disabled',
			autoOpen: false
		};
		// Only set when given: an explicit undefined would replace Dexie's own defaults.
		if (options.indexedDB) dexieOptions.indexedDB = options.indexedDB;
		if (options.IDBKeyRange) dexieOptions.IDBKeyRange = options.IDBKeyRange;
		this.db = new HindsightDb(this.name, dexieOptions, SCHEMA_VERSIONS);
		this.db.on('versionchange', (event) => this.onVersionChange(event));
		this.changes = new ChangeHub(this.name, options.broadcast ?? true);
		this.logWriter = options.captureLog === false ? null : new LogWriter((r) => this.writeLog(r));
		this.removeSink = this.logWriter ? addLogSink(this.logWriter.sink) : null;
	}

	/** Opens the database (once; later calls wait for the same opening). */
	open(): Promise<void> {
		this.opening ??= this.openOnce();
		return this.opening;
	}

	private async openOnce(): Promise<void> {
		const started = Date.now();
		let timer: ReturnType<typeof setTimeout> | undefined;
		const blocked = new Promise<never>((_, reject) => {
			this.db.on('blocked', () => {
				log.warn('Opening the database is blocked by another tab', { database: this.name });
				timer ??= setTimeout(() => {
					reject(blockedError(Math.round(this.blockedTimeoutMs / 1000)));
					this.db.close();
				}, this.blockedTimeoutMs);
			});
		});
		try {
			await Promise.race([this.db.open(), blocked]);
			await this.checkFormat();
			log.info('Database open', { database: this.name, ms: Date.now() - started });
		} catch (err) {
			this.db.close();
			throw this.failure(err, 'opening the database');
		} finally {
			clearTimeout(timer);
		}
	}

	private async checkFormat(): Promise<void> {
		await this.db.transaction('rw', this.db.meta, async (trans) => {
			const meta = boundTables(trans).meta;
			const format = await meta.get('format');
			const found = format?.key === 'format' ? format.version : undefined;
			if (found !== undefined && found > FORMAT_VERSION)
				throw newerFormatError(found, FORMAT_VERSION);
			if (found === undefined) await meta.put({ key: 'format', version: FORMAT_VERSION });
			if (!(await meta.get('device'))) await meta.put({ key: 'device', id: newDeviceId() });
		});
	}

	private onVersionChange(event: IDBVersionChangeEvent): void {
		this.superseded = event.newVersion === null ? 'deleted' : 'upgraded';
		log.warn('Another context changed the database version; closing', { database: this.name });
		this.db.close();
	}

	private async ready(): Promise<void> {
		if (this.closing) throw closedError();
		if (this.superseded) throw supersededError(this.superseded === 'deleted');
		await this.open();
	}

	/** Maps a failure to a HindsightError, logging storage failures and bugs once, here. */
	private failure(err: unknown, action: string): HindsightError {
		if (this.superseded) return supersededError(this.superseded === 'deleted');
		const mapped = storageError(err, action);
		if (LOGGED_CODES.has(mapped.code)) {
			log.error(`Storage failure while ${action}`, { code: mapped.code, database: this.name });
		}
		return mapped;
	}

	/** Runs `body` in one readonly transaction over `tables`, passing them bound to it. */
	private async read<T>(
		action: string,
		tables: readonly TableName[],
		body: (t: Tables) => Promise<T>
	): Promise<T> {
		await this.ready();
		try {
			// The scope must be an async function: Dexie keeps its transaction zone across the
			// awaits of native async functions only (a plain arrow commits too early).
			return await this.db.transaction(
				'r',
				[...tables],
				async (trans) => await body(boundTables(trans))
			);
		} catch (err) {
			throw this.failure(err, action);
		}
	}

	private async write<T>(action: string, body: (tx: WriteTx) => Promise<T>): Promise<T> {
		await this.ready();
		try {
			return await this.db.transaction('rw', [...WRITE_TABLES], async (trans) => {
				const tx = new WriteTx(boundTables(trans), this.layout);
				const result = await body(tx);
				await tx.finish();
				return result;
			});
		} catch (err) {
			throw this.failure(err, action);
		}
	}

	private notifyEvents(kind: ChangeNotice['kind'], session: BucketSession): void {
		const notice: ChangeNotice = { kind, bucketId: session.bucket };
		if (session.touchedStart <= session.touchedEnd) {
			notice.start = session.touchedStart;
			notice.end = session.touchedEnd;
		}
		this.changes.emit(notice);
	}

	async info(): Promise<ServerInfo> {
		return this.read('reading the device identity', ['meta', 'settings'], async (t) => {
			const [device, name] = await Promise.all([
				t.meta.get('device'),
				t.settings.get(DEVICE_NAME_SETTING)
			]);
			const hostname =
				typeof name?.value === 'string' && name.value.trim() !== '' ? name.value : 'unknown';
			return { hostname, device_id: device?.key === 'device' ? device.id : '' };
		});
	}

	async listBuckets(): Promise<StoredBucket[]> {
		return this.read('listing buckets', ['buckets', 'heads'], (t) => listBuckets(t));
	}

	async getBucket(id: string): Promise<StoredBucket | null> {
		return this.read('reading a bucket', ['buckets', 'heads'], (t) => readBucket(t, id));
	}

	async createBucket(bucket: Bucket, events: Event[] = []): Promise<boolean> {
		bucketRow(bucket);
		return this.queue.run(bucket.id, async () => {
			let session: BucketSession | null = null;
			const created = await this.write('creating a bucket', async (tx) => {
				const stored = await createBucket(tx, bucket, events);
				if (stored) session = await tx.session(bucket.id);
				return stored !== false;
			});
			if (created && session) this.notifyEvents('bucket-created', session);
			return created;
		});
	}

	async updateBucket(id: string, patch: BucketPatch): Promise<void> {
		await this.queue.run(id, () =>
			this.write('updating a bucket', (tx) => updateBucket(tx, id, patch))
		);
		this.changes.emit({ kind: 'bucket-updated', bucketId: id });
	}

	async deleteBucket(id: string): Promise<void> {
		await this.queue.run(id, () => this.write('deleting a bucket', (tx) => deleteBucket(tx, id)));
		this.changes.emit({ kind: 'bucket-deleted', bucketId: id });
	}

	async getEvent(bucketId: string, eventId: number): Promise<Event | null> {
		return this.read('reading an event', READ_TABLES, (t) => readEvent(t, bucketId, eventId));
	}

	async getEvents(bucketId: string, range: EventRange): Promise<Event[]> {
		return this.read('reading events', READ_TABLES, (t) =>
			readEvents(t, bucketId, range, this.layout.readBatch)
		);
	}

	async countEvents(bucketId: string, range: EventRange): Promise<number> {
		return this.read('counting events', READ_TABLES, (t) => countEvents(t, bucketId, range));
	}

	async insertEvents(bucketId: string, events: Event[]): Promise<Event[]> {
		return this.queue.run(bucketId, async () => {
			let session: BucketSession | null = null;
			const stored = await this.write('storing events', async (tx) => {
				const out = await insertEvents(tx, bucketId, events);
				session = await tx.session(bucketId);
				return out;
			});
			if (session && stored.length > 0) this.notifyEvents('events', session);
			return stored;
		});
	}

	async deleteEvent(bucketId: string, eventId: number): Promise<void> {
		await this.queue.run(bucketId, async () => {
			let session: BucketSession | null = null;
			const deleted = await this.write('deleting an event', async (tx) => {
				const taken = await deleteEvent(tx, bucketId, eventId);
				session = await tx.session(bucketId);
				return taken;
			});
			if (deleted && session) this.notifyEvents('events', session);
		});
	}

	async heartbeat(bucketId: string, beat: Event, pulsetimeSeconds: number): Promise<Event> {
		return this.queue.run(bucketId, async () => {
			let session: BucketSession | null = null;
			const event = await this.write('storing a heartbeat', async (tx) => {
				const out = await heartbeat(tx, bucketId, beat, pulsetimeSeconds);
				session = await tx.session(bucketId);
				return out;
			});
			if (session) this.notifyEvents('events', session);
			return event;
		});
	}

	async exportBuckets(ids?: string[], onProgress?: ProgressCallback): Promise<ExportDocument> {
		return this.read('exporting', ['buckets', ...READ_TABLES], (t) =>
			exportDocument(t, ids, onProgress)
		);
	}

	async importDocuments(
		documents: unknown[],
		onProgress?: ProgressCallback
	): Promise<ImportSummary> {
		const plan = planImport(documents);
		const started = Date.now();
		const result = await this.write('importing', (tx) => runImport(tx, plan, onProgress));
		for (const session of result.sessions) this.notifyEvents('import', session);
		log.info('Import stored', {
			buckets: result.summary.buckets.length,
			events: plan.total,
			ms: Date.now() - started
		});
		return result.summary;
	}

	async getSettings(): Promise<Record<string, JsonValue>> {
		return this.read('reading settings', ['settings'], async (t) => {
			const out: Record<string, JsonValue> = {};
			for (const row of await t.settings.toArray()) out[row.key] = row.value;
			return out;
		});
	}

	async getSetting(key: string): Promise<JsonValue> {
		checkSettingKey(key);
		return this.read('reading a setting', ['settings'], async (t) => {
			const row = await t.settings.get(key);
			return row ? row.value : null;
		});
	}

	async setSetting(key: string, value: JsonValue): Promise<void> {
		checkSettingKey(key);
		checkSettingValue(key, value);
		await this.ready();
		await this.db.settings
			.put({ key, value })
			.catch((err) => Promise.reject(this.failure(err, 'storing a setting')));
		this.changes.emit({ kind: 'settings', key });
	}

	async deleteSetting(key: string): Promise<void> {
		checkSettingKey(key);
		await this.ready();
		await this.db.settings
			.delete(key)
			.catch((err) => Promise.reject(this.failure(err, 'deleting a setting')));
		this.changes.emit({ kind: 'settings', key });
	}

	async getLog(limit = LOG_CAP): Promise<LogRecord[]> {
		await this.logWriter?.flush();
		const rows = await this.read('reading the log', ['log'], (t) => t.log.toArray());
		const records = rows.reverse().slice(0, Math.max(0, limit));
		return records.map(({ seq: _seq, ...record }) => record);
	}

	private async writeLog(records: LogRecord[]): Promise<void> {
		if (this.superseded || !this.opening) return;
		await this.opening;
		await this.db.transaction('rw', this.db.log, async (trans) => {
			const log = boundTables(trans).log;
			const keys = await log.bulkAdd(records, { allKeys: true });
			const newest = keys[keys.length - 1];
			await log
				.where('seq')
				.below(newest - LOG_CAP + 1)
				.delete();
		});
	}

	onChange(listener: (notice: ChangeNotice) => void): () => void {
		return this.changes.listen(listener);
	}

	/** Closes the datastore: pending log records are written first; later calls fail. */
	close(): void {
		if (this.closing) return;
		this.removeSink?.();
		this.changes.close();
		const pending = this.logWriter?.flush() ?? Promise.resolve();
		this.closing = pending.finally(() => this.db.close());
	}

	/** Resolves once close() has written the pending log records and closed the connection. */
	whenClosed(): Promise<void> {
		return this.closing ?? Promise.resolve();
	}
}
