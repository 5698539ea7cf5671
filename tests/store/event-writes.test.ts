import { describe, expect, it } from 'vitest';
import { HindsightError } from '../../src/core/errors';
import { at, bucket, ev, ids, openStore, sec, starts } from './helpers';

async function rejection(promise: Promise<unknown>): Promise<HindsightError> {
	try {
		await promise;
	} catch (err) {
		if (err instanceof HindsightError) return err;
		throw err;
	}
	throw new Error('expected a rejection');
}

describe('insertEvents', () => {
	it('gives new events global ids from 1 in input order and returns them', async () => {
		const store = await openStore();
		await store.createBucket(bucket('a'));
		await store.createBucket(bucket('b'));
		const first = await store.insertEvents('a', [ev(10, 1, { n: 1 }), ev(5, 1, { n: 2 })]);
		const second = await store.insertEvents('b', [ev(1)]);
		expect(ids(first)).toEqual([1, 2]);
		expect(first[0]).toEqual({ id: 1, timestamp: at(10), duration: sec(1), data: { n: 1 } });
		expect(ids(second)).toEqual([3]);
	});

	it('replaces an event of the same bucket by id, keeping the id', async () => {
		const store = await openStore();
		await store.createBucket(bucket('a'));
		const [one] = await store.insertEvents('a', [ev(10, 1, { v: 'old' })]);
		const [replaced] = await store.insertEvents('a', [ev(20, 2, { v: 'new' }, one.id)]);
		expect(replaced.id).toBe(one.id);
		expect(await store.getEvents('a', {})).toEqual([
			{ id: one.id, timestamp: at(20), duration: sec(2), data: { v: 'new' } }
		]);
		expect(await store.countEvents('a', {})).toBe(1);
	});

	it('inserts an unknown explicit id as given, and later ids continue above it', async () => {
		const store = await openStore();
		await store.createBucket(bucket('a'));
		await store.insertEvents('a', [ev(1)]);
		const [explicit] = await store.insertEvents('a', [ev(2, 0, {}, 500)]);
		const [next] = await store.insertEvents('a', [ev(3)]);
		expect(explicit.id).toBe(500);
		expect(next.id).toBe(501);
		expect(await store.getEvent('a', 500)).toMatchObject({ id: 500, timestamp: at(2) });
	});

	it('never reuses ids, even after deletes', async () => {
		const store = await openStore();
		await store.createBucket(bucket('a'));
		const [a, b] = await store.insertEvents('a', [ev(1), ev(2)]);
		await store.deleteEvent('a', b.id!);
		await store.deleteEvent('a', a.id!);
		const [c] = await store.insertEvents('a', [ev(3)]);
		expect(c.id).toBe(3);
	});

	it("refuses another bucket's event id and stores nothing of the request", async () => {
		const store = await openStore();
		await store.createBucket(bucket('a'));
		await store.createBucket(bucket('b'));
		const [theirs] = await store.insertEvents('b', [ev(1, 0, { owner: 'b' })]);
		const err = await rejection(store.insertEvents('a', [ev(5), ev(6, 0, {}, theirs.id)]));
		expect(err.code).toBe('event_in_other_bucket');
		expect(err.message).toContain("'b'");
		expect(await store.countEvents('a', {})).toBe(0);
		expect(await store.getEvent('b', theirs.id!)).toMatchObject({ data: { owner: 'b' } });
		const [fresh] = await store.insertEvents('a', [ev(7)]);
		expect(fresh.id).toBe(2);
	});

	it("refuses another bucket's packed event id too", async () => {
		const store = await openStore({ layout: { hotMax: 1, blockMax: 4 } });
		await store.createBucket(bucket('a'));
		await store.createBucket(bucket('b'));
		const theirs = await store.insertEvents('b', [ev(1), ev(2), ev(3), ev(4)]);
		const err = await rejection(store.insertEvents('a', [ev(9, 0, {}, theirs[0].id)]));
		expect(err.code).toBe('event_in_other_bucket');
	});

	it('validates every event first: one bad event stores nothing', async () => {
		const store = await openStore();
		await store.createBucket(bucket('a'));
		const bad = { id: null, timestamp: at(1), duration: -5, data: {} };
		const err = await rejection(store.insertEvents('a', [ev(1), bad]));
		expect(err.code).toBe('invalid_event');
		expect(err.details).toMatchObject({ field: 'duration', index: 1 });
		expect(await store.countEvents('a', {})).toBe(0);
		const notData = { id: null, timestamp: at(1), duration: 0, data: [] as never };
		expect((await rejection(store.insertEvents('a', [notData]))).code).toBe('invalid_event');
		const hugeId = { ...ev(1), id: Number.MAX_SAFE_INTEGER };
		expect((await rejection(store.insertEvents('a', [hugeId]))).code).toBe('invalid_event');
	});

	it('answers bucket_not_found for a missing bucket', async () => {
		const store = await openStore();
		expect((await rejection(store.insertEvents('none', [ev(1)]))).code).toBe('bucket_not_found');
	});

	it('replaces packed events and moves them in time', async () => {
		const store = await openStore({ layout: { hotMax: 2, blockMax: 3 } });
		await store.createBucket(bucket('a'));
		const stored = await store.insertEvents('a', [ev(1), ev(2), ev(3), ev(4), ev(5), ev(6), ev(7)]);
		await store.insertEvents('a', [ev(100, 0, { moved: true }, stored[1].id)]);
		const events = await store.getEvents('a', {});
		expect(starts(events)).toEqual([100, 7, 6, 5, 4, 3, 1]);
		expect(events[0]).toMatchObject({ id: stored[1].id, data: { moved: true } });
		expect(await store.getBucket('a')).toMatchObject({ metadata: { start: at(1), end: at(100) } });
	});
});

