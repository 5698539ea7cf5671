import fc from 'fast-check';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { HindsightError } from '../../src/core/errors';
import type { Event } from '../../src/core/model/event';
import type { Datastore, DatastoreOptions } from '../../src/store/datastore';
import type { ChangeNotice } from '../../src/store/types';
import {
	at,
	bucket,
	ev,
	failPuts,
	ids,
	openStore,
	recordRequests,
	recordScopes,
	sec,
	starts
} from './helpers';

async function storeWithBucket(
	layout?: { hotMax: number; blockMax: number },
	options: DatastoreOptions = {}
): Promise<Datastore> {
	const store = await openStore({ ...options, ...(layout ? { layout } : {}) });
	await store.createBucket(bucket('hb'));
	return store;
}

let undo: (() => void) | null = null;
afterEach(() => {
	undo?.();
	undo = null;
});

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
		// The head is known from the merge: the first try, over the head alone, stops at the
		// counters before any request, and the head is read again with the writes.
		expect(fresh).toEqual(['meta.get', 'heads.get', 'heads.put', 'meta.put']);
		expect(await store.getEvents('hb', {})).toEqual([
			{ id: 2, timestamp: at(2), duration: 0, data: B },
			{ id: 1, timestamp: at(0), duration: sec(1), data: A }
		]);
	});

	it('merges in a transaction over the head alone, and widens only for what a heartbeat needs', async () => {
		const store = await storeWithBucket({ hotMax: 2, blockMax: 1024 });
		expect(await recordScopes(() => store.heartbeat('hb', ev(0, 0, A), 10))).toEqual([
			['heads'],
			['heads', 'meta']
		]);
		expect(await recordScopes(() => store.heartbeat('hb', ev(1, 0, A), 10))).toEqual([['heads']]);
		expect(await recordScopes(() => store.heartbeat('hb', ev(2, 0, B), 10))).toEqual([
			['heads'],
			['heads', 'meta']
		]);
		// A third hot event packs the hot set into a block.
		expect(await recordScopes(() => store.heartbeat('hb', ev(3, 0, A), 10))).toEqual([
			['heads'],
			['heads', 'meta'],
			['blocks', 'dirs', 'heads', 'idmap', 'meta']
		]);
		expect(await store.countEvents('hb', {})).toBe(3);
	});
});

describe('heartbeats on the lean path', () => {
	it('stores a heartbeat that is not a simple merge over every store it needs', async () => {
		const store = await storeWithBucket({ hotMax: 1, blockMax: 2 });
		await store.insertEvents('hb', [ev(0), ev(1), ev(2, 0, A)]);
		const seen = await recordRequests(() => store.heartbeat('hb', ev(3, 0, A), 10));
		expect(seen.slice(0, 2)).toEqual(['heads.get', 'heads.get']);
		expect(seen).toContain('dirs.get');
		expect(await store.getEvents('hb', {})).toEqual([
			{ id: 3, timestamp: at(2), duration: sec(1), data: A },
			{ id: 2, timestamp: at(1), duration: 0, data: {} },
			{ id: 1, timestamp: at(0), duration: 0, data: {} }
		]);
	});

	it('leaves nothing half-written when a write fails in the middle of a transaction', async () => {
		const store = await storeWithBucket({ hotMax: 2, blockMax: 2 });
		for (let s = 0; s < 4; s++) await store.heartbeat('hb', ev(s * 100, 0, { n: s }), 1);
		const before = await store.getEvents('hb', {});
		undo = failPuts('idmap', 0, () => new DOMException('full', 'QuotaExceededError'));
		const packing = recordRequests(() => store.heartbeat('hb', ev(400, 0, B), 1).catch((e) => e));
		const seen = await packing;
		expect(seen).toEqual(expect.arrayContaining(['blocks.put', 'dirs.put', 'heads.put']));
		undo();
		undo = null;
		expect(await store.getEvents('hb', {})).toEqual(before);
		expect(await store.heartbeat('hb', ev(401, 0, B), 1)).toMatchObject({ id: 5 });
		expect(await store.heartbeat('hb', ev(402, 0, B), 1)).toMatchObject({ id: 5 });
		expect(await store.countEvents('hb', {})).toBe(5);
	});

	it('gives the same results on the Dexie path', async () => {
		const lean = await storeWithBucket({ hotMax: 2, blockMax: 3 });
		const dexie = await storeWithBucket({ hotMax: 2, blockMax: 3 }, { leanHeartbeats: false });
		const beats = [ev(0, 0, A), ev(1, 0, A), ev(5, 0, B), ev(3, 0, B), ev(4, 0, B), ev(9, 1, A)];
		for (const beat of beats) {
			expect(await lean.heartbeat('hb', beat, 2)).toEqual(await dexie.heartbeat('hb', beat, 2));
		}
		expect(await lean.getEvents('hb', {})).toEqual(await dexie.getEvents('hb', {}));
	});
});

/** Makes the next `times` transactions fail at their first `put` into `heads`. */
function failNextHeadPuts(times: number): () => void {
	const proto = FakeObjectStore.prototype;
	const original = proto.put;
	let left = times;
	proto.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
		if (this.name === 'heads' && left > 0) {
			left--;
			throw new DOMException('busy', 'UnknownError');
		}
		return original.call(this, value, key);
	};
	return () => {
		proto.put = original;
	};
}

