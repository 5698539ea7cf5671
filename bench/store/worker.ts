/**
 * The store benchmark's dedicated worker: a real Datastore on the browser's IndexedDB, and a
 * baseline plain Dexie table holding the same events one row each. Seeding uses the store's
 * own bulk path (insertEvents with large batches).
 */
import Dexie, { type Table } from 'dexie';
import { setConsoleLogging } from '../../src/core/log';
import { eventToJson, type Event } from '../../src/core/model/event';
import type { JsonObject } from '../../src/core/model/json';
import { Datastore } from '../../src/store/datastore';
import {
	BIG_BUCKET,
	DAY_US,
	ORIGIN_US,
	type BenchCommand,
	type BenchReply,
	type BenchRequest,
	type BenchResult
} from './protocol';

type Row = { id?: number; bucket: string; timestamp: number; duration: number; data: JsonObject };

class Baseline extends Dexie {
	declare events: Table<Row, number>;
	constructor() {
		super('bench-baseline', { chromeTransactionDurability: 'relaxed', cache: 'disabled' });
		this.version(1).stores({ events: '++id, [bucket+timestamp]' });
	}
}

setConsoleLogging(false);
const store = new Datastore({ name: 'bench-store', broadcast: false, captureLog: false });
const baseline = new Baseline();
let bigEvents: Event[] = [];

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Window-watcher-like data: a few apps, a few thousand titles, frequent ones far more often. */
function dataPool(size: number, next: () => number): JsonObject[] {
	const apps = ['firefox', 'code', 'terminal', 'slack', 'thunderbird', 'evince', 'gimp', 'zoom'];
	const pool: JsonObject[] = [];
	for (let i = 0; i < size; i++) {
		const app = apps[Math.floor(next() * apps.length)];
		pool.push({ app, title: `${app} window ${i} - project ${Math.floor(next() * 50)}` });
	}
	return pool;
}

/** `count` back-to-back events over `days` days from ORIGIN_US. */
function series(count: number, days: number, seed: number): Event[] {
	const next = random(seed);
	const pool = dataPool(3000, next);
	const step = (days * DAY_US) / count;
	const events: Event[] = new Array(count);
	for (let i = 0; i < count; i++) {
		const pick = Math.floor(Math.pow(next(), 3) * pool.length);
		const timestamp = ORIGIN_US + Math.round(i * step);
		events[i] = {
			id: null,
			timestamp,
			duration: Math.round(step * (0.5 + next() * 0.5)),
			data: pool[pick]
		};
	}
	return events;
}

async function insertAll(bucketId: string, events: Event[], batch: number): Promise<void> {
	for (let i = 0; i < events.length; i += batch) {
		await store.insertEvents(bucketId, events.slice(i, i + batch));
	}
}

function bucketOf(id: string) {
	return {
		id,
		name: null,
		type: 'currentwindow',
		client: 'bench',
		hostname: 'bench',
		created: ORIGIN_US,
		data: {}
	};
}

async function seed(c: Extract<BenchCommand, { cmd: 'seed' }>): Promise<BenchResult> {
	const started = performance.now();
	bigEvents = series(c.bigEvents, c.bigDays, 1);
	await store.createBucket(bucketOf(BIG_BUCKET));
	await insertAll(BIG_BUCKET, bigEvents, 50_000);
	const rest = c.total - c.bigEvents;
	for (let b = 0; b < c.otherBuckets; b++) {
		const id = `aw-watcher-other-${b}`;
		const count = Math.floor(rest / c.otherBuckets) + (b === 0 ? rest % c.otherBuckets : 0);
		await store.createBucket(bucketOf(id));
		await insertAll(id, series(count, 365, 100 + b), 50_000);
	}
	return { ms: performance.now() - started, n: c.total };
}

