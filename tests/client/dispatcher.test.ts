/**
 * Queued mode end to end in Node (client.md section 6): the persistent queue over a real
 * IndexedDB (fake-indexeddb), the dispatcher, and the real router and datastore behind a
 * transport that can be taken down. Outages are network failures; refusals are real statuses.
 */
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityWatchClient } from '../../src/client/client';
import { endpointBucket } from '../../src/client/dispatcher';
import { createIndexedDbQueueStorage } from '../../src/client/queue-idb';
import { createMemoryQueueStorage, type QueueStorage } from '../../src/client/queue-storage';
import type { ClientOptions, QueueRejection } from '../../src/client/types';
import { addLogSink, type LogRecord } from '../../src/core/log';
import { startServer, storedEvents, until, type Server } from './lib/server';

const FAST = { reconnectMs: 20, retryMs: 5, idleMs: 5 };
const T0 = Date.parse('2024-05-01T10:00:00Z');
const beat = (seconds: number, label: string) => ({
	timestamp: new Date(T0 + seconds * 1000),
	data: { label }
});

let server: Server;
let storage: QueueStorage;
const clients: ActivityWatchClient[] = [];

function makeClient(options: ClientOptions = {}): ActivityWatchClient {
	const client = new ActivityWatchClient('watcher', {
		fetch: server.fetch,
		queueStorage: storage,
		queueTimings: FAST,
		commitInterval: 1000,
		...options
	});
	clients.push(client);
	return client;
}

const heartbeatPosts = () => server.requests.filter((r) => r.includes('/heartbeat'));
const queued = async () => (await storage.list('watcher.v1')).length;

beforeEach(async () => {
	server = startServer();
	storage = createIndexedDbQueueStorage(new IDBFactory());
	await server.datastore.createBucket({
		id: 'b',
		name: null,
		type: 'test',
		client: 'tests',
		hostname: 'h',
		created: T0 * 1000,
		data: {}
	});
});

afterEach(async () => {
	await Promise.all(clients.splice(0).map((c) => c.disconnect()));
	server.close();
});

describe('queue persistence and replay', () => {
	it('keeps heartbeats through an outage and sends them in order once the server is back', async () => {
		server.mode = 'down';
		const client = makeClient();
		await client.connect();
		for (const [s, label] of [
			[0, 'a'],
			[1, 'b'],
			[2, 'c'],
			[3, 'd']
		] as const)
			await client.heartbeat('b', beat(s, label), 10, true);
		expect(await queued()).toBe(3);

		server.mode = 'up';
		await until(async () => (await queued()) === 0);
		expect(await storedEvents(server, 'b')).toEqual([
			{ timestamp: '2024-05-01T10:00:02Z', duration: 0, data: { label: 'c' } },
			{ timestamp: '2024-05-01T10:00:01Z', duration: 0, data: { label: 'b' } },
			{ timestamp: '2024-05-01T10:00:00Z', duration: 0, data: { label: 'a' } }
		]);
		expect(heartbeatPosts()).toHaveLength(3);
	});

	it('survives a reload: a new client with the same name sends what the old one queued', async () => {
		server.mode = 'down';
		const before = makeClient();
		for (const [s, label] of [
			[0, 'a'],
			[1, 'a'],
			[2, 'b'],
			[5, 'c']
		] as const)
			await before.heartbeat('b', beat(s, label), 10, true);
		await before.disconnect();
		expect(await queued()).toBe(3);

		server.mode = 'up';
		const after = makeClient();
		await after.connect();
		await until(async () => (await queued()) === 0);
		expect(await storedEvents(server, 'b')).toEqual([
			{ timestamp: '2024-05-01T10:00:05Z', duration: 0, data: { label: 'c' } },
			{ timestamp: '2024-05-01T10:00:02Z', duration: 0, data: { label: 'b' } },
			{ timestamp: '2024-05-01T10:00:00Z', duration: 1, data: { label: 'a' } }
		]);
		expect(heartbeatPosts()).toHaveLength(3);
	});

	it('keeps queues of other client names and of testing mode apart', async () => {
		const watcher = makeClient();
		const testing = makeClient({ testing: true });
		await watcher.heartbeat('b', beat(0, 'a'), 10, true);
		await testing.heartbeat('b', beat(0, 'a'), 10, true);
		await watcher.flush();
		await testing.flush();
		expect(await storage.list('watcher.v1')).toHaveLength(1);
		expect(await storage.list('watcher-testing.v1')).toHaveLength(1);
	});

	it('removes an entry only after its response, so a lost response resends it without a duplicate', async () => {
		let loseNext = true;
		const lossy = makeClient({
			fetch: async (request) => {
				const response = await server.fetch(request);
				if (loseNext && request.url.includes('/heartbeat')) {
					loseNext = false;
					throw new TypeError('connection reset after the server answered');
				}
				return response;
			}
		});
		await lossy.connect();
		await lossy.heartbeat('b', beat(0, 'a'), 10, true);
		await lossy.heartbeat('b', beat(4, 'a'), 10, true);
		await lossy.heartbeat('b', beat(5, 'other'), 10, true);
		await until(async () => (await queued()) === 0);
		expect(heartbeatPosts()).toHaveLength(2);
		expect(await storedEvents(server, 'b')).toEqual([
			{ timestamp: '2024-05-01T10:00:00Z', duration: 4, data: { label: 'a' } }
		]);
	});
});

