/**
 * State shared by one readwrite transaction: the id and block-key counters, the id index, and
 * a session per bucket touched (session.ts). Everything is read inside the transaction and
 * written back by `finish()` at its end, so several contexts writing the same database at once
 * never hand out the same id or block key: IndexedDB runs their transactions one after another.
 *
 * Must only be used inside one readwrite transaction over the stores it touches: a Dexie
 * transaction over WRITE_TABLES (its bound tables), or a lean one (lean-tx.ts).
 */
import { HindsightError } from '../core/errors';
import { indexOfId } from './block';
import type { BlockRow, BucketRow, DirRow, HeadRow, IdChunkRow, MetaRow } from './records';
import { ID_CHUNK } from './records';
import { BucketSession, type Layout } from './session';

export const WRITE_TABLES = ['meta', 'buckets', 'heads', 'dirs', 'blocks', 'idmap'] as const;

export type WriteTableName = (typeof WRITE_TABLES)[number];

/**
 * The table methods that writes use, by primary key only. Dexie's tables bound to a
 * transaction have them (versions.ts `boundTables`), and so do lean transactions. `bulkGet`
 * answers in the order of its keys, `undefined` for a missing row; `toArray` in key order.
 */
export type RowTable<Row, Key> = {
	get(key: Key): Promise<Row | undefined>;
	bulkGet(keys: Key[]): Promise<(Row | undefined)[]>;
	put(row: Row): Promise<unknown>;
	bulkPut(rows: readonly Row[]): Promise<unknown>;
	delete(key: Key): Promise<void>;
	bulkDelete(keys: Key[]): Promise<void>;
	toArray(): Promise<Row[]>;
};

/** The stores a readwrite transaction of WriteTx may touch. */
export type WriteTables = {
	meta: RowTable<MetaRow, string>;
	buckets: RowTable<BucketRow, string>;
	heads: RowTable<HeadRow, string>;
	dirs: RowTable<DirRow, string>;
	blocks: RowTable<BlockRow, number>;
	idmap: RowTable<IdChunkRow, number>;
};

type CounterRow = Extract<MetaRow, { key: 'counters' }>;

/** The global counters of the `meta` store, loaded once per transaction. */
export class Counters {
	private row: CounterRow | null = null;
	private dirty = false;

	constructor(private readonly db: WriteTables) {}

	async load(): Promise<void> {
		if (this.row) return;
		const row = await this.db.meta.get('counters');
		this.row = row && row.key === 'counters' ? row : { key: 'counters', nextId: 1, nextBlock: 1 };
	}

	private loaded(): CounterRow {
		if (!this.row) throw new HindsightError('internal', 'The counters were used before loading');
		return this.row;
	}

	/** Reserves `n` consecutive fresh event ids and returns the first. */
	takeIds(n: number): number {
		const row = this.loaded();
		const first = row.nextId;
		row.nextId += n;
		this.dirty = true;
		return first;
	}

	/** Makes later fresh ids continue above an explicitly used id. */
	raiseAbove(id: number): void {
		const row = this.loaded();
		if (id >= row.nextId) {
			row.nextId = id + 1;
			this.dirty = true;
		}
	}

	takeBlockKey(): number {
		const row = this.loaded();
		this.dirty = true;
		return row.nextBlock++;
	}

	async save(): Promise<void> {
		if (this.row && this.dirty) await this.db.meta.put(this.row);
		this.dirty = false;
	}
}

/** The id index (records.ts IdChunkRow): reads chunks on demand, writes changes at the end. */
export class IdIndex {
	private readonly chunks = new Map<number, Int32Array>();
	private readonly pending = new Map<number, number>();

	constructor(private readonly db: WriteTables) {}

	/** Reads the chunks holding these ids in one batch. */
	async prefetch(ids: Iterable<number>): Promise<void> {
		const wanted = new Set<number>();
		for (const id of ids) {
			const chunk = Math.floor(id / ID_CHUNK);
			if (!this.chunks.has(chunk)) wanted.add(chunk);
		}
		if (wanted.size === 0) return;
		const keys = [...wanted];
		const rows = await this.db.idmap.bulkGet(keys);
		keys.forEach((chunk, i) => this.chunks.set(chunk, rows[i]?.blocks ?? new Int32Array(ID_CHUNK)));
	}

