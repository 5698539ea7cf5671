/**
 * The worker-side probes of bench/api.bench.ts, each storing `count` merging heartbeats one
 * after another in a dedicated worker and answering `{ms}`:
 * - `idb`: the floor, a bare readwrite transaction that reads the last event and puts it back
 *   extended, with the relaxed durability the datastore uses;
 * - `dexie`: the same transaction written with Dexie (Dexie's own cost);
 * - `store`: `Datastore.heartbeat` called directly (the datastore's cost, no transport);
 * - `store-broadcast`: the same with change broadcast on, as the app's contexts run it;
 * - `store-dexie`: the same with `leanHeartbeats: false`, each heartbeat in a Dexie transaction
 *   (the path before lean transactions);
 * - `router`: the REST router called directly with a Request (adds parsing and serializing);
 * - `store-hot64`, `store-hot8`: `store` on a bucket whose hot set holds 64 (the default
 *   `hotMax`) or 8 events (with `hotMax` 8), window-like events with titles, as a bucket's
 *   head holds between two packings;
 * - `idb-head1`, `idb-head64`: the floor's transaction done on a datastore's own database and
 *   rows: over `heads` and `meta`, read the head (1 or 64 hot events), extend its reference
 *   event, put it back (IndexedDB's cost of the datastore's merge, without the datastore);
 * - `idb-head1-heads`: `idb-head1` over `heads` alone (what a second store in the scope costs);
 * - `idb-ref`: the reference event in a row of its own (`refs`, keyed by bucket) on a database
 *   with the datastore's stores, read and put back over `refs` alone.
 */
/// <reference lib="webworker" />
import Dexie, { type Table } from 'dexie';
import { createApiHost } from '../../src/api/host';
import { runQuery } from '../../src/core/query/run';
import { Datastore } from '../../src/store/datastore';

declare const self: DedicatedWorkerGlobalScope;

export type Probe =
	| 'idb'
	| 'dexie'
	| 'store'
	| 'store-broadcast'
	| 'store-dexie'
	| 'router'
	| 'store-hot64'
	| 'store-hot8'
	| 'idb-head1'
	| 'idb-head64'
	| 'idb-head1-heads'
	| 'idb-ref';

type Row = { id: number; bucket: string; start: number; end: number; data: object };

const START = Date.parse('2024-05-01T00:00:00Z') * 1000;
const BUCKET = { type: 'currentwindow', client: 'bench', hostname: 'bench' };
let sequence = 0;

let raw: Promise<IDBDatabase> | null = null;