describe('outcomes', () => {
	it('reports and drops entries the server refuses with 4xx, then carries on', async () => {
		const rejections: QueueRejection[] = [];
		const records: LogRecord[] = [];
		const remove = addLogSink((r) => records.push(r));
		await storage.add({
			queue: 'watcher.v1',
			endpoint: 'buckets/missing/heartbeat?pulsetime=10',
			data: beat(0, 'x'),
			added: 1
		});
		await storage.add({
			queue: 'watcher.v1',
			endpoint: 'buckets/b/heartbeat?pulsetime=abc',
			data: beat(0, 'x'),
			added: 2
		});
		await storage.add({
			queue: 'watcher.v1',
			endpoint: 'buckets/b/heartbeat?pulsetime=10',
			data: beat(0, 'ok'),
			added: 3
		});

		const client = makeClient({ onQueueRejected: (r) => rejections.push(r) });
		await client.connect();
		await until(async () => (await queued()) === 0);
		remove();

		expect(rejections.map((r) => [r.endpoint, r.status])).toEqual([
			['buckets/missing/heartbeat?pulsetime=10', 404],
			['buckets/b/heartbeat?pulsetime=abc', 400]
		]);
		expect(rejections[0].message).toContain('missing');
		expect(await storedEvents(server, 'b')).toEqual([
			{ timestamp: '2024-05-01T10:00:00Z', duration: 0, data: { label: 'ok' } }
		]);
		const dropped = records.filter((r) => r.message.includes('dropping'));
		expect(dropped.map((r) => r.details?.status)).toEqual([404, 400]);
		expect(JSON.stringify(dropped)).not.toContain('"x"');
	});

	it('retries a 5xx answer until the server recovers', async () => {
		let failures = 2;
		const client = makeClient({
			fetch: async (request) => {
				if (request.url.includes('/heartbeat') && failures-- > 0)
					return Response.json({ message: 'busy' }, { status: 503 });
				return server.fetch(request);
			}
		});
		await client.connect();
		await client.heartbeat('b', beat(0, 'a'), 10, true);
		await client.flush();
		await until(async () => (await queued()) === 0);
		expect(failures).toBe(-1);
		expect(await storedEvents(server, 'b')).toHaveLength(1);
	});

	it('recreates a registered bucket that was deleted, then delivers the entry', async () => {
		const client = makeClient();
		await client.setup_bucket('mine', 'test');
		await client.connect();
		await until(async () => (await server.datastore.getBucket('mine')) !== null);
		await server.datastore.deleteBucket('mine');

		await client.heartbeat('mine', beat(0, 'a'), 10, true);
		await client.flush();
		await until(async () => (await queued()) === 0);
		expect(await storedEvents(server, 'mine')).toEqual([
			{ timestamp: '2024-05-01T10:00:00Z', duration: 0, data: { label: 'a' } }
		]);
	});

	it('drops the entry when the registered bucket still answers 404 after reconnecting', async () => {
		const rejections: QueueRejection[] = [];
		const client = makeClient({
			onQueueRejected: (r) => rejections.push(r),
			fetch: async (request) => {
				const { pathname } = new URL(request.url);
				if (pathname === '/api/0/buckets/mine/heartbeat')
					return Response.json({ message: 'gone' }, { status: 404 });
				return server.fetch(request);
			}
		});
		await client.setup_bucket('mine', 'test');
		await client.connect();
		await client.heartbeat('mine', beat(0, 'a'), 10, true);
		await client.flush();
		await until(() => rejections.length === 1);
		expect(
			server.requests.filter((r) => r === 'POST /api/0/buckets/mine').length
		).toBeGreaterThanOrEqual(2);
		expect(await queued()).toBe(0);
	});
});

