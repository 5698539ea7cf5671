/**
 * The datastore: DatastoreApi (types.ts) over Dexie and IndexedDB, in the layout of README.md.
 * Several contexts (the service worker, the dashboard's worker, the extension bridge) open the
 * same database at once, each with its own Datastore; every operation is one transaction that
 * reads what it needs and writes back, so IndexedDB's serialization of readwrite transactions
 * keeps them consistent. Within one instance, writes to a bucket are also queued in order.
 *
 * Heartbeats take the lean path (lean-tx.ts: a native IndexedDB transaction instead of Dexie's)
 * and are coalesced: those of one bucket that queue up behind its earlier work are stored in
 * one transaction, in order, and each is answered after that commit (rest-api.md 12.2). They
 * read the bucket's head optimistically: the head this instance last committed or read is
 * taken as read, checked in the same transaction, and read again when another context (or a
 * write of this one on the Dexie path) changed it.
 */
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
import { Connection } from './connection';
import { deleteEvent, insertEvents } from './event-writes';
import { checkHeartbeat, heartbeat, HEARTBEAT_SCOPE } from './heartbeats';
import { KnownRows, type LeanScope } from './lean-tx';
import { LOG_CAP, LogWriter } from './log-writer';
import { READ_TABLES, countEvents, readEvent, readEvents } from './reads';
import { KeyedQueue, type BatchTask, type Outcome } from './serial';
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
import type { TableName, Tables } from './versions';
import { WRITE_TABLES, WriteTx, type WriteTables } from './write-tx';

const log = createLogger('store');

export const DEFAULT_DATABASE = 'hindsight';

/** The most heartbeats stored in one transaction; more wait for the next. */
const MAX_HEARTBEAT_BATCH = 128;

/** A heartbeat waiting for its turn (serial.ts batches). */
type QueuedBeat = { beat: Event; pulsetime: number };

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
	/**
	 * Store heartbeats in lean native transactions, coalescing those that queue up (default
	 * true). False stores each in its own Dexie transaction, for benchmarks and tests that
	 * compare both paths.
	 */
	leanHeartbeats?: boolean;
};

export class Datastore implements DatastoreApi {
	readonly name: string;
	private readonly connection: Connection;
	private readonly layout: Layout;
	private readonly changes: ChangeHub;
	private readonly queue: KeyedQueue;
	private readonly lean: boolean;
	/** The heads this instance's heartbeats last read or wrote (optimistic reads, lean-tx.ts). */
	private readonly knownHeads = new KnownRows('heads');
	private readonly logWriter: LogWriter | null;
	private readonly removeSink: (() => void) | null;
	private closing: Promise<void> | null = null;

	/** Makes a datastore and opens it. */
	static async open(options: DatastoreOptions = {}): Promise<Datastore> {
		const store = new Datastore(options);
		await store.open();
		return store;
	}

	constructor(options: DatastoreOptions = {}) {
		this.name = options.name ?? DEFAULT_DATABASE;
		this.layout = { ...DEFAULT_LAYOUT, ...options.layout };
		this.lean = options.leanHeartbeats ?? true;
		// Dexie loses its transaction after about a hundred microtask hops without a request
		// (README.md), which a batch of merges would exceed: on Dexie, one heartbeat at a time.
		this.queue = new KeyedQueue(this.lean ? MAX_HEARTBEAT_BATCH : 1);
		this.connection = new Connection({
			name: this.name,
			indexedDB: options.indexedDB,
			IDBKeyRange: options.IDBKeyRange,
			blockedTimeoutMs: options.blockedTimeoutMs ?? 10_000
		});
		this.changes = new ChangeHub(this.name, options.broadcast ?? true);
		this.logWriter = options.captureLog === false ? null : new LogWriter((r) => this.writeLog(r));
		this.removeSink = this.logWriter ? addLogSink(this.logWriter.sink) : null;
	}

	/** Opens the database (once; later calls wait for the same opening). */
	open(): Promise<void> {
		return this.connection.open();
	}

	private read<T>(action: string, tables: readonly TableName[], body: (t: Tables) => Promise<T>) {
		return this.connection.run('r', action, tables, body);
	}

	/** One readwrite transaction with a WriteTx that is finished (written) at its end. */
	private write<T>(action: string, body: (tx: WriteTx) => Promise<T>): Promise<T> {
		// Heads it changes would be found stale by the next heartbeat anyway; this saves the retry.
		this.knownHeads.clear();
		return this.connection.run('rw', action, WRITE_TABLES, async (t) => {
			const tx = new WriteTx(t, this.layout);
			const result = await body(tx);
			await tx.finish();
			return result;
		});
	}

	/** One lean readwrite transaction over `scope` with a WriteTx finished at its end. */
	private leanWrite<T>(
		action: string,
		scope: LeanScope,
		body: (tx: WriteTx) => Promise<T>
	): Promise<T> {
		const run = async (t: WriteTables) => {
			const tx = new WriteTx(t, this.layout);
			const result = await body(tx);
			await tx.finish();
			return result;
		};
		return this.connection.runLean(action, scope, run, this.knownHeads);
	}

