/**
 * The database schema and its history. Each entry of SCHEMA_VERSIONS is one Dexie version: the
 * object stores (Dexie's `stores()` syntax) and, from the second version on, the `upgrade` that
 * rewrites rows of the previous format. Entries are only ever appended: a database made by any
 * earlier release must open under the current code (tests/store/versions.test.ts builds one at
 * version 1 and opens it).
 *
 * FORMAT_VERSION names the row format of README.md. It is stored in the `meta` store; a database
 * whose format is newer than this code refuses to open (`database_version`) instead of letting
 * old code misread rows it does not understand.
 */
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import type {
	BlockRow,
	BucketRow,
	DirRow,
	HeadRow,
	IdChunkRow,
	LogRow,
	MetaRow,
	SettingRow
} from './records';

export type SchemaVersion = {
	version: number;
	stores: Record<string, string | null>;
	upgrade?: (tx: Transaction) => Promise<void>;
};

/** Version 1: every store is keyed by its primary key only; no secondary index is needed. */
const V1_STORES = {
	meta: 'key',
	buckets: 'id',
	heads: 'bucket',
	dirs: 'bucket',
	blocks: 'key',
	idmap: 'chunk',
	settings: 'key',
	log: '++seq'
};

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [{ version: 1, stores: V1_STORES }];

/** The object stores, typed; inside a transaction, bound to it (`boundTables`). */
export type Tables = {
	meta: Table<MetaRow, string>;
	buckets: Table<BucketRow, string>;
	heads: Table<HeadRow, string>;
	dirs: Table<DirRow, string>;
	blocks: Table<BlockRow, number>;
	idmap: Table<IdChunkRow, number>;
	settings: Table<SettingRow, string>;
	log: Table<LogRow, number>;
};

export type TableName = keyof Tables;

const TABLE_NAMES: readonly TableName[] = Object.keys(V1_STORES) as TableName[];

/**
 * The tables of a transaction, bound to it. Every request inside a transaction goes through
 * these rather than `db.<table>`: a bound table always targets its own transaction, while a
 * `db.<table>` call relies on Dexie's zone, which it keeps across only about a hundred
 * microtask hops of native async functions; past that, a `db.<table>` call would silently
 * start a transaction of its own and break atomicity. Only tables in the transaction's scope
 * may be used (others throw NotFoundError).
 */
export function boundTables(trans: Transaction): Tables {
	const out = {} as Tables;
	for (const name of TABLE_NAMES) {
		Object.defineProperty(out, name, { get: () => trans.table(name), enumerable: true });
	}
	return out;
}

/** The row format this code writes and understands. */
export const FORMAT_VERSION = 1;

/** The Dexie database with Hindsight's tables. */
export class HindsightDb extends Dexie {
	declare meta: Table<MetaRow, string>;
	declare buckets: Table<BucketRow, string>;
	declare heads: Table<HeadRow, string>;
	declare dirs: Table<DirRow, string>;
	declare blocks: Table<BlockRow, number>;
	declare idmap: Table<IdChunkRow, number>;
	declare settings: Table<SettingRow, string>;
	declare log: Table<LogRow, number>;

	constructor(name: string, options: DexieOptions, versions: readonly SchemaVersion[]) {
		super(name, options);
		for (const entry of versions) {
			const version = this.version(entry.version).stores(entry.stores);
			if (entry.upgrade) version.upgrade(entry.upgrade);
		}
		this.on('populate', (tx) => populate(tx));
	}
}

/** Fills a new database: its format, its device id and the id counters. */
function populate(tx: Transaction): Promise<unknown> {
	const rows: MetaRow[] = [
		{ key: 'format', version: FORMAT_VERSION },
		{ key: 'device', id: newDeviceId() },
		{ key: 'counters', nextId: 1, nextBlock: 1 }
	];
	return tx.table('meta').bulkAdd(rows);
}

/** A random UUID, version 4. */
export function newDeviceId(): string {
	if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	bytes[6] = (bytes[6] & 0x0f) | 0x40;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
