import { describe, expect, it } from 'vitest';
import type { Datastore } from '../../src/store/datastore';
import type { Layout } from '../../src/store/session';
import { at, bucket, ev, ids, openStore, sec, starts } from './helpers';

/** Layouts to run every read against: all hot, and tiny blocks behind a tiny hot set. */
const LAYOUTS = [
	{ name: 'hot events', layout: { hotMax: 1000, blockMax: 1000 } },
	{ name: 'packed events', layout: { hotMax: 1, blockMax: 3 } }
];

async function storeWith(layout: Partial<Layout>): Promise<Datastore> {
	const store = await openStore({ layout });
	await store.createBucket(bucket('r'));
	return store;
}

describe.each(LAYOUTS)('getEvents and countEvents over $name', ({ layout }) => {
	it('lists newest first with equal starts by ascending id', async () => {
		const store = await storeWith(layout);
		await store.insertEvents('r', [ev(5), ev(10), ev(10), ev(1), ev(10), ev(7)]);
		const events = await store.getEvents('r', {});
		expect(starts(events)).toEqual([10, 10, 10, 7, 5, 1]);
		expect(ids(events)).toEqual([2, 3, 5, 6, 1, 4]);
	});

	it('selects overlapping events with inclusive bounds and clips them', async () => {
		const store = await storeWith(layout);
		await store.insertEvents('r', [ev(0, 10), ev(10, 0), ev(20, 10), ev(30, 5), ev(40, 1)]);
		const range = { start: at(10), end: at(30) };
		const events = await store.getEvents('r', range);
		expect(events.map((e) => [(e.timestamp - at(0)) / 1e6, e.duration / 1e6])).toEqual([
			[30, 0],
			[20, 10],
			[10, 0],
			[10, 0]
		]);
		expect(ids(events)).toEqual([4, 3, 2, 1]);
		expect(await store.countEvents('r', range)).toBe(4);
	});

	it('clips an event covering the whole range to the range', async () => {
		const store = await storeWith(layout);
		await store.insertEvents('r', [ev(0, 100, { long: true }), ev(150)]);
		const [long] = await store.getEvents('r', { start: at(20), end: at(30) });
		expect(long).toEqual({ id: 1, timestamp: at(20), duration: sec(10), data: { long: true } });
		expect(await store.getEvent('r', 1)).toMatchObject({ timestamp: at(0), duration: sec(100) });
	});

	it('applies open bounds independently', async () => {
		const store = await storeWith(layout);
		await store.insertEvents('r', [ev(0, 5), ev(10, 5), ev(20, 5)]);
		expect(starts(await store.getEvents('r', { start: at(12) }))).toEqual([20, 12]);
		expect(starts(await store.getEvents('r', { end: at(12) }))).toEqual([10, 0]);
		expect(await store.countEvents('r', { start: at(12) })).toBe(2);
		expect(await store.countEvents('r', { end: at(9) })).toBe(1);
	});

	it('selects nothing when start is after end, and nothing for limit 0', async () => {
		const store = await storeWith(layout);
		await store.insertEvents('r', [ev(0, 100)]);
		expect(await store.getEvents('r', { start: at(50), end: at(40) })).toEqual([]);
		expect(await store.countEvents('r', { start: at(50), end: at(40) })).toBe(0);
		expect(await store.getEvents('r', { limit: 0 })).toEqual([]);
	});

	it('keeps the newest events under a limit, clipped, and ignores a negative limit', async () => {
		const store = await storeWith(layout);
		const events = [];
		for (let s = 0; s < 12; s++) events.push(ev(s * 10, 10));
		await store.insertEvents('r', events.reverse());
		expect(starts(await store.getEvents('r', { limit: 3 }))).toEqual([110, 100, 90]);
		const limited = await store.getEvents('r', { start: at(15), end: at(55), limit: 5 });
		expect(starts(limited)).toEqual([50, 40, 30, 20, 15]);
		expect(limited[4].duration).toBe(sec(5));
		expect(await store.getEvents('r', { limit: -1 })).toHaveLength(12);
		expect(await store.countEvents('r', { start: at(15), end: at(55) })).toBe(5);
	});

	it('finds long events that start blocks before the range', async () => {
		const store = await storeWith(layout);
		await store.insertEvents('r', [ev(0, 1000, { long: true })]);
		const short = [];
		for (let s = 1; s <= 20; s++) short.push(ev(s * 10, 1));
		await store.insertEvents('r', short);
		const events = await store.getEvents('r', { start: at(500), end: at(600) });
		expect(events).toEqual([
			{ id: 1, timestamp: at(500), duration: sec(100), data: { long: true } }
		]);
		expect(await store.countEvents('r', { start: at(500), end: at(600) })).toBe(1);
		expect(await store.countEvents('r', { start: at(100), end: at(150) })).toBe(7);
	});

	it('orders events inserted out of order, across batches', async () => {
		const store = await storeWith(layout);
		await store.insertEvents('r', [ev(50), ev(60), ev(70)]);
		await store.insertEvents('r', [ev(5), ev(65), ev(55)]);
		await store.insertEvents('r', [ev(100), ev(0), ev(60)]);
		const events = await store.getEvents('r', {});
		expect(starts(events)).toEqual([100, 70, 65, 60, 60, 55, 50, 5, 0]);
		expect(ids(events.filter((e) => e.timestamp === at(60)))).toEqual([2, 9]);
		expect(await store.countEvents('r', {})).toBe(9);
		expect(await store.countEvents('r', { start: at(55), end: at(65) })).toBe(4);
	});

	it('merges hot and packed events in one list', async () => {
		const store = await storeWith(layout);
		await store.insertEvents('r', [ev(10), ev(20), ev(30), ev(40)]);
		await store.heartbeat('r', ev(25, 0, { hot: true }), 1);
		await store.heartbeat('r', ev(35, 0, { hot: 2 }), 1);
		expect(starts(await store.getEvents('r', {}))).toEqual([40, 35, 30, 25, 20, 10]);
		expect(starts(await store.getEvents('r', { limit: 2 }))).toEqual([40, 35]);
		expect(starts(await store.getEvents('r', { start: at(22), end: at(36), limit: 2 }))).toEqual([
			35, 30
		]);
	});

	it('returns zero-duration events that sit exactly on a bound', async () => {
		const store = await storeWith(layout);
		await store.insertEvents('r', [ev(10), ev(20), ev(30)]);
		expect(starts(await store.getEvents('r', { start: at(10), end: at(30) }))).toEqual([
			30, 20, 10
		]);
		expect(starts(await store.getEvents('r', { start: at(30), end: at(30) }))).toEqual([30]);
	});

	it('answers bucket_not_found for a missing bucket', async () => {
		const store = await storeWith(layout);
		await expect(store.getEvents('none', {})).rejects.toMatchObject({ code: 'bucket_not_found' });
		await expect(store.countEvents('none', {})).rejects.toMatchObject({ code: 'bucket_not_found' });
	});
});

