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
 * - `router`: the REST router called directly with a Request (adds parsing and serializing).
 */
/// <reference lib="webworker" />
import Dexie, { type Table } from 'dexie';
import { createApiHost } from '../../src/api/host';
import { runQuery } from '../../src/core/query/run';
import { Datastore } from '../../src/store/datastore';

declare const self: DedicatedWorkerGlobalScope;

export type Probe = 'idb' | 'dexie' | 'store' | 'store-broadcast' | 'store-dexie' | 'router';

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

const datastores = new Map<Probe, Datastore>();
let host: ReturnType<typeof createApiHost> | null = null;

async function storeSetup(probe: Probe = 'store'): Promise<Datastore> {
	let store = datastores.get(probe);
	if (!store) {
		const broadcast = probe === 'store-broadcast';
		const leanHeartbeats = probe !== 'store-dexie';
		store = new Datastore({ name: `bench-${probe}`, broadcast, leanHeartbeats });
		datastores.set(probe, store);
	}
	await store.createBucket({ id: 'probe', name: null, created: 0, data: {}, ...BUCKET });
	return store;
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
