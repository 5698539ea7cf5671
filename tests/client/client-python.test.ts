/**
 * The Python-style (snake_case) methods against the real router and datastore, including the
 * Python client's own scenarios ported (client.md 11.2).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityWatchClient } from '../../src/client/client';
import { FetchError } from '../../src/client/fetch-error';
import { createMemoryQueueStorage } from '../../src/client/queue-storage';
import { startServer, until, type Server } from './lib/server';

let server: Server;
let client: ActivityWatchClient;

beforeEach(() => {
	server = startServer();
	client = new ActivityWatchClient('client-test', { testing: true, fetch: server.fetch });
});

afterEach(async () => {
	await client.disconnect();
	server.close();
});

const T0 = Date.parse('2024-05-01T10:00:00Z');
const at = (ms: number, label = 'test') => ({ timestamp: new Date(T0 + ms), data: { label } });

describe('buckets', () => {
	it('creates a bucket, resolves again on 304, lists it raw and deletes it', async () => {
		await client.create_bucket('b1', 'test');
		await client.create_bucket('b1', 'test');
		const buckets = await client.get_buckets();
		expect(buckets.b1).toMatchObject({ id: 'b1', type: 'test', client: 'client-test' });
		expect(typeof buckets.b1.created).toBe('string');

		const bucket = await client.get_bucket('b1');
		expect(bucket.created).toBeInstanceOf(Date);
		expect(bucket.data).toEqual({ device_id: (await server.datastore.info()).device_id });

		await client.delete_bucket('b1', true);
		expect(await client.get_buckets()).toEqual({});
		await expect(client.delete_bucket('b1')).rejects.toMatchObject({ status: 404 });
	});

	it('sends "!local" as host name until it knows one, then the known one', async () => {
		await server.datastore.setSetting('deviceName', 'laptop');
		await client.create_bucket('early', 'test');
		const info = await server.datastore.info();
		expect((await client.get_bucket('early')).hostname).toBe(info.hostname);
		expect((await client.get_bucket('early')).data).toEqual({ device_id: info.device_id });

		await client.get_info();
		await client.create_bucket('later', 'test');
		expect((await client.get_bucket('later')).data).toEqual({});
		expect((await client.get_bucket('later')).hostname).toBe(client.client_hostname);
	});

	it('sends force=1 only when asked', async () => {
		await client.create_bucket('a', 't');
		await client.create_bucket('b', 't');
		await client.delete_bucket('a');
		await client.delete_bucket('b', true);
		expect(server.requests.filter((r) => r.startsWith('DELETE'))).toEqual([
			'DELETE /api/0/buckets/a',
			'DELETE /api/0/buckets/b?force=1'
		]);
	});

	it('handles bucket ids with slashes and spaces', async () => {
		await client.create_bucket('odd/id with space', 'test');
		expect(Object.keys(await client.get_buckets())).toEqual(['odd/id with space']);
	});
});

describe('events', () => {
	beforeEach(() => client.create_bucket('test-bucket', 'test'));

	it('inserts events, reads them newest first and fetches each by id (test_full)', async () => {
		const events = [at(0, 'a'), at(1, 'b'), at(2, 'c')];
		const stored = await client.insert_events('test-bucket', events);
		expect(stored.map((e) => e.id)).toEqual([1, 2, 3]);

		const fetched = await client.get_events('test-bucket', events.length);
		expect(fetched.map((e) => [e.timestamp, e.duration, e.data])).toEqual(
			[...events].reverse().map((e) => [e.timestamp, 0, e.data])
		);
		expect(await client.get_eventcount('test-bucket')).toBe(3);
		for (const event of fetched) {
			expect(await client.get_event('test-bucket', event.id!)).toEqual(event);
		}

		await client.delete_event('test-bucket', fetched[1].id!);
		expect(await client.get_event('test-bucket', fetched[1].id!)).toBeNull();
		await client.delete_event('test-bucket', fetched[0]);
		expect(await client.get_eventcount('test-bucket')).toBe(1);
	});

	it('send_event returns the stored event with its id (test_send_event)', async () => {
		const [stored] = await client.send_event('test-bucket', at(0));
		expect(stored).toEqual({
			id: 1,
			timestamp: new Date(T0),
			duration: 0,
			data: { label: 'test' }
		});
		await client.send_events('test-bucket', [at(5), at(6)]);
		expect(await client.get_eventcount('test-bucket')).toBe(3);
	});

	it('reads 1000 hourly events back in a one-day range: 25 events (test_get_events_interval)', async () => {
		const hour = 3600_000;
		const events = Array.from({ length: 1000 }, (_, i) => at(i * hour));
		await client.send_events('test-bucket', events);
		const received = await client.get_events(
			'test-bucket',
			50,
			new Date(T0),
			new Date(T0 + 24 * hour)
		);
		expect(received).toHaveLength(25);
		expect(received.map((e) => e.timestamp)).toEqual(
			events
				.slice(0, 25)
				.reverse()
				.map((e) => e.timestamp)
		);
		expect(received[0].duration).toBe(0);
		expect((await client.get_events('test-bucket')).length).toBe(1000);
	});

	it('sends limit always and start/end only when given', async () => {
		await client.get_events('test-bucket');
		await client.get_events('test-bucket', 5, '2024-05-01T00:00:00+02:00');
		await client.get_eventcount('test-bucket', 3, new Date(T0), new Date(T0 + 1000));
		expect(
			server.requests.filter((r) => r.startsWith('GET /api/0/buckets/test-bucket/events'))
		).toEqual([
			'GET /api/0/buckets/test-bucket/events?limit=-1',
			'GET /api/0/buckets/test-bucket/events?limit=5&start=2024-05-01T00%3A00%3A00%2B02%3A00',
			'GET /api/0/buckets/test-bucket/events/count?start=2024-05-01T10%3A00%3A00.000Z&end=2024-05-01T10%3A00%3A01.000Z'
		]);
	});

	it('counts an empty bucket as 0', async () => {
		expect(await client.get_eventcount('test-bucket')).toBe(0);
	});

	it('rejects with the server message for an invalid event and stores nothing', async () => {
		const err = (await client
			.insert_event('test-bucket', { timestamp: 'not a time' })
			.catch((e: unknown) => e)) as FetchError;
		expect(err).toBeInstanceOf(FetchError);
		expect(err.status).toBe(400);
		expect(err.response.data).toMatchObject({ message: expect.stringContaining('timestamp') });
		expect(await client.get_eventcount('test-bucket')).toBe(0);
	});

	it('keeps a string timestamp with microseconds as sent', async () => {
		await client.insert_event('test-bucket', {
			timestamp: '2024-05-01T10:00:00.123456Z',
			duration: 1.5
		});
		const doc = await client.export_bucket('test-bucket');
		expect(doc.buckets['test-bucket'].events).toEqual([
			{ id: 1, timestamp: '2024-05-01T10:00:00.123456Z', duration: 1.5, data: {} }
		]);
	});
});

describe('heartbeats', () => {
	beforeEach(() => client.create_bucket('hb', 'test'));

	it('merges two heartbeats one second apart into one event of one second (test_heartbeat)', async () => {
		await client.heartbeat('hb', at(0), 0);
		const returned = await client.heartbeat('hb', at(1000), 10);
		const [event] = await client.get_events('hb', 1);
		expect(returned).toEqual(event);
		expect(event.timestamp).toEqual(new Date(T0));
		expect(event.duration).toBe(1);
	});

	it('keeps the order of concurrent heartbeats', async () => {
		await Promise.all(
			Array.from({ length: 10 }, (_, i) => client.heartbeat('hb', at(i * 1000), 5))
		);
		expect(await client.get_events('hb')).toEqual([
			{ id: 1, timestamp: new Date(T0), duration: 9, data: { label: 'test' } }
		]);
	});

	it('gives 16 events, 8 after midnight, for 20 heartbeats with a repeating label (test_midnight_heartbeats)', async () => {
		const midnight = Date.parse('2024-05-01T23:50:00Z');
		const ring = ['1', '1', '2', '3', '4'];
		for (let i = 0; i < 20; i++) {
			await client.heartbeat(
				'hb',
				{ timestamp: new Date(midnight + i * 60_000), data: { label: ring[i % 5] } },
				90
			);
		}
		expect(await client.get_events('hb')).toHaveLength(16);
		expect(await client.get_events('hb', -1, new Date(midnight + 10 * 60_000))).toHaveLength(8);
	});

	it('delivers queued heartbeats pre-merged once a heartbeat with other data flushes them (test_queued_heartbeat)', async () => {
		const queued = new ActivityWatchClient('client-test', {
			testing: true,
			fetch: server.fetch,
			queueStorage: createMemoryQueueStorage(),
			queueTimings: { idleMs: 5 }
		});
		await queued.connect();
		await queued.heartbeat('hb', at(0), 0, true);
		await queued.heartbeat('hb', at(1000), 10, true);
		await queued.heartbeat('hb', at(2000, 'other'), 10, true);
		await until(async () => (await queued.get_events('hb', 1)).length > 0);
		await queued.disconnect();
		const events = await client.get_events('hb');
		expect(events).toEqual([
			{ id: 2, timestamp: new Date(T0 + 2000), duration: 0, data: { label: 'other' } },
			{ id: 1, timestamp: new Date(T0), duration: 1, data: { label: 'test' } }
		]);
	});

	it('rejects a heartbeat the server refuses with status >= 400', async () => {
		await expect(client.heartbeat('missing', at(0), 10)).rejects.toMatchObject({ status: 404 });
	});
});

describe('export and import', () => {
	it('exports everything and imports one bucket of it into another server', async () => {
		await client.create_bucket('b', 'test');
		await client.insert_events('b', [at(0), at(1000)]);
		const all = await client.export_all();
		expect(Object.keys(all.buckets)).toEqual(['b']);
		expect(all.buckets.b.events).toHaveLength(2);

		const other = startServer();
		const target = new ActivityWatchClient('other', { fetch: other.fetch });
		await target.import_bucket((await client.export_bucket('b')).buckets.b as never);
		expect((await target.get_events('b')).map((e) => e.timestamp)).toEqual([
			new Date(T0 + 1000),
			new Date(T0)
		]);
		other.close();
	});

	it('serializes Date timestamps inside an imported bucket', async () => {
		await client.import_bucket({
			id: 'imported',
			type: 'test',
			client: 'c',
			hostname: 'h',
			created: new Date(T0),
			events: [{ timestamp: new Date(T0), duration: 2, data: { a: 1 } }]
		});
		const [event] = await client.get_events('imported');
		expect(event).toMatchObject({ timestamp: new Date(T0), duration: 2, data: { a: 1 } });
		expect((await client.get_bucket('imported')).created).toEqual(new Date(T0));
	});

	it('import_all takes a whole document and rejects a broken one with 400', async () => {
		await client.import_all({
			buckets: { x: { id: 'x', type: 't', client: 'c', hostname: 'h', events: [] } }
		});
		expect(Object.keys(await client.get_buckets())).toEqual(['x']);
		await expect(client.import_all({ nothing: true })).rejects.toMatchObject({ status: 400 });
	});
});

describe('settings', () => {
	it('round-trips values of every JSON type and gives null for an unset key', async () => {
		expect(await client.get_setting('unset')).toBeNull();
		const values: [string, unknown][] = [
			['string', 'dark'],
			['json-text', '{"a": 1}'],
			['number', 3],
			['false', false],
			['list', [1, 'two']],
			['object', { nested: { x: true } }]
		];
		for (const [key, value] of values) await client.set_setting(key, value);
		for (const [key, value] of values) expect(await client.get_setting(key)).toEqual(value);
		expect(await client.get_setting()).toEqual(Object.fromEntries(values));
		expect(await client.get_settings()).toEqual(Object.fromEntries(values));
	});
});

describe('query', () => {
	it('runs a Python-form query with periods as Date pairs (test_full)', async () => {
		await client.create_bucket('q', 'test');
		await client.insert_events('q', [at(0), at(1000), at(2000)]);
		const result = await client.query('RETURN = query_bucket("q");', [
			[new Date(T0 - 3600_000), new Date(T0 + 3600_000)]
		]);
		expect(result).toHaveLength(1);
		expect(result[0]).toHaveLength(3);
		await expect(
			client.query('RETURN = 1;', [[new Date(T0), '2024-05-01T11:00:00']])
		).rejects.toThrow(/no UTC offset/);
	});
});
