/**
 * Lean readwrite transactions: a native IndexedDB transaction on the connection Dexie opened
 * (`backendDB()`), with the table methods of WriteTables, so WriteTx and BucketSession run on
 * it unchanged. The heartbeat path uses it (datastore.ts): for a transaction of one read and
 * one write, Dexie's own machinery (its zone, promise wrappers and middleware) cost about as
 * much as IndexedDB itself (bench/api.bench.ts, `dexie.heartbeat-floor`).
 *
 * It keeps the guarantees of a Dexie transaction:
 * - all or nothing: writes are kept in memory and handed to IndexedDB in one synchronous burst
 *   once the body has finished. If the transaction is no longer active by then (the body waited
 *   for something other than its own requests, so IndexedDB committed early), the first write
 *   throws and none reaches the database; a failing request or a failed commit aborts it whole;
 * - reads see the transaction's own earlier writes;
 * - relaxed durability, like the Dexie connection (rest-api.md 12.2).
 *
 * A transaction's scope costs per store in Chromium (a second store adds about a fifth to a
 * one-read, one-write transaction: bench/api.bench.ts, `idb.scope2-vs-scope1`), so a scope is a
 * list of tiers, each wider than the one before: the body runs over the first tier, and when it
 * reaches for a store outside it, it is stopped before anything was written and run again over
 * the next tier holding every store it reached for.
 *
 * Optimistic reads (KnownRows): a context that keeps the rows it last saw committed in one
 * store may hand them to a transaction, which then takes such a row as read without waiting for
 * IndexedDB. The read is still made, issued with the writes in one burst once the body has
 * finished; if the row read differs from the one assumed (another context wrote it since), the
 * transaction is aborted before it commits and run again, reading first. A heartbeat's merge
 * thus pays one round trip to the database instead of two, and can never act on a stale row.
 *
 * A native transaction stays active while its requests' promise continuations run (they run
 * in the microtask checkpoint of each success event), so the body may await its own requests
 * and chains of async functions freely, unlike under Dexie's zones (README.md). A row handed to
 * `put` is stored as it is when the body ends: callers do not change rows after writing them.
 */
import { HindsightError } from '../core/errors';
import { WRITE_TABLES, type RowTable, type WriteTableName, type WriteTables } from './write-tx';

const DELETED = Symbol('deleted');

/**
 * The stores of a lean transaction: tiers tried in order, the first holding every store the
 * body reaches for wins. The last tier is every store the body may use.
 */
export type LeanScope = readonly [readonly WriteTableName[], ...(readonly WriteTableName[])[]];

/**
 * Thrown by a table outside the transaction's scope: `runLean` widens the scope; outside every
 * tier it is a bug (`internal`).
 */
class OutOfScope extends HindsightError {
	constructor(readonly store: WriteTableName) {
		super('internal', `The store '${store}' is outside this lean transaction's scope`, { store });
	}
}

type Key = string | number;

/** Thrown when a row taken as read turned out to differ: `runLean` runs the body again. */
class StaleRow extends Error {}

/**
 * The rows of one store as this context last saw them committed, by key, for optimistic reads.
 * A transaction given them updates them once it commits, with every row of the store it read or
 * wrote; a row found stale is forgotten. Rows kept here are never changed: a transaction hands
 * its body copies.
 */
export class KnownRows {
	private readonly rows = new Map<Key, unknown>();

	constructor(
		readonly store: WriteTableName,
		/** The most rows kept; the oldest go first. */
		private readonly max = 256
	) {}

	get(key: Key): unknown {
		return this.rows.get(key);
	}

	set(key: Key, row: unknown): void {
		this.rows.delete(key);
		this.rows.set(key, row);
		if (this.rows.size > this.max) this.rows.delete(this.rows.keys().next().value as Key);
	}

	forget(key: Key): void {
		this.rows.delete(key);
	}

	clear(): void {
		this.rows.clear();
	}
}

