import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBucket, insert, openBench, type Bench } from './helpers';

type EventJson = { id: number; timestamp: string; duration: number; data: Record<string, unknown> };

let bench: Bench;

beforeEach(async () => {
	bench = openBench();
	await createBucket(bench, 'b');
});

afterEach(() => bench.close());

const list = async (query = '', bucket = 'b') => {
	const { status, body } = await bench.call('GET', `/api/0/buckets/${bucket}/events${query}`);
	expect(status, query).toBe(200);
	return body as EventJson[];
};

describe('POST /buckets/{bid}/events', () => {
	it('stores an array and answers the stored events with ids, in request order', async () => {
		const stored = (await insert(bench, 'b', [
			{ timestamp: '2018-01-01T01:01:01Z', duration: 1, data: { a: 1 } },
			{ id: null, timestamp: '2018-01-01T01:01:00.5+00:00', duration: 0.25 }
		])) as EventJson[];
		expect(stored).toEqual([
			{ id: expect.any(Number), timestamp: '2018-01-01T01:01:01Z', duration: 1, data: { a: 1 } },
			{ id: expect.any(Number), timestamp: '2018-01-01T01:01:00.500Z', duration: 0.25, data: {} }
		]);
		expect(stored[1].id).toBeGreaterThan(stored[0].id);
	});

	it('accepts a single event object', async () => {
		const { status, body } = await bench.call('POST', '/api/0/buckets/b/events', {
			timestamp: '2024-01-01T00:00:00Z'
		});
		expect(status).toBe(200);
		expect((body as EventJson[]).length).toBe(1);
	});

	it('answers events with exactly id, timestamp, duration and data, in that order', async () => {
		await insert(bench, 'b', [
			{ timestamp: '2018-01-01T01:01:01.000250Z', duration: 2, data: { x: 'y' }, extra: 1 }
		]);
		const [event] = await list();
		expect(Object.keys(event)).toEqual(['id', 'timestamp', 'duration', 'data']);
		expect(event.timestamp).toBe('2018-01-01T01:01:01.000250Z');
	});

	it('stores nothing when any event is invalid, and names its position', async () => {
		for (const bad of [
			{ duration: 1 },
			{ timestamp: 'nope' },
			{ timestamp: '2024-01-01T00:00:00Z', duration: -1 },
			{ timestamp: '2024-01-01T00:00:00Z', duration: '1' },
			{ timestamp: '2024-01-01T00:00:00Z', data: [] },
			{ timestamp: '2024-01-01T00:00:00Z', id: 1.5 },
			{ timestamp: '9999-12-31T23:59:59Z', duration: 10 }
		]) {
			const { status, body } = await bench.call('POST', '/api/0/buckets/b/events', [
				{ timestamp: '2024-01-01T00:00:00Z' },
				bad
			]);
			expect(status, JSON.stringify(bad)).toBe(400);
			expect((body as { message: string }).message).toContain('Event 1');
		}
		expect(await list()).toEqual([]);
	});

	it('replaces an event of this bucket given by id, keeping the id', async () => {
		const [first] = (await insert(bench, 'b', [
			{ timestamp: '2024-01-01T00:00:00Z', duration: 1, data: { v: 1 } }
		])) as EventJson[];
		await insert(bench, 'b', [
			{ id: first.id, timestamp: '2024-01-02T00:00:00Z', duration: 5, data: { v: 2 } }
		]);
		expect(await list()).toEqual([
			{ id: first.id, timestamp: '2024-01-02T00:00:00Z', duration: 5, data: { v: 2 } }
		]);
	});

	it('inserts an unknown id with that id and continues above it', async () => {
		await insert(bench, 'b', [{ id: 1000, timestamp: '2024-01-01T00:00:00Z' }]);
		const [next] = (await insert(bench, 'b', [
			{ timestamp: '2024-01-02T00:00:00Z' }
		])) as EventJson[];
		expect((await bench.call('GET', '/api/0/buckets/b/events/1000')).status).toBe(200);
		expect(next.id).toBeGreaterThan(1000);
	});

	it('refuses an id that belongs to another bucket with 400 and moves nothing', async () => {
		await createBucket(bench, 'other');
		const [theirs] = (await insert(bench, 'other', [
			{ timestamp: '2024-01-01T00:00:00Z' }
		])) as EventJson[];
		const { status } = await bench.call('POST', '/api/0/buckets/b/events', [
			{ id: theirs.id, timestamp: '2024-02-01T00:00:00Z' }
		]);
		expect(status).toBe(400);
		expect((await list('', 'other'))[0].timestamp).toBe('2024-01-01T00:00:00Z');
		expect(await list()).toEqual([]);
	});

	it('answers 404 for a missing bucket', async () => {
		const { status } = await bench.call('POST', '/api/0/buckets/none/events', [
			{ timestamp: '2024-01-01T00:00:00Z' }
		]);
		expect(status).toBe(404);
	});
});

