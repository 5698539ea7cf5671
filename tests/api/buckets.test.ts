import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBucket, insert, openBench, type Bench } from './helpers';

let bench: Bench;

beforeEach(() => {
	bench = openBench();
});

afterEach(() => bench.close());

const BODY = { type: 'currentwindow', client: 'aw-watcher-window', hostname: 'laptop' };

describe('POST /buckets/{bid}', () => {
	it('creates with 200 and an empty body, then answers 304 with a null body', async () => {
		const first = await bench.send('POST', '/api/0/buckets/w', BODY);
		expect(first.status).toBe(200);
		expect(await first.text()).toBe('');

		const again = await bench.send('POST', '/api/0/buckets/w', { ...BODY, type: 'other' });
		expect(again.status).toBe(304);
		expect(again.body).toBeNull();
		const { body } = await bench.call('GET', '/api/0/buckets/w');
		expect((body as { type: string }).type).toBe('currentwindow');
	});

	it('returns the union of both servers fields, in order', async () => {
		await bench.send('POST', '/api/0/buckets/w', {
			...BODY,
			created: '2024-05-01T09:00:00.123456+00:00',
			name: 'Window'
		});
		const { status, body } = await bench.call('GET', '/api/0/buckets/w');
		expect(status).toBe(200);
		expect(body).toEqual({
			id: 'w',
			name: 'Window',
			type: 'currentwindow',
			client: 'aw-watcher-window',
			hostname: 'laptop',
			created: '2024-05-01T09:00:00.123456Z',
			data: {},
			metadata: { start: null, end: null },
			events: null,
			last_updated: null
		});
		expect(Object.keys(body as object)).toEqual([
			'id',
			'name',
			'type',
			'client',
			'hostname',
			'created',
			'data',
			'metadata',
			'events',
			'last_updated'
		]);
	});

	it('accepts the Rust client body with null fields and ignores id and metadata', async () => {
		const response = await bench.send('POST', '/api/0/buckets/r', {
			...BODY,
			id: 'elsewhere',
			created: null,
			data: { a: 1 },
			events: null,
			metadata: { start: null, end: null },
			last_updated: null
		});
		expect(response.status).toBe(200);
		const { body } = await bench.call('GET', '/api/0/buckets/r');
		expect(body).toMatchObject({ id: 'r', data: { a: 1 }, metadata: { start: null, end: null } });
		expect((await bench.call('GET', '/api/0/buckets/elsewhere')).status).toBe(404);
	});

	it('inserts events given at creation, skipping invalid ones and dropping ids', async () => {
		await bench.send('POST', '/api/0/buckets/e', {
			...BODY,
			events: [
				{ id: 500, timestamp: '2024-05-01T10:00:00Z', duration: 5, data: { n: 1 } },
				{ timestamp: 'not a time' },
				{ timestamp: '2024-05-01T11:00:00Z', duration: -1 },
				{ timestamp: '2024-05-01T12:00:00Z' }
			]
		});
		const { body } = await bench.call('GET', '/api/0/buckets/e/events');
		const events = body as { id: number; timestamp: string; duration: number }[];
		expect(events.map((e) => e.timestamp)).toEqual([
			'2024-05-01T12:00:00Z',
			'2024-05-01T10:00:00Z'
		]);
		expect(events.some((e) => e.id === 500)).toBe(false);
		const bucket = (await bench.call('GET', '/api/0/buckets/e')).body as Record<string, unknown>;
		expect(bucket.metadata).toEqual({ start: '2024-05-01T10:00:00Z', end: '2024-05-01T12:00:00Z' });
		expect(bucket.last_updated).toBe('2024-05-01T12:00:00Z');
	});

	it('replaces the host name !local by the device name and records the device id', async () => {
		await bench.call('POST', '/api/0/buckets/web', { ...BODY, hostname: '!local', data: { x: 1 } });
		const info = (await bench.call('GET', '/api/0/info')).body as Record<string, string>;
		const { body } = await bench.call('GET', '/api/0/buckets/web');
		expect(body).toMatchObject({
			hostname: info.hostname,
			data: { x: 1, device_id: info.device_id }
		});
	});

	it('refuses missing or mistyped required fields and malformed created or data with 400', async () => {
		const bad = [
			{ client: 'c', hostname: 'h' },
			{ type: 't', hostname: 'h' },
			{ type: 't', client: 'c' },
			{ ...BODY, type: 5 },
			{ ...BODY, created: 'yesterday' },
			{ ...BODY, created: 5 },
			{ ...BODY, data: [1] },
			{ ...BODY, name: 3 },
			[BODY]
		];
		for (const body of bad) {
			const { status, body: answer } = await bench.call('POST', '/api/0/buckets/bad', body);
			expect(status, JSON.stringify(body)).toBe(400);
			expect(typeof (answer as { message: string }).message).toBe('string');
		}
		expect((await bench.call('GET', '/api/0/buckets/bad')).status).toBe(404);
	});
});