/** Whether two rows read from IndexedDB hold the same values (structured-clone data). */
export function sameRow(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
		return Number.isNaN(a) && Number.isNaN(b);
	}
	if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
	if (Array.isArray(a) || ArrayBuffer.isView(a)) {
		const left = a as ArrayLike<unknown>;
		const right = b as ArrayLike<unknown>;
		if (left.length !== right.length) return false;
		for (let i = 0; i < left.length; i++) if (!sameRow(left[i], right[i])) return false;
		return true;
	}
	const keys = Object.keys(a);
	if (keys.length !== Object.keys(b).length) return false;
	const left = a as Record<string, unknown>;
	const right = b as Record<string, unknown>;
	return keys.every((key) => Object.hasOwn(right, key) && sameRow(left[key], right[key]));
}

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

/** One object store of a lean transaction, its writes buffered until `flush()`. */
class LeanTable<Row> implements RowTable<Row, Key> {
	private handle: IDBObjectStore | null = null;
	private readonly writes = new Map<Key, Row | typeof DELETED>();
	/** Rows taken from `known` without a read, to be checked by `flush()`. */
	private readonly assumed = new Map<Key, Row>();
	/** Rows read from the database, for `known` once committed. */
	private readonly read = new Map<Key, Row | undefined>();

	constructor(
		private readonly trans: IDBTransaction,
		private readonly name: WriteTableName,
		private readonly inScope: boolean,
		private readonly reached: Set<WriteTableName>,
		private readonly known: KnownRows | null,
		private readonly onStale: () => void
	) {}

	private store(): IDBObjectStore {
		this.reached.add(this.name);
		if (!this.inScope) throw new OutOfScope(this.name);
		this.handle ??= this.trans.objectStore(this.name);
		return this.handle;
	}

	private keyOf(row: Row): Key {
		return (row as Record<string, Key>)[this.store().keyPath as string];
	}

	get(key: Key): Promise<Row | undefined> {
		const written = this.writes.get(key);
		if (written === DELETED) return Promise.resolve(undefined);
		if (written !== undefined) return Promise.resolve(structuredClone(written));
		const assumed = this.assumed.get(key) ?? (this.known?.get(key) as Row | undefined);
		if (assumed !== undefined) {
			this.store();
			this.assumed.set(key, assumed);
			return Promise.resolve(structuredClone(assumed));
		}
		return request(this.store().get(key) as IDBRequest<Row | undefined>).then((row) => {
			if (this.known && !this.read.has(key)) this.read.set(key, structuredClone(row));
			return row;
		});
	}

	bulkGet(keys: Key[]): Promise<(Row | undefined)[]> {
		return Promise.all(keys.map((key) => this.get(key)));
	}

	async put(row: Row): Promise<Key> {
		const key = this.keyOf(row);
		this.writes.set(key, row);
		return key;
	}

	async bulkPut(rows: readonly Row[]): Promise<void> {
		for (const row of rows) this.writes.set(this.keyOf(row), row);
	}

	async delete(key: Key): Promise<void> {
		this.writes.set(key, DELETED);
	}

	async bulkDelete(keys: Key[]): Promise<void> {
		for (const key of keys) this.writes.set(key, DELETED);
	}

	/** Every row in key order, with this transaction's writes applied. */
	async toArray(): Promise<Row[]> {
		const stored = (await request(this.store().getAll())) as Row[];
		if (this.writes.size === 0) return stored;
		const rows = new Map<Key, Row>(stored.map((row) => [this.keyOf(row), row]));
		for (const [key, row] of this.writes) {
			if (row === DELETED) rows.delete(key);
			else rows.set(key, structuredClone(row));
		}
		return [...rows.keys()].sort(compareKeys).map((key) => rows.get(key)!);
	}

	/**
	 * Issues the reads of the rows taken as read, each checked against what was assumed (a
	 * difference aborts the transaction), then every buffered write, in the order they were
	 * made; all synchronously.
	 */
	flush(): void {
		if (this.writes.size === 0 && this.assumed.size === 0) return;
		const store = this.store();
		for (const [key, assumed] of this.assumed) {
			const check = store.get(key);
			check.onsuccess = () => {
				if (sameRow(check.result, assumed)) return;
				this.known?.forget(key);
				this.onStale();
			};
		}
		for (const [key, row] of this.writes) {
			if (row === DELETED) store.delete(key);
			else store.put(row);
		}
	}