	/** The block key listed for `id`, 0 when none; its chunk must have been prefetched. */
	peek(id: number): number {
		const pending = this.pending.get(id);
		if (pending !== undefined) return pending;
		const chunk = Math.floor(id / ID_CHUNK);
		const slots = this.chunks.get(chunk);
		if (!slots) throw new HindsightError('internal', `Id chunk ${chunk} was used before loading`);
		return slots[id - chunk * ID_CHUNK];
	}

	set(id: number, blockKey: number): void {
		this.pending.set(id, blockKey);
	}

	async save(): Promise<void> {
		if (this.pending.size === 0) return;
		await this.prefetch(this.pending.keys());
		const touched = new Set<number>();
		for (const [id, key] of this.pending) {
			const chunk = Math.floor(id / ID_CHUNK);
			this.chunks.get(chunk)![id - chunk * ID_CHUNK] = key;
			touched.add(chunk);
		}
		this.pending.clear();
		await this.db.idmap.bulkPut(
			[...touched].map((chunk) => ({ chunk, blocks: this.chunks.get(chunk)! }))
		);
	}
}

export class WriteTx {
	readonly counters: Counters;
	readonly ids: IdIndex;
	private readonly sessions = new Map<string, BucketSession>();
	private heads: HeadRow[] | null = null;

	constructor(
		readonly db: WriteTables,
		readonly layout: Layout
	) {
		this.counters = new Counters(db);
		this.ids = new IdIndex(db);
	}

	/** The session of an existing bucket; `bucket_not_found` when it does not exist. */
	async session(bucketId: string): Promise<BucketSession> {
		const open = this.sessions.get(bucketId);
		if (open) return open;
		const head = await this.db.heads.get(bucketId);
		if (!head) throw bucketNotFound(bucketId);
		return this.adopt(head);
	}

	/** The session already open for a bucket in this transaction, if any. */
	opened(bucketId: string): BucketSession | undefined {
		return this.sessions.get(bucketId);
	}

	/** A session for a bucket created in this transaction. */
	create(bucketId: string): BucketSession {
		return this.adopt({ bucket: bucketId, hot: [], ref: null, count: 0, start: null, end: null });
	}

	private adopt(head: HeadRow): BucketSession {
		const session = new BucketSession(this, head);
		this.sessions.set(head.bucket, session);
		return session;
	}

	/** Forgets a bucket deleted in this transaction. */
	drop(bucketId: string): void {
		this.sessions.delete(bucketId);
	}

	/**
	 * The buckets other than `except` holding these event ids, by id (ids no other bucket holds
	 * are absent). Reads the id index, the blocks it points to and, if needed, every head, each
	 * in one batch.
	 */
	async ownersElsewhere(ids: readonly number[], except: string): Promise<Map<number, string>> {
		const owners = new Map<number, string>();
		if (ids.length === 0) return owners;
		await this.ids.prefetch(ids);
		const keys = [...new Set(ids.map((id) => this.ids.peek(id)).filter((key) => key !== 0))];
		const rows = keys.length > 0 ? await this.db.blocks.bulkGet(keys) : [];
		const byKey = new Map(keys.map((key, i) => [key, rows[i]]));
		for (const id of ids) {
			const row = byKey.get(this.ids.peek(id));
			if (row && row.bucket !== except && indexOfId(row, id) >= 0) owners.set(id, row.bucket);
		}

		const rest = ids.filter((id) => !owners.has(id));
		if (rest.length === 0) return owners;
		this.heads ??= await this.db.heads.toArray();
		for (const stored of this.heads) {
			if (stored.bucket === except) continue;
			const head = this.sessions.get(stored.bucket)?.head ?? stored;
			for (const event of head.hot) if (rest.includes(event.id)) owners.set(event.id, head.bucket);
		}
		return owners;
	}

	/** Writes every session, then the id index and the counters. */
	async finish(): Promise<void> {
		for (const session of this.sessions.values()) await session.commit();
		await this.ids.save();
		await this.counters.save();
	}
}

export function bucketNotFound(bucketId: string): HindsightError {
	return new HindsightError('bucket_not_found', `There is no bucket '${bucketId}'`, {
		bucket: bucketId
	});
}