	/**
	 * A write to one bucket's events, queued behind this instance's other writes to it; after
	 * the commit, a notice of `kind` when `changed(result)` says something changed.
	 */
	private bucketWrite<T>(
		bucketId: string,
		action: string,
		kind: ChangeNotice['kind'],
		body: (tx: WriteTx) => Promise<T>,
		changed: (result: T) => boolean
	): Promise<T> {
		return this.queue.run(bucketId, async () => {
			let session: BucketSession | undefined;
			const result = await this.write(action, async (tx) => {
				const out = await body(tx);
				session = tx.opened(bucketId);
				return out;
			});
			if (session && changed(result)) this.notifyEvents(kind, session);
			return result;
		});
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
			const named = typeof name?.value === 'string' && name.value.trim() !== '';
			return {
				hostname: named ? (name.value as string) : 'unknown',
				device_id: device?.key === 'device' ? device.id : ''
			};
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
		const stored = await this.bucketWrite(
			bucket.id,
			'creating a bucket',
			'bucket-created',
			(tx) => createBucket(tx, bucket, events),
			(result) => result !== false
		);
		return stored !== false;
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
		return this.bucketWrite(
			bucketId,
			'storing events',
			'events',
			(tx) => insertEvents(tx, bucketId, events),
			(stored) => stored.length > 0
		);
	}

	async deleteEvent(bucketId: string, eventId: number): Promise<void> {
		await this.bucketWrite(
			bucketId,
			'deleting an event',
			'events',
			(tx) => deleteEvent(tx, bucketId, eventId),
			(taken) => taken !== null
		);
	}

	async heartbeat(bucketId: string, beat: Event, pulsetimeSeconds: number): Promise<Event> {
		checkHeartbeat(beat, pulsetimeSeconds);
		const queued: QueuedBeat = { beat, pulsetime: pulsetimeSeconds };
		return this.queue.batch(bucketId, queued, this.storeHeartbeats);
	}

	/**
	 * Stores a batch of one bucket's heartbeats. A batch of several that fails is stored again
	 * one by one, so that each heartbeat gets the answer it would have got alone.
	 */
	private readonly storeHeartbeats: BatchTask<QueuedBeat, Event> = async (bucketId, beats) => {
		try {
			return (await this.heartbeatTx(bucketId, beats)).map((value) => ({ value }));
		} catch (error) {
			if (beats.length === 1) return [{ error }];
		}
		const outcomes: Outcome<Event>[] = [];
		for (const beat of beats) outcomes.push(...(await this.storeHeartbeats(bucketId, [beat])));
		return outcomes;
	};

	/** Heartbeats one after another in one transaction; one change notice after the commit. */
	private async heartbeatTx(bucketId: string, beats: readonly QueuedBeat[]): Promise<Event[]> {
		let session: BucketSession | undefined;
		const body = async (tx: WriteTx) => {
			const out: Event[] = [];
			for (const { beat, pulsetime } of beats) {
				out.push(await heartbeat(tx, bucketId, beat, pulsetime));
			}
			session = tx.opened(bucketId);
			return out;
		};
		const action = 'storing a heartbeat';
		const stored = this.lean
			? await this.leanWrite(action, HEARTBEAT_SCOPE, body)
			: await this.write(action, body);
		if (session) this.notifyEvents('events', session);
		return stored;
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
		await this.connection.run('rw', 'storing a setting', ['settings'], async (t) => {
			await t.settings.put({ key, value });
		});
		this.changes.emit({ kind: 'settings', key });
	}

	async deleteSetting(key: string): Promise<void> {
		checkSettingKey(key);
		await this.connection.run('rw', 'deleting a setting', ['settings'], async (t) => {
			await t.settings.delete(key);
		});
		this.changes.emit({ kind: 'settings', key });
	}

	async getLog(limit = LOG_CAP): Promise<LogRecord[]> {
		await this.logWriter?.flush();
		const rows = await this.read('reading the log', ['log'], (t) => t.log.toArray());
		const records = rows.reverse().slice(0, Math.max(0, limit));
		return records.map(({ seq: _seq, ...record }) => record);
	}

	/** Stores a batch of log records and drops all but the newest LOG_CAP. */
	private async writeLog(records: LogRecord[]): Promise<void> {
		await this.connection.runWhileClosing(['log'], async (t) => {
			const keys = await t.log.bulkAdd(records, { allKeys: true });
			const newest = keys[keys.length - 1];
			await t.log
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
		this.connection.markClosing();
		this.removeSink?.();
		this.changes.close();
		const pending = this.logWriter?.flush() ?? Promise.resolve();
		this.closing = pending.finally(() => this.connection.close());
	}

	/** Resolves once close() has written the pending log records and closed the connection. */
	whenClosed(): Promise<void> {
		return this.closing ?? Promise.resolve();
	}
}
