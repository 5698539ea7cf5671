import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHindsightError } from '../../../src/core/errors';
import type { Event } from '../../../src/core/model/event';
import { MemorySource } from '../../../src/core/query/memory-source';

const S = 1_000_000;
const ev = (id: number | null, start: number, duration: number, data = {}): Event => ({
	id,
	timestamp: start * S,
	duration: duration * S,
	data
});
const brief = (events: Event[]) => events.map((e) => [e.id, e.timestamp / S, e.duration / S]);

function source(events: Event[]): MemorySource {
	return new MemorySource([{ bucket: { id: 'b', hostname: 'h' }, events }]);
}

describe('MemorySource', () => {
	it('returns overlapping events newest first, clipped to the range', async () => {
		const src = source([ev(1, 0, 10), ev(2, 10, 10), ev(3, 25, 10), ev(4, 40, 5)]);
		expect(brief(await src.getEvents('b', { start: 5 * S, end: 30 * S }))).toEqual([
			[3, 25, 5],
			[2, 10, 10],
			[1, 5, 5]
		]);
	});

	it('includes events that only touch a bound, with duration 0', async () => {
		const src = source([ev(30, -5, 5), ev(31, 0, 30), ev(33, 3600, 5)]);
		expect(brief(await src.getEvents('b', { start: 0, end: 3600 * S }))).toEqual([
			[33, 3600, 0],
			[31, 0, 30],
			[30, 0, 0]
		]);
	});

	it('orders equal timestamps by ascending id and uses the original timestamps after clipping', async () => {
		const src = source([ev(5, 0, 2), ev(3, 0, 1), ev(4, 0, 3), ev(9, -1, 5)]);
		expect(brief(await src.getEvents('b', { start: 0, end: 100 * S }))).toEqual([
			[3, 0, 1],
			[4, 0, 3],
			[5, 0, 2],
			[9, 0, 4]
		]);
	});

	it('finds long events that started long before the range, in order among the short ones', async () => {
		const src = source([
			ev(1, -86_400 * 3, 86_400 * 4),
			ev(2, 100, 10),
			ev(3, 200, 7200),
			ev(4, 50, 1)
		]);
		expect(brief(await src.getEvents('b', { start: 0, end: 86_400 * S }))).toEqual([
			[3, 200, 7200],
			[2, 100, 10],
			[4, 50, 1],
			[1, 0, 86_400]
		]);
	});

	it('gives nothing when start is after end, but still rejects an unknown bucket', async () => {
		const src = source([ev(1, 0, 10)]);
		expect(await src.getEvents('b', { start: 5 * S, end: 4 * S })).toEqual([]);
		expect(await src.countEvents('b', { start: 5 * S, end: 4 * S })).toBe(0);
		const err = await src.getEvents('nope', { start: 5 * S, end: 4 * S }).catch((e) => e);
		expect(isHindsightError(err, 'bucket_not_found')).toBe(true);
		expect((err as Error).message).toContain("'nope'");
	});

	it('keeps the newest events under a limit; a negative limit means none, 0 gives []', async () => {
		const src = source([ev(1, 0, 1), ev(2, 1, 1), ev(3, 2, 1)]);
		expect(brief(await src.getEvents('b', { limit: 2 }))).toEqual([
			[3, 2, 1],
			[2, 1, 1]
		]);
		expect(await src.getEvents('b', { limit: 0 })).toEqual([]);
		expect(await src.getEvents('b', { limit: -1 })).toHaveLength(3);
	});

	it('treats absent bounds as open', async () => {
		const src = source([ev(1, -100, 1), ev(2, 100, 1)]);
		expect(await src.getEvents('b', {})).toHaveLength(2);
		expect(brief(await src.getEvents('b', { start: 0 }))).toEqual([[2, 100, 1]]);
		expect(brief(await src.getEvents('b', { end: 0 }))).toEqual([[1, -100, 1]]);
	});

	it('counts what a read would return, ignoring the limit and without clipping', async () => {
		const src = source([ev(1, 0, 10), ev(2, 10, 10), ev(3, 40, 5)]);
		expect(await src.countEvents('b', { start: 5 * S, end: 20 * S, limit: 1 })).toBe(2);
	});

	it('assigns ids to events without one and keeps given ids', () => {
		const src = new MemorySource([{ bucket: { id: 'a', hostname: 'h' }, events: [ev(7, 0, 1)] }]);
		src.addBucket({ id: 'b', hostname: 'h' });
		const stored = src.insertEvents('b', [ev(null, 0, 1), ev(null, 1, 1), ev(3, 2, 1)]);
		expect(stored.map((e) => e.id)).toEqual([8, 9, 3]);
		expect(src.size('b')).toBe(3);
	});

	it('sorts again after inserting into a bucket that was already read', async () => {
		const src = source([ev(1, 10, 1)]);
		await src.getEvents('b', {});
		src.insertEvents('b', [ev(2, 20, 1), ev(3, 0, 1)]);
		expect(brief(await src.getEvents('b', {})).map(([id]) => id)).toEqual([2, 1, 3]);
	});

	it('rejects a second bucket with the same id', () => {
		const src = source([]);
		expect(() => src.addBucket({ id: 'b', hostname: 'x' })).toThrow(/already exists/);
	});

	it('lists buckets as copies', async () => {
		const src = source([]);
		const [bucket] = await src.listBuckets();
		bucket.id = 'changed';
		expect((await src.listBuckets())[0].id).toBe('b');
	});

	it('never changes its stored events by clipping', async () => {
		const src = source([ev(1, 0, 100)]);
		await src.getEvents('b', { start: 10 * S, end: 20 * S });
		expect(brief(await src.getEvents('b', {}))).toEqual([[1, 0, 100]]);
	});

	it('agrees with a direct reading of section 7 on random data', async () => {
		const event = fc.record({
			start: fc.integer({ min: -20, max: 120 }),
			duration: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 3000, max: 9000 }))
		});
		const bound = fc.integer({ min: -30, max: 150 });
		await fc.assert(
			fc.asyncProperty(fc.array(event, { maxLength: 40 }), bound, bound, async (raw, a, b) => {
				const events = raw.map((e, i) => ev(i + 1, e.start, e.duration));
				const [start, end] = [a * S, b * S];
				const expected = events
					.filter((e) => start <= end && e.timestamp + e.duration >= start && e.timestamp <= end)
					.sort((x, y) => y.timestamp - x.timestamp || x.id! - y.id!)
					.map((e) => {
						const from = Math.max(e.timestamp, start);
						return [e.id, from / S, (Math.min(e.timestamp + e.duration, end) - from) / S];
					});
				expect(brief(await source(events).getEvents('b', { start, end }))).toEqual(expected);
			})
		);
	});
});
