import { describe, expect, it } from 'vitest';
import type { HindsightError } from '../../src/core/errors';
import type { Datastore } from '../../src/store/datastore';
import { at, bucket, ev, ids, openStore, recordRequests, sec, starts } from './helpers';

async function storeWithBucket(layout?: { hotMax: number; blockMax: number }): Promise<Datastore> {
	const store = await openStore(layout ? { layout } : {});
	await store.createBucket(bucket('hb'));
	return store;
}

const A = { app: 'editor' };
const B = { app: 'browser' };

describe('heartbeat', () => {
	it('stores the first heartbeat of a bucket as a new event with an id', async () => {
		const store = await storeWithBucket();
		const out = await store.heartbeat('hb', ev(0, 0, A), 10);
		expect(out).toEqual({ id: 1, timestamp: at(0), duration: 0, data: A });
		expect(await store.getEvents('hb', {})).toEqual([out]);
	});

	it('merges heartbeats with equal data into one growing event, rewritten by id', async () => {
		const store = await storeWithBucket();
		let last = null;
		for (let s = 0; s <= 5; s++) last = await store.heartbeat('hb', ev(s, 0, { ...A }), 10);
		expect(last).toEqual({ id: 1, timestamp: at(0), duration: sec(5), data: A });
		expect(await store.getEvents('hb', {})).toEqual([last]);
		expect((await store.getBucket('hb'))?.metadata).toEqual({ start: at(0), end: at(5) });
	});

	it('compares data deeply, ignoring key order', async () => {
		const store = await storeWithBucket();
		await store.heartbeat('hb', ev(0, 0, { a: 1, b: [1, { c: 2 }] }), 10);
		const out = await store.heartbeat('hb', ev(1, 0, { b: [1, { c: 2 }], a: 1 }), 10);
		expect(out).toMatchObject({ id: 1, duration: sec(1) });
	});

	it('starts a new event for different data and leaves the previous one as it was', async () => {
		const store = await storeWithBucket();
		await store.heartbeat('hb', ev(0, 0, A), 10);
		await store.heartbeat('hb', ev(2, 0, A), 10);
		const other = await store.heartbeat('hb', ev(3, 0, B), 10);
		expect(other).toEqual({ id: 2, timestamp: at(3), duration: 0, data: B });
		expect(await store.getEvents('hb', {})).toEqual([
			other,
			{ id: 1, timestamp: at(0), duration: sec(2), data: A }
		]);
	});

	it('starts a new event after a gap longer than the pulsetime', async () => {
		const store = await storeWithBucket();
		await store.heartbeat('hb', ev(0, 0, A), 10);
		expect(await store.heartbeat('hb', ev(10, 0, A), 10)).toMatchObject({
			id: 1,
			duration: sec(10)
		});
		const late = await store.heartbeat('hb', ev(20.000001, 0, A), 10);
		expect(late).toMatchObject({ id: 2, duration: 0 });
	});

	it('merges with pulsetime 0 only when the heartbeat touches or overlaps the event', async () => {
		const store = await storeWithBucket();
		await store.heartbeat('hb', ev(0, 5, A), 0);
		expect(await store.heartbeat('hb', ev(5, 1, A), 0)).toMatchObject({ id: 1, duration: sec(6) });
		const apart = await store.heartbeat('hb', ev(6.000001, 1, A), 0);
		expect(apart.id).toBe(2);
	});

	it('counts heartbeat durations and never shortens the event', async () => {
		const store = await storeWithBucket();
		const first = await store.heartbeat('hb', ev(0, 60, A), 90);
		const merged = await store.heartbeat('hb', ev(60, 60, A), 90);
		expect(merged).toEqual({ ...first, duration: sec(120) });
		const inside = await store.heartbeat('hb', ev(10, 5, A), 90);
		expect(inside).toEqual(merged);
	});

	it('stores an older heartbeat as its own event and makes it the reference', async () => {
		const store = await storeWithBucket();
		await store.heartbeat('hb', ev(100, 0, A), 10);
		const older = await store.heartbeat('hb', ev(50, 0, A), 10);
		expect(older).toEqual({ id: 2, timestamp: at(50), duration: 0, data: A });
		const next = await store.heartbeat('hb', ev(55, 0, A), 10);
		expect(next).toEqual({ id: 2, timestamp: at(50), duration: sec(5), data: A });
		expect(ids(await store.getEvents('hb', {}))).toEqual([1, 2]);
	});

	it('ignores the id of a heartbeat', async () => {
		const store = await storeWithBucket();
		await store.insertEvents('hb', [ev(500, 0, B, 77)]);
		const out = await store.heartbeat('hb', ev(600, 0, A, 77), 10);
		expect(out.id).toBe(78);
		expect(await store.getEvent('hb', 77)).toMatchObject({ data: B });
	});

	it('falls back to the newest event after an insert clears the reference', async () => {
		const store = await storeWithBucket();
		await store.heartbeat('hb', ev(100, 0, A), 10);
		await store.heartbeat('hb', ev(50, 0, A), 10);
		await store.insertEvents('hb', [ev(0, 0, B)]);
		const out = await store.heartbeat('hb', ev(105, 0, A), 10);
		expect(out).toEqual({ id: 1, timestamp: at(100), duration: sec(5), data: A });
	});

	it('falls back to the newest event after an event delete clears the reference', async () => {
		const store = await storeWithBucket();
		await store.heartbeat('hb', ev(100, 0, A), 10);
		await store.heartbeat('hb', ev(50, 0, A), 10);
		const [extra] = await store.insertEvents('hb', [ev(0, 0, B)]);
		await store.heartbeat('hb', ev(20, 0, A), 10);
		await store.deleteEvent('hb', extra.id!);
		const out = await store.heartbeat('hb', ev(104, 0, A), 10);
		expect(out).toMatchObject({ id: 1, duration: sec(4) });
	});

	it('treats a deleted reference as a miss', async () => {
		const store = await storeWithBucket();
		await store.heartbeat('hb', ev(100, 0, A), 10);
		const older = await store.heartbeat('hb', ev(50, 0, A), 10);
		await store.deleteEvent('hb', older.id!);
		const out = await store.heartbeat('hb', ev(51, 0, A), 10);
		expect(out).toEqual({ id: 3, timestamp: at(51), duration: 0, data: A });
		expect(starts(await store.getEvents('hb', {}))).toEqual([100, 51]);
	});

	it('starts afresh after the bucket is deleted and made again', async () => {
		const store = await storeWithBucket();
		await store.heartbeat('hb', ev(0, 0, A), 10);
		await store.deleteBucket('hb');
		await store.createBucket(bucket('hb'));
		const out = await store.heartbeat('hb', ev(1, 0, A), 10);
		expect(out).toEqual({ id: 2, timestamp: at(1), duration: 0, data: A });
		expect(await store.countEvents('hb', {})).toBe(1);
	});

	it('uses the first event in list order (lowest id among equal starts) as the fallback', async () => {
		const store = await storeWithBucket();
		await store.insertEvents('hb', [ev(10, 0, A), ev(10, 0, B), ev(5, 0, B)]);
		const out = await store.heartbeat('hb', ev(12, 0, A), 10);
		expect(out).toMatchObject({ id: 1, timestamp: at(10), duration: sec(2) });
	});

	it('merges into a packed newest event by id, keeping every other event', async () => {
		const store = await storeWithBucket({ hotMax: 1, blockMax: 2 });
		const stored = await store.insertEvents('hb', [ev(0), ev(1), ev(2), ev(3), ev(4, 0, A)]);
		const out = await store.heartbeat('hb', ev(6, 0, A), 10);
		expect(out).toEqual({ ...stored[4], duration: sec(2) });
		for (let s = 7; s < 12; s++) await store.heartbeat('hb', ev(s, 0, s % 2 ? A : B), 10);
		const events = await store.getEvents('hb', {});
		expect(starts(events)).toEqual([11, 10, 9, 8, 4, 3, 2, 1, 0]);
		expect(events[4]).toEqual({ ...stored[4], duration: sec(3) });
		expect(await store.countEvents('hb', {})).toBe(9);
	});

	it('refuses a bad pulsetime, a bad heartbeat and a missing bucket', async () => {
		const store = await storeWithBucket();
		const code = (p: Promise<unknown>) =>
			p.then(
				() => 'resolved',
				(err: HindsightError) => err.code
			);
		expect(await code(store.heartbeat('hb', ev(0), -1))).toBe('invalid_argument');
		expect(await code(store.heartbeat('hb', ev(0), Number.NaN))).toBe('invalid_argument');
		expect(await code(store.heartbeat('hb', { ...ev(0), duration: 1.5 }, 1))).toBe('invalid_event');
		expect(await code(store.heartbeat('none', ev(0), 1))).toBe('bucket_not_found');
		expect(await store.countEvents('hb', {})).toBe(0);
	});

	it('reads one head and writes it back for a merge, and touches the counters for a new event', async () => {
		const store = await storeWithBucket({ hotMax: 64, blockMax: 1024 });
		await store.heartbeat('hb', ev(0, 0, A), 10);
		const merge = await recordRequests(() => store.heartbeat('hb', ev(1, 0, A), 10));
		expect(merge).toEqual(['heads.get', 'heads.put']);
		const fresh = await recordRequests(() => store.heartbeat('hb', ev(2, 0, B), 10));
		expect(fresh.sort()).toEqual(['heads.get', 'heads.put', 'meta.get', 'meta.put']);
	});
});