describe('range reads over many blocks', () => {
	it('reads a window out of a long series, and counts it without reading whole blocks', async () => {
		const store = await openStore({ layout: { hotMax: 4, blockMax: 8 } });
		await store.createBucket(bucket('r'));
		const events = [];
		for (let s = 0; s < 300; s++) events.push(ev(s * 60, 59, { n: s % 7 }));
		await store.insertEvents('r', events);
		const window = await store.getEvents('r', { start: at(100 * 60 + 30), end: at(110 * 60) });
		expect(window).toHaveLength(11);
		expect(window[0]).toEqual({
			id: 111,
			timestamp: at(110 * 60),
			duration: 0,
			data: { n: 110 % 7 }
		});
		expect(window[10]).toMatchObject({ id: 101, timestamp: at(100 * 60 + 30), duration: sec(29) });
		expect(await store.countEvents('r', { start: at(100 * 60 + 30), end: at(110 * 60) })).toBe(11);
		expect(await store.countEvents('r', { start: at(0), end: at(300 * 60) })).toBe(300);
	});

	it('reads just enough blocks for a limit, whatever the limit', async () => {
		const store = await openStore({ layout: { hotMax: 2, blockMax: 3, readBatch: 1 } });
		await store.createBucket(bucket('r'));
		const events = [];
		for (let s = 0; s < 14; s++) events.push(ev(s * 10, s % 3 === 0 ? 25 : 5));
		await store.insertEvents('r', events);
		await store.heartbeat('r', ev(45, 0, { hot: true }), 0);
		const all = await store.getEvents('r', {});
		const range = { start: at(20), end: at(120) };
		const inRange = await store.getEvents('r', range);
		for (let limit = 1; limit <= all.length + 1; limit++) {
			expect(await store.getEvents('r', { limit })).toEqual(all.slice(0, limit));
			expect(await store.getEvents('r', { ...range, limit })).toEqual(inRange.slice(0, limit));
		}
	});

	it('rounds a fractional limit down and refuses bounds that are not numbers', async () => {
		const store = await storeWith({ hotMax: 2, blockMax: 3, readBatch: 1 });
		await store.insertEvents('r', [ev(1), ev(2), ev(3)]);
		expect(starts(await store.getEvents('r', { limit: 2.7 }))).toEqual([3, 2]);
		await expect(store.getEvents('r', { start: Number.NaN })).rejects.toMatchObject({
			code: 'invalid_argument'
		});
		await expect(store.countEvents('r', { end: 'x' as never })).rejects.toMatchObject({
			code: 'invalid_argument'
		});
	});
});
