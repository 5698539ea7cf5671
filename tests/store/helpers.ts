/**
 * Helpers for datastore tests: a fresh fake-indexeddb factory per store, quiet logging, and
 * small builders for buckets and events (times in seconds from a fixed origin).
 */
import {
	IDBDatabase as FakeDatabase,
	IDBFactory,
	IDBKeyRange,
	IDBObjectStore as FakeObjectStore
} from 'fake-indexeddb';
import { afterEach } from 'vitest';
import { setConsoleLogging } from '../../src/core/log';
import type { Bucket } from '../../src/core/model/bucket';
import type { Event } from '../../src/core/model/event';
import type { JsonObject } from '../../src/core/model/json';
import { Datastore, type DatastoreOptions } from '../../src/store/datastore';

setConsoleLogging(false);

/** 2024-05-01T00:00:00Z in microseconds. */
export const T0 = Date.UTC(2024, 4, 1) * 1000;

/** An instant `seconds` after T0. */
export const at = (seconds: number): number => T0 + Math.round(seconds * 1_000_000);

/** Seconds to microseconds. */
export const sec = (seconds: number): number => Math.round(seconds * 1_000_000);

export function bucket(id: string, fields: Partial<Bucket> = {}): Bucket {
	return {
		id,
		name: null,
		type: 'currentwindow',
		client: 'test',
		hostname: 'host',
		created: T0,
		data: {},
		...fields
	};
}

/** An event starting `start` seconds after T0, lasting `duration` seconds. */
export function ev(
	start: number,
	duration = 0,
	data: JsonObject = {},
	id: number | null = null
): Event {
	return { id, timestamp: at(start), duration: sec(duration), data };
}

const open: Datastore[] = [];

afterEach(async () => {
	for (const store of open.splice(0)) {
		store.close();
		await store.whenClosed();
	}
});

/** A datastore on a fresh in-memory database, closed after the test. */
export async function openStore(options: DatastoreOptions = {}): Promise<Datastore> {
	const store = await Datastore.open({
		indexedDB: new IDBFactory(),
		IDBKeyRange,
		broadcast: false,
		captureLog: false,
		...options
	});
	open.push(store);
	return store;
}

/** A second datastore on the same database as `store`'s factory. */
export async function openTwin(
	factory: IDBFactory,
	options: DatastoreOptions = {}
): Promise<Datastore> {
	return openStore({ indexedDB: factory, ...options });
}

/** Start offsets (seconds after T0) and ids of events, for compact assertions. */
export function starts(events: readonly Event[]): number[] {
	return events.map((e) => (e.timestamp - T0) / 1_000_000);
}

export function ids(events: readonly Event[]): (number | null)[] {
	return events.map((e) => e.id);
}

/**
 * Makes every `put` into the named object store fail after the first `after` ones, with the
 * given error, the way a full disk or quota does mid-transaction. Returns the undo function.
 */
export function failPuts(storeName: string, after: number, error: () => Error): () => void {
	const proto = FakeObjectStore.prototype;
	const original = proto.put;
	let count = 0;
	proto.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
		if (this.name === storeName && ++count > after) throw error();
		return original.call(this, value, key);
	};
	return () => {
		proto.put = original;
	};
}

/**
 * Records every request made on object stores (`heads.get`, `blocks.put`, ...) while `work`
 * runs. Dexie's batch calls show up as one request per key, as IndexedDB sees them.
 */
export async function recordRequests(
	work: () => Promise<unknown>,
	seen: string[] = []
): Promise<string[]> {
	const proto = FakeObjectStore.prototype as unknown as Record<
		string,
		(...args: unknown[]) => unknown
	>;
	const methods = ['get', 'getAll', 'getAllKeys', 'put', 'add', 'delete', 'count', 'openCursor'];
	const originals = methods.map((m) => proto[m]);
	methods.forEach((method, i) => {
		proto[method] = function (this: IDBObjectStore, ...args: unknown[]) {
			seen.push(`${this.name}.${method}`);
			return originals[i].apply(this, args);
		};
	});
	try {
		await work();
	} finally {
		methods.forEach((method, i) => (proto[method] = originals[i]));
	}
	return seen;
}

/** The stores of every readwrite transaction `work` opens, in order, each sorted. */
export async function recordScopes(work: () => Promise<unknown>): Promise<string[][]> {
	const proto = FakeDatabase.prototype as unknown as { transaction: IDBDatabase['transaction'] };
	const original = proto.transaction;
	const scopes: string[][] = [];
	proto.transaction = function (this: IDBDatabase, names, mode, options) {
		if (mode === 'readwrite') scopes.push(typeof names === 'string' ? [names] : [...names].sort());
		return original.call(this, names, mode, options);
	};
	try {
		await work();
	} finally {
		proto.transaction = original;
	}
	return scopes;
}