describe('coalesced heartbeats', () => {
	it('stores heartbeats that queue up in one transaction and answers each', async () => {
		const store = await storeWithBucket();
		await store.heartbeat('hb', ev(0, 0, A), 10);
		const notices: ChangeNotice[] = [];
		store.onChange((n) => notices.push(n));
		let results: Event[] = [];
		const seen = await recordRequests(async () => {
			results = await Promise.all([1, 2, 3].map((s) => store.heartbeat('hb', ev(s, 0, A), 10)));
		});
		expect(seen).toEqual(['heads.get', 'heads.put']);
		expect(results).toEqual(
			[1, 2, 3].map((s) => ({ id: 1, timestamp: at(0), duration: sec(s), data: A }))
		);
		expect(notices).toEqual([{ kind: 'events', bucketId: 'hb', start: at(0), end: at(3) }]);
	});

	it('lets an out-of-order heartbeat in a batch become the reference for the ones after it', async () => {
		const store = await storeWithBucket();
		await store.heartbeat('hb', ev(100, 0, A), 10);
		const results = await Promise.all([
			store.heartbeat('hb', ev(105, 0, A), 10),
			store.heartbeat('hb', ev(50, 0, A), 10),
			store.heartbeat('hb', ev(55, 0, A), 10),
			store.heartbeat('hb', ev(108, 0, A), 10)
		]);
		expect(results).toEqual([
			{ id: 1, timestamp: at(100), duration: sec(5), data: A },
			{ id: 2, timestamp: at(50), duration: 0, data: A },
			{ id: 2, timestamp: at(50), duration: sec(5), data: A },
			{ id: 3, timestamp: at(108), duration: 0, data: A }
		]);
		expect(ids(await store.getEvents('hb', {}))).toEqual([3, 1, 2]);
	});

	it('keeps the place of a write queued between two heartbeats', async () => {
		const store = await storeWithBucket();
		await store.heartbeat('hb', ev(100, 0, A), 10);
		const [, , inserted, last] = await Promise.all([
			store.heartbeat('hb', ev(50, 0, A), 10),
			store.heartbeat('hb', ev(52, 0, A), 10),
			store.insertEvents('hb', [ev(0, 0, B)]),
			store.heartbeat('hb', ev(104, 0, A), 10)
		]);
		expect(inserted).toHaveLength(1);
		expect(last).toEqual({ id: 1, timestamp: at(100), duration: sec(4), data: A });
	});

	it('stores a failed batch again one heartbeat at a time', async () => {
		const store = await storeWithBucket();
		await store.heartbeat('hb', ev(0, 0, A), 10);
		undo = failNextHeadPuts(2);
		const outcomes = await Promise.allSettled(
			[1, 2, 3].map((s) => store.heartbeat('hb', ev(s, 0, A), 10))
		);
		expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
		expect(outcomes[0]).toMatchObject({ reason: { code: 'storage_failed' } });
		expect(await store.getEvents('hb', {})).toEqual([
			{ id: 1, timestamp: at(0), duration: sec(3), data: A }
		]);
	});

	it('rejects an invalid heartbeat at once without holding back the others', async () => {
		const store = await storeWithBucket();
		const outcomes = await Promise.allSettled([
			store.heartbeat('hb', ev(0, 0, A), 10),
			store.heartbeat('hb', { ...ev(1), duration: -1 }, 10),
			store.heartbeat('hb', ev(2, 0, A), 10)
		]);
		expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(await store.getEvents('hb', {})).toEqual([
			{ id: 1, timestamp: at(0), duration: sec(2), data: A }
		]);
	});

	it('gives the results of one-by-one processing for random bursts', async () => {
		const beat = fc.record({
			start: fc.integer({ min: 0, max: 40 }),
			duration: fc.integer({ min: 0, max: 3 }),
			data: fc.integer({ min: 0, max: 2 }),
			pulse: fc.constantFrom(0, 1, 5)
		});
		const op = fc.oneof(
			{ weight: 6, arbitrary: beat.map((b) => ({ kind: 'beat' as const, ...b })) },
			{
				weight: 1,
				arbitrary: fc
					.integer({ min: 0, max: 40 })
					.map((start) => ({ kind: 'insert' as const, start }))
			}
		);
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.array(op, { minLength: 1, maxLength: 12 }), { maxLength: 4 }),
				async (bursts) => {
					const layout = { hotMax: 2, blockMax: 3 };
					const one = await storeWithBucket(layout, { leanHeartbeats: false });
					const many = await storeWithBucket(layout);
					const run = (store: Datastore, o: (typeof bursts)[number][number]) =>
						o.kind === 'beat'
							? store.heartbeat('hb', ev(o.start, o.duration, { d: o.data }), o.pulse)
							: store.insertEvents('hb', [ev(o.start, 0, { d: 9 })]);
					for (const burst of bursts) {
						const expected = [];
						for (const o of burst) expected.push(await run(one, o));
						expect(await Promise.all(burst.map((o) => run(many, o)))).toEqual(expected);
					}
					expect(await many.getEvents('hb', {})).toEqual(await one.getEvents('hb', {}));
					expect(await many.getBucket('hb')).toEqual(await one.getBucket('hb'));
				}
			),
			{ numRuns: 60 }
		);
	});
});
