import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../src/store/records';
import { cut } from '../../src/store/session';
import { bucket, ev, openStore, starts } from './helpers';

const events = (...times: number[]): StoredEvent[] =>
	times.map((timestamp, i) => ({ id: i + 1, timestamp, duration: 0, data: {} }));
const sizes = (pieces: StoredEvent[][]) => pieces.map((p) => p.length);

describe('cut', () => {
	it('fills pieces greedily or evenly', () => {
		const list = events(1, 2, 3, 4, 5, 6, 7);
		expect(sizes(cut(list, 3, true))).toEqual([3, 3, 1]);
		expect(sizes(cut(list, 3, false))).toEqual([3, 3, 1]);
		expect(sizes(cut(events(1, 2, 3, 4), 3, false))).toEqual([2, 2]);
		expect(cut(list, 10, true)).toEqual([list]);
	});

	it('never cuts between events with the same start', () => {
		expect(sizes(cut(events(1, 2, 2, 2, 3), 2, true))).toEqual([1, 3, 1]);
		expect(sizes(cut(events(5, 5, 5, 5, 6), 2, true))).toEqual([4, 1]);
	});
});

describe('packing', () => {
	it('keeps every event through many small flushes, splits and deletes', async () => {
		const store = await openStore({ layout: { hotMax: 2, blockMax: 3 } });
		await store.createBucket(bucket('p'));
		const times = [50, 10, 30, 20, 40, 10, 60, 5, 35, 35, 35, 35, 70, 0, 45];
		const stored = [];
		for (const t of times) stored.push(...(await store.insertEvents('p', [ev(t)])));
		for (const e of stored.filter((_, i) => i % 4 === 1)) await store.deleteEvent('p', e.id!);
		const kept = stored.filter((_, i) => i % 4 !== 1);
		const expected = [...kept].sort((a, b) => b.timestamp - a.timestamp || a.id! - b.id!);
		expect(await store.getEvents('p', {})).toEqual(expected);
		for (const e of kept) expect(await store.getEvent('p', e.id!)).toEqual(e);
		expect(starts(await store.getEvents('p', { limit: 4 }))).toEqual(starts(expected.slice(0, 4)));
	});
});