describe('deferred bucket creation', () => {
	it('sends nothing before connect, creates on connect, and posts again (304) on the next connect', async () => {
		const client = makeClient();
		await client.setup_bucket('deferred', 'test');
		await client.create_bucket('also-deferred', 'test', true);
		expect(server.requests).toEqual([]);

		await client.connect();
		await until(() => client.connected);
		expect(await server.datastore.getBucket('deferred')).toMatchObject({
			type: 'test',
			client: 'watcher'
		});
		expect(await server.datastore.getBucket('also-deferred')).not.toBeNull();
		await client.disconnect();

		server.requests.length = 0;
		await client.connect();
		await until(() => client.connected);
		expect(server.requests.slice(0, 3)).toEqual([
			'GET /api/0/info',
			'POST /api/0/buckets/deferred',
			'POST /api/0/buckets/also-deferred'
		]);
	});

	it('creates a bucket registered while connected at once', async () => {
		const client = makeClient();
		await client.connect();
		await until(() => client.connected);
		await client.setup_bucket('now', 'test');
		expect(await server.datastore.getBucket('now')).not.toBeNull();
	});

	it('keeps retrying the connect phase while the server is down', async () => {
		server.mode = 'down';
		const client = makeClient();
		await client.setup_bucket('deferred', 'test');
		await client.connect();
		await until(() => server.requests.filter((r) => r === 'GET /api/0/info').length >= 3);
		expect(client.connected).toBe(false);
		server.mode = 'up';
		await until(() => client.connected);
		expect(await server.datastore.getBucket('deferred')).not.toBeNull();
	});
});

describe('connect and disconnect', () => {
	it('warns once that connect() is needed, until disconnect() resets it', async () => {
		const records: LogRecord[] = [];
		const remove = addLogSink((r) => records.push(r));
		const client = makeClient();
		await client.heartbeat('b', beat(0, 'a'), 10, true);
		await client.setup_bucket('x', 'test');
		await client.heartbeat('b', beat(1, 'b'), 10, true);
		const warnings = () =>
			records.filter((r) => r.level === 'warn' && r.message.includes('connect()'));
		expect(warnings()).toHaveLength(1);
		await client.disconnect();
		await client.heartbeat('b', beat(2, 'c'), 10, true);
		expect(warnings()).toHaveLength(2);
		remove();
	});

	it('flushes pending pre-merged heartbeats on disconnect, so nothing is lost', async () => {
		const client = makeClient();
		await client.heartbeat('b', beat(0, 'a'), 10, true);
		await client.heartbeat('b', beat(3, 'a'), 10, true);
		expect(await queued()).toBe(0);
		await client.disconnect();
		expect((await storage.list('watcher.v1')).map((e) => e.data)).toEqual([
			{ timestamp: '2024-05-01T10:00:00.000Z', duration: 3, data: { label: 'a' } }
		]);
	});

	it('is idempotent and lets the request in flight finish on disconnect', async () => {
		let release: () => void = () => {};
		const gate = new Promise<void>((r) => (release = r));
		let held = 0;
		const client = makeClient({
			fetch: async (request) => {
				if (request.url.includes('/heartbeat')) {
					held++;
					await gate;
				}
				return server.fetch(request);
			}
		});
		await client.connect();
		await client.connect();
		await client.heartbeat('b', beat(0, 'a'), 10, true);
		await client.flush();
		await until(() => held === 1);
		const stopping = client.disconnect();
		release();
		await stopping;
		expect(await storedEvents(server, 'b')).toHaveLength(1);
		expect(await queued()).toBe(0);
	});

	it('lets one of two clients with the same name drain at a time, without Web Locks', async () => {
		const holder = makeClient();
		const waiter = makeClient();
		await holder.connect();
		await waiter.connect();
		await until(() => holder.connected);
		for (let s = 0; s < 4; s++) await waiter.heartbeat('b', beat(s, `w${s}`), 10, true);
		await until(async () => (await queued()) === 0);
		expect(waiter.connected).toBe(false);
		expect(heartbeatPosts()).toHaveLength(3);

		await holder.disconnect();
		await until(() => waiter.connected);
		await waiter.flush();
		await until(async () => (await queued()) === 0);
		expect((await storedEvents(server, 'b')).map((e) => e.data.label)).toEqual([
			'w3',
			'w2',
			'w1',
			'w0'
		]);
		expect(heartbeatPosts()).toHaveLength(4);
	});

	it('disconnects a client that is still waiting for the lock at once', async () => {
		const holder = makeClient();
		const waiter = makeClient();
		await holder.connect();
		await waiter.connect();
		await waiter.disconnect();
		await until(() => holder.connected);
	});

	it('supports await using', async () => {
		{
			await using client = makeClient();
			await client.heartbeat('b', beat(0, 'a'), 10, true);
		}
		expect(await queued()).toBe(1);
	});
});

