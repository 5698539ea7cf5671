import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/core/model/event';
import {
	byListOrder,
	clipAll,
	collectRange,
	countRange,
	decodeBlock,
	encodeBlock,
	summarize,
	upperBound
} from '../../src/store/block';
import type { StoredEvent } from '../../src/store/records';

const e = (id: number, timestamp: number, duration = 0, data = {}): StoredEvent => ({
	id,
	timestamp,
	duration,
	data
});

describe('encodeBlock and decodeBlock', () => {
	it('round-trips events and stores each distinct data object once', () => {
		const shared = { app: 'a' };
		const events = [
			e(1, 10, 1, shared),
			e(2, 20, 2, { app: 'a' }),
			e(3, 30, 3, { app: 'b' }),
			e(4, 40, 0, shared)
		];
		const row = encodeBlock(9, 'bucket', events);
		expect(row.data).toEqual([{ app: 'a' }, { app: 'b' }]);
		expect([...row.dataIndex]).toEqual([0, 0, 1, 0]);
		expect(decodeBlock(row)).toEqual(events);
		expect(summarize(events)).toEqual({ start: 10, last: 40, end: 40, count: 4 });
		expect(summarize([e(1, 10, 50), e(2, 20, 1)]).end).toBe(60);
	});

	it('keeps data with different key order as separate objects, so each keeps its order', () => {
		const row = encodeBlock(1, 'b', [e(1, 1, 0, { a: 1, b: 2 }), e(2, 2, 0, { b: 2, a: 1 })]);
		expect(decodeBlock(row).map((x) => Object.keys(x.data))).toEqual([
			['a', 'b'],
			['b', 'a']
		]);
	});
});

describe('collectRange and countRange', () => {
	const row = encodeBlock(1, 'b', [e(1, 0, 10), e(2, 5, 0), e(5, 5, 1), e(3, 20, 5), e(4, 30, 0)]);

	it('collects selected events in list order, unclipped', () => {
		const out: Event[] = [];
		collectRange(row, { start: 5, end: 20 }, out);
		expect(out.map((x) => x.id)).toEqual([3, 2, 5, 1]);
		expect(countRange(row, { start: 5, end: 20 })).toBe(4);
		expect(countRange(row, { start: 11, end: 29 })).toBe(1);
	});

	it('clips events in place to the bounds', () => {
		const out: Event[] = [];
		collectRange(row, { start: 6, end: 22 }, out);
		clipAll(out, { start: 6, end: 22 });
		expect(out.map((x) => [x.id, x.timestamp, x.duration])).toEqual([
			[3, 20, 2],
			[5, 6, 0],
			[1, 6, 4]
		]);
	});

	it('orders lists and bisects sorted starts', () => {
		const list = [e(2, 5), e(1, 5), e(3, 9)].sort(byListOrder);
		expect(list.map((x) => x.id)).toEqual([3, 1, 2]);
		expect(upperBound([1, 2, 2, 3], 2)).toBe(3);
		expect(upperBound([1, 2, 2, 3], 0)).toBe(0);
	});
});