describe('GET /buckets/ and /buckets/{bid}', () => {
	it('lists {} when there are no buckets, and every bucket by id', async () => {
		expect((await bench.call('GET', '/api/0/buckets/')).body).toEqual({});
		await createBucket(bench, 'a');
		await createBucket(bench, 'b');
		const { body } = await bench.call('GET', '/api/0/buckets/');
		expect(Object.keys(body as object).sort()).toEqual(['a', 'b']);
		expect((body as Record<string, { id: string }>).b.id).toBe('b');
	});

	it('answers 404 with a message naming a missing bucket', async () => {
		const { status, body } = await bench.call('GET', '/api/0/buckets/nope');
		expect(status).toBe(404);
		expect((body as { message: string }).message).toContain("'nope'");
	});

	it('narrows metadata after deletions', async () => {
		await createBucket(bench, 'm');
		const stored = (await insert(bench, 'm', [
			{ timestamp: '2024-01-01T00:00:00Z', duration: 10 },
			{ timestamp: '2024-01-02T00:00:00Z', duration: 10 }
		])) as { id: number }[];
		await bench.send('DELETE', `/api/0/buckets/m/events/${stored[1].id}`);
		const { body } = await bench.call('GET', '/api/0/buckets/m');
		expect((body as { metadata: unknown }).metadata).toEqual({
			start: '2024-01-01T00:00:00Z',
			end: '2024-01-01T00:00:10Z'
		});
	});
});

describe('PUT /buckets/{bid}', () => {
	it('updates only the given fields and keeps the events', async () => {
		await createBucket(bench, 'u', { data: { keep: true } });
		await insert(bench, 'u', [{ timestamp: '2024-01-01T00:00:00Z' }]);
		const response = await bench.send('PUT', '/api/0/buckets/u', {
			name: 'Renamed',
			hostname: 'h2'
		});
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('');
		const { body } = await bench.call('GET', '/api/0/buckets/u');
		expect(body).toMatchObject({
			name: 'Renamed',
			hostname: 'h2',
			type: 'test',
			data: { keep: true }
		});
		expect(((await bench.call('GET', '/api/0/buckets/u/events')).body as unknown[]).length).toBe(1);
	});

	it('answers 404 for a missing bucket and 400 for mistyped fields', async () => {
		expect((await bench.call('PUT', '/api/0/buckets/none', { name: 'x' })).status).toBe(404);
		await createBucket(bench, 'u');
		for (const body of [{ type: 1 }, { data: 'x' }, { name: 5 }, 'text', [1]]) {
			expect((await bench.call('PUT', '/api/0/buckets/u', body)).status, JSON.stringify(body)).toBe(
				400
			);
		}
	});
});

describe('DELETE /buckets/{bid}', () => {
	it('deletes the bucket and its events without force, and accepts force', async () => {
		await createBucket(bench, 'd1');
		await insert(bench, 'd1', [{ timestamp: '2024-01-01T00:00:00Z' }]);
		const response = await bench.send('DELETE', '/api/0/buckets/d1');
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('');
		expect((await bench.call('GET', '/api/0/buckets/d1')).status).toBe(404);
		expect((await bench.call('GET', '/api/0/buckets/d1/events')).status).toBe(404);

		await createBucket(bench, 'd2');
		expect((await bench.send('DELETE', '/api/0/buckets/d2?force=1')).status).toBe(200);
	});

	it('answers 404 for a missing bucket', async () => {
		expect((await bench.call('DELETE', '/api/0/buckets/never')).status).toBe(404);
	});

	it('lets a deleted bucket be created again, empty', async () => {
		await createBucket(bench, 'again');
		await insert(bench, 'again', [{ timestamp: '2024-01-01T00:00:00Z' }]);
		await bench.send('DELETE', '/api/0/buckets/again');
		await createBucket(bench, 'again');
		expect((await bench.call('GET', '/api/0/buckets/again/events')).body).toEqual([]);
	});
});