describe('endpointBucket', () => {
	it('reads the decoded bucket id of a heartbeat endpoint', () => {
		expect(endpointBucket('buckets/a%2Fb/heartbeat?pulsetime=1')).toBe('a/b');
		expect(endpointBucket('query/')).toBeNull();
	});
});

describe('pre-merge', () => {
	type Step = { gap: number; label: string; duration: number };
	const steps = fc.array(
		fc.record({
			gap: fc.constantFrom(0, 0.25, 1, 2, 5, 11, 30),
			label: fc.constantFrom('a', 'b'),
			duration: fc.constantFrom(0, 0, 1, 3)
		}),
		{ minLength: 1, maxLength: 25 }
	);

	async function replay(
		sequence: Step[],
		pulsetime: number,
		queuedMode: boolean,
		commitInterval: number
	) {
		const target = startServer();
		await target.datastore.createBucket({
			id: 'b',
			name: null,
			type: 't',
			client: 'c',
			hostname: 'h',
			created: T0 * 1000,
			data: {}
		});
		const client = new ActivityWatchClient('p', {
			fetch: target.fetch,
			queueStorage: createMemoryQueueStorage(),
			queueTimings: FAST
		});
		if (queuedMode) await client.connect();
		let t = 0;
		for (const step of sequence) {
			t += step.gap;
			const event = {
				timestamp: new Date(T0 + t * 1000),
				duration: step.duration,
				data: { label: step.label }
			};
			await client.heartbeat('b', event, pulsetime, queuedMode, commitInterval);
		}
		if (queuedMode) {
			await client.flush();
			await until(async () => (await client['queueStorage']().list('p.v1')).length === 0);
			await client.disconnect();
		}
		const events = await storedEvents(target, 'b');
		target.close();
		return events;
	}

	it('stores the same events as sending every heartbeat unmerged', async () => {
		await fc.assert(
			fc.asyncProperty(
				steps,
				fc.constantFrom(0, 2, 10),
				fc.constantFrom(0, 3, 10),
				async (sequence, pulsetime, ci) => {
					const direct = await replay(sequence, pulsetime, false, ci);
					const merged = await replay(sequence, pulsetime, true, ci);
					expect(merged).toEqual(direct);
				}
			),
			{ numRuns: 40 }
		);
	});

	it('cuts the number of requests to about one per commit interval', async () => {
		const client = makeClient({ commitInterval: 10 });
		await client.connect();
		for (let s = 0; s <= 60; s++) await client.heartbeat('b', beat(s, 'a'), 10, true);
		await client.flush();
		await until(async () => (await queued()) === 0);
		expect(heartbeatPosts()).toHaveLength(7);
		expect(await storedEvents(server, 'b')).toEqual([
			{ timestamp: '2024-05-01T10:00:00Z', duration: 60, data: { label: 'a' } }
		]);
	});
});