	/** Tells `known` what the committed transaction read and wrote. */
	committed(): void {
		const known = this.known;
		if (!known) return;
		for (const [key, row] of this.read) {
			if (row === undefined) known.forget(key);
			else known.set(key, row);
		}
		for (const [key, row] of this.writes) {
			if (row === DELETED) known.forget(key);
			else known.set(key, row);
		}
	}
}

/** IndexedDB's order for the keys used here: numbers before strings, each in natural order. */
function compareKeys(a: Key, b: Key): number {
	if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
	return a < b ? -1 : a > b ? 1 : 0;
}

function abortQuietly(trans: IDBTransaction): void {
	try {
		trans.abort();
	} catch {
		// Already committed or aborted: nothing is left to undo.
	}
}

/**
 * Runs `body` in one native readwrite transaction of `db` and resolves with its result once the
 * transaction has committed: over the first tier of `scope`, and again, each time the body
 * reaches for a store outside the current tier, over the next tier holding every store it has
 * reached for so far. Rows of `known` are taken as read, and the body runs again (reading) when
 * one of them turned out stale. When the body throws, the transaction is aborted and the body's error
 * rethrown; when IndexedDB aborts it, its error (a DOMException such as QuotaExceededError) is
 * thrown. Either way nothing was written. The body may run twice: it must change nothing
 * outside the transaction before it ends.
 */
export async function runLean<T>(
	db: IDBDatabase,
	scope: LeanScope,
	body: (tables: WriteTables) => Promise<T>,
	known: KnownRows | null = null
): Promise<T> {
	const reached = new Set<WriteTableName>();
	let tier = 0;
	for (;;) {
		try {
			return await runOnce(db, scope[tier], body, reached, known);
		} catch (err) {
			// The stale row was forgotten: this time it is read.
			if (err instanceof StaleRow) continue;
			if (!(err instanceof OutOfScope)) throw err;
			const wider = scope.findIndex(
				(stores, i) => i > tier && [...reached].every((name) => stores.includes(name))
			);
			if (wider < 0) throw err;
			tier = wider;
		}
	}
}

/** One try over `stores`; adds every store the body made a request to to `reached`. */
async function runOnce<T>(
	db: IDBDatabase,
	stores: readonly WriteTableName[],
	body: (tables: WriteTables) => Promise<T>,
	reached: Set<WriteTableName>,
	known: KnownRows | null
): Promise<T> {
	const trans = db.transaction([...stores], 'readwrite', { durability: 'relaxed' });
	let stale = false;
	const onStale = () => {
		stale = true;
		abortQuietly(trans);
	};
	const committed = new Promise<void>((resolve, reject) => {
		trans.oncomplete = () => resolve();
		trans.onabort = () =>
			reject(trans.error ?? new DOMException('The transaction was aborted', 'AbortError'));
	});
	committed.catch(() => undefined);

	const tables = new Map<WriteTableName, LeanTable<unknown>>();
	const table = (name: WriteTableName) => {
		let found = tables.get(name);
		if (!found) {
			const rows = known?.store === name ? known : null;
			found = new LeanTable(trans, name, stores.includes(name), reached, rows, onStale);
			tables.set(name, found);
		}
		return found;
	};
	const view = {} as Record<WriteTableName, LeanTable<unknown>>;
	for (const name of WRITE_TABLES) Object.defineProperty(view, name, { get: () => table(name) });

	try {
		const result = await body(view as unknown as WriteTables);
		for (const used of tables.values()) used.flush();
		await committed;
		for (const used of tables.values()) used.committed();
		return result;
	} catch (err) {
		abortQuietly(trans);
		if (stale) throw new StaleRow('A row taken as read had changed');
		throw err;
	}
}