describe('getEvent and deleteEvent', () => {
	it('gets an event of its bucket only, unclipped', async () => {
		const store = await openStore();
		await store.createBucket(bucket('a'));
		await store.createBucket(bucket('b'));
		const [e] = await store.insertEvents('a', [ev(10, 60, { k: 'v' })]);
		expect(await store.getEvent('a', e.id!)).toEqual(e);
		expect(await store.getEvent('b', e.id!)).toBeNull();
		expect(await store.getEvent('a', 999)).toBeNull();
		expect((await rejection(store.getEvent('none', 1))).code).toBe('bucket_not_found');
	});

	it('gets and deletes packed events', async () => {
		const store = await openStore({ layout: { hotMax: 1, blockMax: 2 } });
		await store.createBucket(bucket('a'));
		const stored = await store.insertEvents('a', [ev(1), ev(2), ev(3), ev(4), ev(5)]);
		expect(await store.getEvent('a', stored[0].id!)).toEqual(stored[0]);
		await store.deleteEvent('a', stored[0].id!);
		await store.deleteEvent('a', stored[2].id!);
		expect(await store.getEvent('a', stored[0].id!)).toBeNull();
		expect(starts(await store.getEvents('a', {}))).toEqual([5, 4, 2]);
		expect(await store.countEvents('a', {})).toBe(3);
	});

	it('deletes only in its own bucket, silently when missing', async () => {
		const store = await openStore();
		await store.createBucket(bucket('a'));
		await store.createBucket(bucket('b'));
		const [e] = await store.insertEvents('a', [ev(1)]);
		await store.deleteEvent('b', e.id!);
		await store.deleteEvent('a', 12345);
		expect(await store.getEvent('a', e.id!)).toEqual(e);
		expect((await rejection(store.deleteEvent('none', 1))).code).toBe('bucket_not_found');
	});

	it('narrows the bucket metadata when edge events are deleted', async () => {
		const store = await openStore({ layout: { hotMax: 1, blockMax: 2 } });
		await store.createBucket(bucket('a'));
		const [first, , last] = await store.insertEvents('a', [ev(0, 10), ev(20, 5), ev(40, 100)]);
		await store.deleteEvent('a', last.id!);
		expect((await store.getBucket('a'))?.metadata).toEqual({ start: at(0), end: at(25) });
		await store.deleteEvent('a', first.id!);
		expect((await store.getBucket('a'))?.metadata).toEqual({ start: at(20), end: at(25) });
	});

	it('replaces hundreds of packed events in one request (regression: the transaction committed early)', async () => {
		const store = await openStore({ layout: { hotMax: 4, blockMax: 8 } });
		await store.createBucket(bucket('a'));
		const events = [];
		for (let s = 0; s < 400; s++) events.push(ev(s, 0.5, { n: s }));
		const stored = await store.insertEvents('a', events);
		const replaced = await store.insertEvents(
			'a',
			stored.map((e) => ({ ...e, data: { n: -1 } }))
		);
		expect(ids(replaced)).toEqual(ids(stored));
		const all = await store.getEvents('a', {});
		expect(all).toHaveLength(400);
		expect(all.every((e) => e.data.n === -1)).toBe(true);
	});

	it('takes hundreds of unknown explicit ids in one request (regression: early commit)', async () => {
		const store = await openStore({ layout: { hotMax: 4, blockMax: 8 } });
		await store.createBucket(bucket('a'));
		await store.createBucket(bucket('b'));
		await store.insertEvents('b', [ev(1)]);
		const events = [];
		for (let s = 0; s < 400; s++) events.push(ev(s, 0.5, { n: s }, 1000 + s));
		expect(ids(await store.insertEvents('a', events))).toEqual(events.map((e) => e.id));
		expect((await store.insertEvents('b', [ev(2)]))[0].id).toBe(1400);
	});
});
