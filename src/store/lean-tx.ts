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
 * A transaction's scope costs a little per store (about a tenth of a one-write transaction for
 * five stores instead of one in Chromium), so a scope names the stores a body likely needs and
 * all it may need: the body runs over the likely ones first, and when it reaches for another
 * store it is stopped before anything was written and run again over all of them.
 *
 * A native transaction stays active while its requests' promise continuations run (they run
 * in the microtask checkpoint of each success event), so the body may await its own requests
 * and chains of async functions freely, unlike under Dexie's zones (README.md). A row handed to
 * `put` is stored as it is when the body ends: callers do not change rows after writing them.
 */
import { HindsightError } from '../core/errors';
import { WRITE_TABLES, type RowTable, type WriteTableName, type WriteTables } from './write-tx';

const DELETED = Symbol('deleted');

/** The stores of a lean transaction: tried over `likely` first, run again over `all` if needed. */
export type LeanScope = {
	likely: readonly WriteTableName[];
	all: readonly WriteTableName[];
};

/**
 * Thrown by a table outside the transaction's scope: `runLean` widens the scope; outside every
 * scope it is a bug (`internal`).
 */
class OutOfScope extends HindsightError {
	constructor(readonly store: WriteTableName) {
		super('internal', `The store '${store}' is outside this lean transaction's scope`, { store });
	}
}

type Key = string | number;

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

	constructor(
		private readonly trans: IDBTransaction,
		private readonly name: WriteTableName,
		private readonly inScope: boolean
	) {}

	private store(): IDBObjectStore {
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
		return request(this.store().get(key) as IDBRequest<Row | undefined>);
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

	/** Issues every buffered write (synchronously, in the order they were made). */
	flush(): void {
		if (this.writes.size === 0) return;
		const store = this.store();
		for (const [key, row] of this.writes) {
			if (row === DELETED) store.delete(key);
			else store.put(row);
		}
		this.writes.clear();
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
 * transaction has committed: over `scope.likely`, and again over `scope.all` when the body used
 * another store. When the body throws, the transaction is aborted and the body's error
 * rethrown; when IndexedDB aborts it, its error (a DOMException such as QuotaExceededError) is
 * thrown. Either way nothing was written. The body may run twice: it must change nothing
 * outside the transaction before it ends.
 */
export async function runLean<T>(
	db: IDBDatabase,
	scope: LeanScope,
	body: (tables: WriteTables) => Promise<T>
): Promise<T> {
	try {
		return await runOnce(db, scope.likely, body);
	} catch (err) {
		if (!(err instanceof OutOfScope) || scope.likely.includes(err.store)) throw err;
		return runOnce(db, scope.all, body);
	}
}

async function runOnce<T>(
	db: IDBDatabase,
	stores: readonly WriteTableName[],
	body: (tables: WriteTables) => Promise<T>
): Promise<T> {
	const trans = db.transaction([...stores], 'readwrite', { durability: 'relaxed' });
	const committed = new Promise<void>((resolve, reject) => {
		trans.oncomplete = () => resolve();
		trans.onabort = () =>
			reject(trans.error ?? new DOMException('The transaction was aborted', 'AbortError'));
	});
	committed.catch(() => undefined);

	const tables = new Map<WriteTableName, LeanTable<unknown>>();
	const table = (name: WriteTableName) => {
		let found = tables.get(name);
		if (!found) tables.set(name, (found = new LeanTable(trans, name, stores.includes(name))));
		return found;
	};
	const view = {} as Record<WriteTableName, LeanTable<unknown>>;
	for (const name of WRITE_TABLES) Object.defineProperty(view, name, { get: () => table(name) });

	try {
		const result = await body(view as unknown as WriteTables);
		for (const used of tables.values()) used.flush();
		await committed;
		return result;
	} catch (err) {
		abortQuietly(trans);
		throw err;
	}
}