describe('GET /buckets/{bid}/events', () => {
	beforeEach(async () => {
		await insert(bench, 'b', [
			{ timestamp: '2024-01-01T10:00:00Z', duration: 3600, data: { n: 1 } },
			{ timestamp: '2024-01-01T12:00:00Z', duration: 0, data: { n: 2 } },
			{ timestamp: '2024-01-01T12:00:00Z', duration: 60, data: { n: 3 } },
			{ timestamp: '2024-01-01T14:00:00Z', duration: 600, data: { n: 4 } }
		]);
	});

	it('orders newest first, equal timestamps by ascending id', async () => {
		const events = await list();
		expect(events.map((e) => e.data.n)).toEqual([4, 2, 3, 1]);
		expect(events[1].id).toBeLessThan(events[2].id);
	});

	it('keeps the newest events for a limit; ignores negative or unparseable limits', async () => {
		expect((await list('?limit=2')).map((e) => e.data.n)).toEqual([4, 2]);
		expect(await list('?limit=0')).toEqual([]);
		expect((await list('?limit=-1')).length).toBe(4);
		expect((await list('?limit=lots')).length).toBe(4);
	});

	it('selects inclusively and clips events to the bounds', async () => {
		const events = await list('?start=2024-01-01T10:30:00Z&end=2024-01-01T12:00:00Z');
		expect(events.map((e) => [e.data.n, e.timestamp, e.duration])).toEqual([
			[2, '2024-01-01T12:00:00Z', 0],
			[3, '2024-01-01T12:00:00Z', 0],
			[1, '2024-01-01T10:30:00Z', 1800]
		]);
	});

	it('includes zero-duration events on a bound and handles open bounds', async () => {
		expect((await list('?start=2024-01-01T12:00:00Z&end=2024-01-01T12:00:00Z')).length).toBe(2);
		expect((await list('?start=2024-01-01T13:00:00Z')).map((e) => e.data.n)).toEqual([4]);
		expect((await list('?end=2024-01-01T10:00:00Z')).map((e) => e.data.n)).toEqual([1]);
		expect(await list('?start=2024-01-02T00:00:00Z&end=2024-01-01T00:00:00Z')).toEqual([]);
	});

	it('repairs a + turned into a space in a timestamp parameter', async () => {
		const events = await list('?start=2024-01-01T15:30:00+02:00');
		expect(events.map((e) => e.data.n)).toEqual([4]);
	});

	it('answers 400 for an unparseable bound and 404 for a missing bucket', async () => {
		const { status, body } = await bench.call('GET', '/api/0/buckets/b/events?start=today');
		expect(status).toBe(400);
		expect((body as { message: string }).message).toContain('today');
		expect((await bench.call('GET', '/api/0/buckets/none/events')).status).toBe(404);
	});
});

