/**
 * The aw-client-js (camelCase) methods, the aliases and the two overloaded methods against
 * the real router and datastore (client.md sections 4, 5, 7 and 11.1, 11.4).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityWatchClient, AWClient } from '../../src/client/client';
import { FetchError } from '../../src/client/fetch-error';
import { createMemoryQueueStorage } from '../../src/client/queue-storage';
import type { IEvent } from '../../src/client/types';
import { startServer, storedEvents, until, type Server } from './lib/server';

let server: Server;
let awc: ActivityWatchClient;

beforeEach(() => {
	server = startServer();
	awc = new AWClient('aw-client-js-unittest', { testing: true, fetch: server.fetch });
});

afterEach(() => server.close());

const T0 = Date.parse('2024-05-01T10:00:00Z');
const event = (ms: number, label = 'this is a test label'): IEvent => ({
	timestamp: new Date(T0 + ms),
	duration: 0,
	data: { label }
});

describe('AWClient', () => {
	it('is the same class as ActivityWatchClient', () => {
		expect(AWClient).toBe(ActivityWatchClient);
		expect(awc).toBeInstanceOf(AWClient);
		expect(awc.clientname).toBe('aw-client-js-unittest');
		expect(awc.baseURL).toBe('http://127.0.0.1:5666');
	});
});

describe('buckets', () => {
	it('createBucket rejects with FetchError 304 on an existing bucket; ensureBucket tells', async () => {
		await expect(awc.ensureBucket('b', 'test', 'unknown')).resolves.toEqual({
			alreadyExist: false
		});
		await expect(awc.ensureBucket('b', 'test', 'unknown')).resolves.toEqual({ alreadyExist: true });
		const err = await awc.createBucket('b', 'test', 'unknown').catch((e: unknown) => e);
		expect(err).toBeInstanceOf(FetchError);
		expect((err as FetchError).status).toBe(304);
		await expect(awc.createBucket('c', 'test', 'h')).resolves.toBeUndefined();
	});

	it('getBuckets and getBucketInfo give Dates; deleteBucket always forces', async () => {
		await awc.createBucket('b', 'test', 'laptop');
		await awc.insertEvent('b', event(0));
		const buckets = await awc.getBuckets();
		expect(buckets.b.created).toBeInstanceOf(Date);
		expect(buckets.b.last_updated).toEqual(new Date(T0));
		const info = await awc.getBucketInfo('b');
		expect(info).toMatchObject({
			id: 'b',
			client: 'aw-client-js-unittest',
			hostname: 'laptop',
			data: {}
		});
		expect(info.created).toBeInstanceOf(Date);

		await awc.deleteBucket('b');
		expect(server.requests).toContain('DELETE /api/0/buckets/b?force=1');
		expect(await awc.getBuckets()).toEqual({});
		await expect(awc.deleteBucket('b')).rejects.toMatchObject({ status: 404 });
		await expect(awc.getBucketInfo('b')).rejects.toMatchObject({ status: 404 });
	});
});

describe('events', () => {
	beforeEach(() => awc.createBucket('b', 'test', 'unknown'));

	it('inserts, fetches with limit, replaces by id and fetches by id to the millisecond', async () => {
		const original = event(123);
		await awc.insertEvent('b', original);
		const [fetched] = await awc.getEvents('b', { limit: 1 });
		expect(fetched.data.label).toBe(original.data.label);

		fetched.data.label = 'this is a new label';
		await awc.replaceEvent('b', fetched);
		const replaced = await awc.getEvent('b', fetched.id!);
		expect(replaced.timestamp.toISOString()).toBe(original.timestamp.toISOString());
		expect(replaced.data.label).toBe('this is a new label');
		expect(await awc.getEvents('b', { limit: 1 })).toHaveLength(1);
		expect(await awc.countEvents('b')).toBe(1);
	});

	it('refuses insert with an id and replace without one before any request', async () => {
		const before = server.requests.length;
		await expect(awc.insertEvent('b', { ...event(0), id: 123 })).rejects.toThrow(
			/has an id \(123\)/
		);
		await expect(
			awc.insertEvents('b', [event(0), { timestamp: new Date(), data: {}, id: null }])
		).rejects.toThrow(/has an id/);
		await expect(awc.replaceEvent('b', event(0))).rejects.toThrow(/has no id/);
		await expect(awc.replaceEvents('b', [{ ...event(0), id: 1 }, event(1)])).rejects.toThrow(
			/has no id/
		);
		expect(server.requests.length).toBe(before);
		await expect(awc.insertEvent('b', { ...event(0), id: 5 })).rejects.not.toBeInstanceOf(
			FetchError
		);
	});

	it('getEvents sends only truthy options; countEvents sends start and end', async () => {
		await awc.insertEvents('b', [event(0), event(1000), event(2000)]);
		expect(await awc.getEvents('b', { limit: 0 })).toHaveLength(3);
		const ranged = await awc.getEvents('b', {
			start: new Date(T0 + 500),
			end: new Date(T0 + 1500)
		});
		expect(ranged.map((e) => e.timestamp)).toEqual([new Date(T0 + 1000)]);
		expect(await awc.countEvents('b', new Date(T0 + 500), new Date(T0 + 2500))).toBe(2);
		expect(server.requests.filter((r) => r.includes('/events'))).toContain(
			'GET /api/0/buckets/b/events'
		);
	});

	it('getEvent rejects on 404; deleteEvent takes an id or an event', async () => {
		const [stored] = await awc.insertEvent('b', event(0));
		const [other] = await awc.insertEvent('b', event(1000));
		await awc.deleteEvent('b', stored.id!);
		await awc.deleteEvent('b', other);
		await expect(awc.getEvent('b', stored.id!)).rejects.toMatchObject({ status: 404 });
		expect(await awc.countEvents('b')).toBe(0);
	});
});

describe('heartbeat call forms', () => {
	beforeEach(() => awc.createBucket('b', 'test', 'unknown'));

	it('turns ten simultaneous aw-client-js heartbeats into one event', async () => {
		const results = await Promise.all(
			Array.from({ length: 10 }, (_, i) => awc.heartbeat('b', 5, event(i * 10)))
		);
		expect(results).toEqual(Array(10).fill(undefined));
		expect(await awc.getEvents('b')).toHaveLength(1);
	});

	it('resolves the Python form to the stored event', async () => {
		await awc.heartbeat('b', event(0), 10);
		const merged = await awc.heartbeat('b', event(2000), 10);
		expect(merged).toEqual({ id: 1, timestamp: new Date(T0), duration: 2, data: event(0).data });
	});

	it('queues the Python form with queued=true instead of sending it', async () => {
		const storage = createMemoryQueueStorage();
		const queued = new AWClient('q', { fetch: server.fetch, queueStorage: storage });
		await queued.heartbeat('b', event(0), 10, true);
		await queued.heartbeat('b', event(1000, 'changed'), 10, true);
		expect(server.requests.filter((r) => r.includes('heartbeat'))).toEqual([]);
		expect((await storage.list('q.v1')).map((e) => e.endpoint)).toEqual([
			'buckets/b/heartbeat?pulsetime=10'
		]);
	});

	it('rejects a wrong second argument or pulsetime with a TypeError', async () => {
		await expect(awc.heartbeat('b', 'x' as never, event(0))).rejects.toThrow(TypeError);
		await expect(awc.heartbeat('b', event(0), 'ten' as never)).rejects.toThrow(TypeError);
		await expect(awc.heartbeat('b', Number.NaN, event(0))).rejects.toThrow(TypeError);
	});

	it('rejects only the failing heartbeat and keeps sending the rest', async () => {
		const results = await Promise.allSettled([
			awc.heartbeat('b', 5, event(0)),
			awc.heartbeat('b', 5, { timestamp: 'garbage', data: {} } as never),
			awc.heartbeat('b', 5, event(1000))
		]);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect((await storedEvents(server, 'b')).map((e) => e.duration)).toEqual([1]);
	});
});

describe('query call forms', () => {
	const d1 = new Date('2022-01-01T00:00:00Z');
	const d2 = new Date('2022-01-02T00:00:00Z');
	const d3 = new Date('2022-01-03T00:00:00Z');
	const lines = ['bucket="b";', 'RETURN=query_bucket(bucket);'];
	const queries = () => server.requests.filter((r) => r.startsWith('POST /api/0/query')).length;

	beforeEach(async () => {
		await awc.createBucket('b', 'test', 'unknown');
		for (const d of [d1, d2, d3]) await awc.heartbeat('b', 5, { ...event(0), timestamp: d });
	});

	it('runs the aw-client-js form with object and string periods, cached', async () => {
		const periods = [{ start: d1, end: d2 }, `${d1.toISOString()}/${d2.toISOString()}`];
		const result = await awc.query(periods, lines);
		expect(result[0].map((e: { timestamp: string }) => new Date(e.timestamp))).toEqual([d2, d1]);
		expect(result[1]).toEqual(result[0]);
		expect(queries()).toBe(1);

		expect(await awc.query(periods, lines)).toEqual(result);
		expect(queries()).toBe(1);

		const partly = await awc.query(
			[
				{ start: d1, end: d2 },
				{ start: d2, end: d3 }
			],
			lines
		);
		expect(partly.map((r) => r.length)).toEqual([2, 2]);
		expect(queries()).toBe(2);
	});

	it('does not cache an empty result, so data added later shows up', async () => {
		const old = [
			{ start: new Date('1980-01-01T00:00:00Z'), end: new Date('1980-01-02T00:00:00Z') }
		];
		expect((await awc.query(old, lines))[0]).toHaveLength(0);
		await awc.heartbeat('b', 5, { ...event(0), timestamp: new Date('1980-01-01T00:00:00Z') });
		expect((await awc.query(old, lines))[0]).toHaveLength(1);
	});

	it('runs the current and the older Python forms, uncached, with name and cache parameters', async () => {
		const text = 'bucket="b";\nRETURN=query_bucket(bucket);';
		const current = await awc.query(text, [
			[d1, d2],
			[d2, d3]
		]);
		expect(current.map((r) => r.length)).toEqual([2, 2]);
		const older = await awc.query(text, d1, '2022-01-02T00:00:00+00:00', 'daily', true);
		expect(older).toHaveLength(1);
		expect(older[0]).toHaveLength(2);
		await awc.query(text, [[d1, d2]]);
		expect(queries()).toBe(3);
		expect(server.requests.filter((r) => r.startsWith('POST /api/0/query'))[1]).toBe(
			'POST /api/0/query/?name=daily&cache=1'
		);
	});

	it('rejects a program error with the server message, and wrong argument types with TypeError', async () => {
		const err = (await awc
			.query([`${d1.toISOString()}/${d2.toISOString()}`], ['RETURN = nope;'])
			.catch((e: unknown) => e)) as FetchError;
		expect(err.status).toBe(400);
		expect(err.response.data).toMatchObject({ message: expect.stringContaining('nope') });
		await expect(awc.query(42 as never, [])).rejects.toThrow(TypeError);
		await expect(awc.query('RETURN = 1;', 42 as never)).rejects.toThrow(TypeError);
	});
});

describe('aliases', () => {
	it('answer like their snake_case methods', async () => {
		await awc.setupBucket('queued', 'test');
		await awc.createBucket('b', 'test', 'h');
		await awc.sendEvents('b', [event(0), event(1000)]);
		await awc.sendEvent('b', event(2000));
		expect(await awc.getEventCount('b')).toBe(3);
		expect((await awc.getBucket('b')).id).toBe('b');
		const doc = await awc.exportBucket('b');
		expect(Object.keys((await awc.exportAll()).buckets)).toEqual(['b']);

		const other = startServer();
		const target = new AWClient('t', { fetch: other.fetch });
		await target.importBucket(doc.buckets.b as never);
		await target.importAll({ buckets: { c: { ...doc.buckets.b, id: 'c' } } });
		expect(await target.getEventCount('c')).toBe(3);
		other.close();

		await awc.setSetting('theme', 'dark');
		expect(await awc.getSetting('theme')).toBe('dark');
		expect(await awc.getSettings()).toEqual({ theme: 'dark' });
		await awc.waitForStart(1);
	});
});

describe('abort', () => {
	it('rejects requests in flight with AbortError and installs a fresh controller', async () => {
		const slow = new AWClient('slow', {
			fetch: async (request) => {
				await new Promise((r) => setTimeout(r, 50));
				return server.fetch(request);
			}
		});
		const first = slow.controller;
		const pending = slow.getInfo();
		await slow.abort();
		await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
		expect(slow.controller).not.toBe(first);
		await expect(slow.getInfo()).resolves.toMatchObject({ testing: true });
	});

	it('takes a shared controller from the options', async () => {
		const controller = new AbortController();
		const c = new AWClient('c', { fetch: () => new Promise(() => {}), controller });
		const pending = c.getInfo();
		controller.abort();
		await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
	});

	it('rejects with TimeoutError after the timeout', async () => {
		const c = new AWClient('c', { fetch: () => new Promise(() => {}), timeout: 20 });
		await expect(c.getInfo()).rejects.toMatchObject({ name: 'TimeoutError' });
	});
});

describe('errors', () => {
	it('carry the status and the server message for 0.3- and 0.4-style callers', async () => {
		const err = (await awc.getBucketInfo('nope').catch((e: unknown) => e)) as FetchError;
		expect(err.isAxiosError).toBe(true);
		expect(err.status).toBe(404);
		expect(err.response.data).toMatchObject({ message: expect.stringContaining('nope') });
		expect(await err.response.json()).toMatchObject({ message: expect.stringContaining('nope') });
		expect(err.message).toContain('404');
	});

	it('pass the transport error through for a network failure', async () => {
		server.mode = 'down';
		await expect(awc.getInfo()).rejects.toThrow(TypeError);
	});
});

describe('queued mode over the alias names', () => {
	it('setupBucket before connect sends nothing; connect creates it', async () => {
		const c = new AWClient('deferred', {
			fetch: server.fetch,
			queueStorage: createMemoryQueueStorage()
		});
		await c.setupBucket('later', 'test');
		expect(server.requests).toEqual([]);
		await c.connect();
		await until(async () => 'later' in (await awc.getBuckets()));
		await c.disconnect();
	});
});