async function seedBaseline(): Promise<BenchResult> {
	const started = performance.now();
	await baseline.events.clear();
	for (let i = 0; i < bigEvents.length; i += 10_000) {
		const rows = bigEvents.slice(i, i + 10_000).map(({ timestamp, duration, data }) => ({
			bucket: BIG_BUCKET,
			timestamp,
			duration,
			data
		}));
		await baseline.events.bulkAdd(rows);
	}
	return { ms: performance.now() - started, n: bigEvents.length };
}

function span(days: number, fromDay: number): { start: number; end: number } {
	const start = ORIGIN_US + fromDay * DAY_US;
	return { start, end: start + days * DAY_US };
}

async function timed(work: () => Promise<number>): Promise<BenchResult> {
	const started = performance.now();
	const n = await work();
	return { ms: performance.now() - started, n };
}

async function insertBench(events: number, batch: number): Promise<BenchResult> {
	const id = `insert-bench-${Date.now()}`;
	await store.createBucket(bucketOf(id));
	const list = series(events, 3, 7);
	const result = await timed(async () => {
		await insertAll(id, list, batch);
		return list.length;
	});
	await store.deleteBucket(id);
	return result;
}

async function heartbeatBench(count: number): Promise<BenchResult> {
	const id = `heartbeat-bench-${Date.now()}`;
	await store.createBucket(bucketOf(id));
	await store.heartbeat(
		id,
		{ id: null, timestamp: ORIGIN_US, duration: 0, data: { app: 'x' } },
		10
	);
	const result = await timed(async () => {
		for (let i = 1; i <= count; i++) {
			const beat = {
				id: null,
				timestamp: ORIGIN_US + i * 1_000_000,
				duration: 0,
				data: { app: 'x' }
			};
			await store.heartbeat(id, beat, 10);
		}
		return count;
	});
	await store.deleteBucket(id);
	return result;
}

/** Imports one bucket of `count` events, probing how long the event loop stays blocked. */
async function importBench(count: number): Promise<BenchResult> {
	const id = `import-bench-${Date.now()}`;
	const events = series(count, 30, 11)
		.reverse()
		.map((e) => eventToJson(e));
	const doc = { buckets: { [id]: { ...bucketOf(id), created: '2024-01-01T00:00:00Z', events } } };
	let last = performance.now();
	let stall = 0;
	const probe = setInterval(() => {
		const now = performance.now();
		stall = Math.max(stall, now - last);
		last = now;
	}, 2);
	const result = await timed(async () => {
		const summary = await store.importDocuments([doc]);
		return summary.buckets[0].added;
	});
	clearInterval(probe);
	await store.deleteBucket(id);
	return { ...result, stall: Math.max(stall, performance.now() - last) };
}

async function run(c: BenchCommand): Promise<BenchResult> {
	switch (c.cmd) {
		case 'seed':
			return seed(c);
		case 'seed-baseline':
			return seedBaseline();
		case 'read':
			return timed(async () => (await store.getEvents(BIG_BUCKET, span(c.days, c.fromDay))).length);
		case 'count':
			return timed(() => store.countEvents(BIG_BUCKET, span(c.days, c.fromDay)));
		case 'read-baseline': {
			const { start, end } = span(c.days, c.fromDay);
			return timed(async () => {
				const rows = await baseline.events
					.where('[bucket+timestamp]')
					.between([BIG_BUCKET, start], [BIG_BUCKET, end], true, true)
					.toArray();
				return rows.length;
			});
		}
		case 'insert':
			return insertBench(c.events, c.batch);
		case 'heartbeats':
			return heartbeatBench(c.count);
		case 'import':
			return importBench(c.events);
	}
}

self.onmessage = async (message: MessageEvent<BenchRequest>) => {
	const { id, ...command } = message.data;
	let reply: BenchReply;
	try {
		reply = { id, ok: true, result: await run(command) };
	} catch (err) {
		reply = {
			id,
			ok: false,
			error: err instanceof Error ? `${err.name}: ${err.message}` : String(err)
		};
	}
	self.postMessage(reply);
};
self.postMessage({ ready: true });