describe('GET /buckets/{bid}/events/count', () => {
	beforeEach(async () => {
		await insert(bench, 'b', [
			{ timestamp: '2024-01-01T10:00:00Z', duration: 3600 },
			{ timestamp: '2024-01-01T12:00:00Z' },
			{ timestamp: '2024-01-01T14:00:00Z', duration: 600 }
		]);
	});

	const count = async (query = '') => {
		const response = await bench.send('GET', `/api/0/buckets/b/events/count${query}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('Content-Type')).toBe('application/json');
		return response.text();
	};

	it('answers a bare integer', async () => {
		expect(await count()).toBe('3');
	});

	it('applies start and end, and their starttime and endtime aliases', async () => {
		expect(await count('?start=2024-01-01T10:30:00Z&end=2024-01-01T12:00:00Z')).toBe('2');
		expect(await count('?starttime=2024-01-01T12:00:00Z')).toBe('2');
		expect(await count('?endtime=2024-01-01T11:00:00.000Z')).toBe('1');
		expect(await count('?start=2024-01-02T00:00:00Z&end=2024-01-01T00:00:00Z')).toBe('0');
	});

	it('answers 400 for a bad timestamp and 404 for a missing bucket', async () => {
		expect((await bench.call('GET', '/api/0/buckets/b/events/count?end=x')).status).toBe(400);
		expect((await bench.call('GET', '/api/0/buckets/none/events/count')).status).toBe(404);
	});
});

describe('GET and DELETE /buckets/{bid}/events/{eid}', () => {
	let stored: EventJson[];

	beforeEach(async () => {
		stored = (await insert(bench, 'b', [
			{ timestamp: '2024-01-01T10:00:00Z', duration: 3600, data: { n: 1 } }
		])) as EventJson[];
	});

	it('answers the event unclipped, ignoring the query string', async () => {
		const { status, body } = await bench.call(
			'GET',
			`/api/0/buckets/b/events/${stored[0].id}?start=2024-01-01T10:30:00Z`
		);
		expect(status).toBe(200);
		expect(body).toEqual(stored[0]);
	});

	it('answers 404 for a missing event, another bucket, a missing bucket or a non-integer id', async () => {
		await createBucket(bench, 'other');
		for (const path of [
			`/api/0/buckets/b/events/${stored[0].id + 100}`,
			`/api/0/buckets/other/events/${stored[0].id}`,
			`/api/0/buckets/none/events/${stored[0].id}`,
			'/api/0/buckets/b/events/abc',
			'/api/0/buckets/b/events/1.5',
			'/api/0/buckets/b/events/-1'
		]) {
			const { status, body } = await bench.call('GET', path);
			expect(status, path).toBe(404);
			expect(typeof (body as { message: string }).message).toBe('string');
		}
	});

	it('deletes with 200 and an empty body, also when the event does not exist', async () => {
		const response = await bench.send('DELETE', `/api/0/buckets/b/events/${stored[0].id}`);
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('');
		expect(await list()).toEqual([]);
		expect((await bench.send('DELETE', `/api/0/buckets/b/events/${stored[0].id}`)).status).toBe(
			200
		);
	});

	it('answers 404 when deleting from a missing bucket', async () => {
		expect((await bench.send('DELETE', `/api/0/buckets/none/events/${stored[0].id}`)).status).toBe(
			404
		);
	});

	it('deletes nothing of another bucket', async () => {
		await createBucket(bench, 'other');
		await bench.send('DELETE', `/api/0/buckets/other/events/${stored[0].id}`);
		expect((await list()).length).toBe(1);
	});
});

describe('POST /buckets/{bid}/heartbeat', () => {
	const beat = (timestamp: string, data: object, pulsetime: string | null = '10', extra = {}) =>
		bench.call(
			'POST',
			`/api/0/buckets/b/heartbeat${pulsetime === null ? '' : `?pulsetime=${pulsetime}`}`,
			{ timestamp, duration: 0, data, ...extra }
		);

	it('merges heartbeats with equal data into one event and answers it with its id', async () => {
		const first = await beat('2024-01-01T00:00:00Z', { app: 'a' });
		expect(first.status).toBe(200);
		let last = first;
		for (let s = 1; s <= 5; s++) last = await beat(`2024-01-01T00:00:0${s}Z`, { app: 'a' });
		expect(last.body).toEqual({
			id: (first.body as EventJson).id,
			timestamp: '2024-01-01T00:00:00Z',
			duration: 5,
			data: { app: 'a' }
		});
		expect(await list()).toEqual([last.body]);
	});

	it('starts a new event for different data, after a gap, or when older than the last', async () => {
		await beat('2024-01-01T00:00:00Z', { app: 'a' });
		await beat('2024-01-01T00:00:05Z', { app: 'b' });
		await beat('2024-01-01T00:01:00Z', { app: 'b' });
		await beat('2024-01-01T00:00:30Z', { app: 'b' });
		const events = await list();
		expect(events.map((e) => [e.timestamp, e.duration, e.data.app])).toEqual([
			['2024-01-01T00:01:00Z', 0, 'b'],
			['2024-01-01T00:00:30Z', 0, 'b'],
			['2024-01-01T00:00:05Z', 0, 'b'],
			['2024-01-01T00:00:00Z', 0, 'a']
		]);
	});

	it('accepts decimal pulsetimes and ignores the heartbeat id', async () => {
		const [other] = (await insert(bench, 'b', [
			{ timestamp: '2020-01-01T00:00:00Z', data: { keep: true } }
		])) as EventJson[];
		const first = await beat('2024-01-01T00:00:00Z', { app: 'a' }, '0.5', { id: other.id });
		expect((first.body as EventJson).id).not.toBe(other.id);
		const second = await beat('2024-01-01T00:00:00.5Z', { app: 'a' }, '0.5');
		expect((second.body as EventJson).duration).toBe(0.5);
		expect((await bench.call('GET', `/api/0/buckets/b/events/${other.id}`)).body).toEqual(other);
	});

	it('answers 400 for a missing or non-numeric pulsetime and an invalid event', async () => {
		expect((await beat('2024-01-01T00:00:00Z', {}, null)).status).toBe(400);
		expect((await beat('2024-01-01T00:00:00Z', {}, 'soon')).status).toBe(400);
		expect((await beat('not a time', {})).status).toBe(400);
		expect((await beat('2024-01-01T00:00:00Z', {}, '10', { duration: -2 })).status).toBe(400);
		expect(await list()).toEqual([]);
	});

	it('answers 404 for a missing bucket', async () => {
		const { status } = await bench.call('POST', '/api/0/buckets/none/heartbeat?pulsetime=5', {
			timestamp: '2024-01-01T00:00:00Z'
		});
		expect(status).toBe(404);
	});

	it('does not merge into an event deleted since the last heartbeat', async () => {
		const first = await beat('2024-01-01T00:00:00Z', { app: 'a' });
		await bench.send('DELETE', `/api/0/buckets/b/events/${(first.body as EventJson).id}`);
		const second = await beat('2024-01-01T00:00:01Z', { app: 'a' });
		expect(second.status).toBe(200);
		expect(await list()).toEqual([second.body]);
		expect((second.body as EventJson).timestamp).toBe('2024-01-01T00:00:01Z');
	});
});