function openRaw(): Promise<IDBDatabase> {
	raw ??= new Promise((resolve, reject) => {
		const request = indexedDB.open('bench-floor', 1);
		request.onupgradeneeded = () => request.result.createObjectStore('events', { keyPath: 'id' });
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	return raw;
}

function rawHeartbeat(db: IDBDatabase, at: number): Promise<void> {
	return new Promise((resolve, reject) => {
		const tx = db.transaction('events', 'readwrite', { durability: 'relaxed' });
		const store = tx.objectStore('events');
		const read = store.get(1);
		read.onsuccess = () => {
			const last = read.result as Row | undefined;
			const row = last ?? { id: 1, bucket: 'floor', start: at, end: at, data: { app: 'a' } };
			store.put({ ...row, end: at });
		};
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
	});
}

class BenchDexie extends Dexie {
	events!: Table<Row, number>;
	constructor() {
		super('bench-dexie', { chromeTransactionDurability: 'relaxed' });
		this.version(1).stores({ events: 'id' });
	}
}

let dexie: BenchDexie | null = null;

async function dexieHeartbeat(db: BenchDexie, at: number): Promise<void> {
	await db.transaction('rw', db.events, async () => {
		const last = await db.events.get(1);
		const row = last ?? { id: 1, bucket: 'floor', start: at, end: at, data: { app: 'a' } };
		await db.events.put({ ...row, end: at });
	});
}

/** Hot events and `hotMax` of the probes on a filled head. */
const FILLED: Partial<Record<Probe, { hot: number; hotMax: number }>> = {
	'store-hot64': { hot: 64, hotMax: 64 },
	'store-hot8': { hot: 8, hotMax: 8 },
	'idb-head1': { hot: 1, hotMax: 64 },
	'idb-head64': { hot: 64, hotMax: 64 },
	'idb-head1-heads': { hot: 1, hotMax: 64 }
};

/** `count` window-like events before START, one second apart, each with its own title. */
function fillers(count: number) {
	return Array.from({ length: count }, (_, i) => ({
		id: null,
		timestamp: START - (count - i) * 1_000_000,
		duration: 900_000,
		data: { app: 'firefox', title: `Issue ${i} - a project tracker page title - Mozilla Firefox` }
	}));
}

const datastores = new Map<Probe, Datastore>();
let host: ReturnType<typeof createApiHost> | null = null;

async function storeSetup(probe: Probe = 'store'): Promise<Datastore> {
	let store = datastores.get(probe);
	if (!store) {
		const broadcast = probe === 'store-broadcast';
		const leanHeartbeats = probe !== 'store-dexie';
		const filled = FILLED[probe];
		const layout = filled ? { hotMax: filled.hotMax } : {};
		store = new Datastore({ name: `bench-${probe}`, broadcast, leanHeartbeats, layout });
		datastores.set(probe, store);
	}
	const bucket = { id: 'probe', name: null, created: 0, data: {}, ...BUCKET };
	const filled = FILLED[probe];
	if (await store.createBucket(bucket, filled ? fillers(filled.hot - 1) : [])) {
		await store.heartbeat(
			'probe',
			{ id: null, timestamp: START, duration: 0, data: { app: 'a' } },
			60
		);
	}
	return store;
}

type HeadRow = {
	ref: number;
	end: number;
	hot: { id: number; timestamp: number; duration: number }[];
};

/** A native connection to a datastore's database, its probe bucket's head filled. */
async function openHead(probe: Probe): Promise<IDBDatabase> {
	const store = await storeSetup(probe);
	store.close();
	await store.whenClosed();
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(`bench-${probe}`);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

/** The datastore's merge done natively: read the head, extend its reference, put it back. */
function headHeartbeat(db: IDBDatabase, at: number, scope: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const tx = db.transaction(scope, 'readwrite', { durability: 'relaxed' });
		const heads = tx.objectStore('heads');
		const read = heads.get('probe');
		read.onsuccess = () => {
			const head = read.result as HeadRow;
			const event = head.hot.find((e) => e.id === head.ref)!;
			event.duration = at - event.timestamp;
			head.end = Math.max(head.end, at);
			heads.put(head);
		};
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
	});
}

const heads = new Map<Probe, Promise<IDBDatabase>>();

let refs: Promise<IDBDatabase> | null = null;

/** A database with the datastore's stores plus `refs`, keyed by bucket. */
function openRefs(): Promise<IDBDatabase> {
	const keys: Record<string, string> = {
		meta: 'key',
		buckets: 'id',
		heads: 'bucket',
		dirs: 'bucket',
		blocks: 'key',
		idmap: 'chunk',
		settings: 'key',
		log: 'seq',
		refs: 'bucket'
	};
	refs ??= new Promise((resolve, reject) => {
		const request = indexedDB.open('bench-refs', 1);
		request.onupgradeneeded = () => {
			for (const [name, keyPath] of Object.entries(keys)) {
				request.result.createObjectStore(name, { keyPath });
			}
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	return refs;
}

/** A merge into a reference kept in its own row: read it, extend it, put it back. */
function refHeartbeat(db: IDBDatabase, at: number): Promise<void> {
	return new Promise((resolve, reject) => {
		const tx = db.transaction('refs', 'readwrite', { durability: 'relaxed' });
		const store = tx.objectStore('refs');
		const read = store.get('probe');
		read.onsuccess = () => {
			const event = { id: 1, timestamp: at, duration: 0, data: { app: 'a' } };
			const row = (read.result as { event: typeof event } | undefined) ?? {
				bucket: 'probe',
				event
			};
			row.event.duration = at - row.event.timestamp;
			store.put(row);
		};
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
	});
}

async function routerSetup() {
	host ??= createApiHost({ datastore: await storeSetup(), runQuery, origin: self.location.origin });
	return host.router;
}

/** One heartbeat of each probe, after its setup. */
async function prepare(probe: Probe): Promise<(at: number) => Promise<unknown>> {
	if (probe === 'idb') {
		const db = await openRaw();
		return (at) => rawHeartbeat(db, at);
	}
	if (probe === 'dexie') {
		const db = (dexie ??= new BenchDexie());
		return (at) => dexieHeartbeat(db, at);
	}
	if (probe.startsWith('idb-head')) {
		let db = heads.get(probe);
		if (!db) heads.set(probe, (db = openHead(probe)));
		const open = await db;
		const scope = probe === 'idb-head1-heads' ? ['heads'] : ['heads', 'meta'];
		return (at) => headHeartbeat(open, at, scope);
	}
	if (probe === 'idb-ref') {
		const db = await openRefs();
		return (at) => refHeartbeat(db, at);
	}
	if (probe.startsWith('store')) {
		const store = await storeSetup(probe);
		return (at) =>
			store.heartbeat('probe', { id: null, timestamp: at, duration: 0, data: { app: 'a' } }, 60);
	}
	const router = await routerSetup();
	const url = `${self.location.origin}/api/0/buckets/probe/heartbeat?pulsetime=60`;
	return async (at) => {
		const timestamp = new Date(at / 1000).toISOString();
		const body = JSON.stringify({ timestamp, duration: 0, data: { app: 'a' } });
		const response = await router(new Request(url, { method: 'POST', body }));
		await response.text();
	};
}

self.onmessage = async (event: MessageEvent<{ probe: Probe; count: number }>) => {
	try {
		const beat = await prepare(event.data.probe);
		const started = performance.now();
		for (let i = 0; i < event.data.count; i++) await beat(START + sequence++ * 1_000_000);
		self.postMessage({ ms: performance.now() - started });
	} catch (err) {
		self.postMessage({ error: String(err) });
	}
};
