import { describe, expect, it } from 'vitest';
import {
	filterPeriodIntersect,
	periodUnion,
	union,
	unionNoOverlap
} from '../../../src/core/transforms';
import { checkVector, ev, spans, vectorsFor } from './helpers';

describe('period vectors (query-vectors.md T24-T52)', () => {
	for (const vector of vectorsFor('filter_period_intersect', 'period_union', 'union_no_overlap')) {
		it(`${vector.id}: ${vector.title}`, () => checkVector(vector));
	}
});

describe('filterPeriodIntersect', () => {
	it('keeps the id and data of the cut event and ignores filter data', () => {
		const out = filterPeriodIntersect([ev(0, 10, { a: 1 }, 5)], [ev(2, 3, { f: 1 }, 9)]);
		expect(out).toEqual([ev(2, 3, { a: 1 }, 5)]);
	});

	it('returns [] when either list is empty', () => {
		expect(filterPeriodIntersect([], [ev(0, 1)])).toEqual([]);
		expect(filterPeriodIntersect([ev(0, 1)], [])).toEqual([]);
	});

	it('cuts one event into several pieces across filter periods', () => {
		const out = filterPeriodIntersect([ev(0, 10)], [ev(1, 1), ev(3, 2), ev(8, 5)]);
		expect(spans(out)).toEqual([
			[1, 1],
			[3, 2],
			[8, 2]
		]);
	});

	it('produces nothing for a zero-length filter at the start of an event', () => {
		expect(filterPeriodIntersect([ev(5, 5)], [ev(5, 0)])).toEqual([]);
	});
});

describe('periodUnion', () => {
	it('keeps the id and timestamp of the first event of each run', () => {
		const out = periodUnion([ev(5, 5, { a: 1 }, 1)], [ev(0, 6, { b: 1 }, 2), ev(20, 1, {}, 3)]);
		expect(out).toEqual([ev(0, 10, {}, 2), ev(20, 1, {}, 3)]);
	});

	it('merges zero-length events touching a run', () => {
		expect(spans(periodUnion([ev(0, 1), ev(1, 0)], [ev(3, 0)]))).toEqual([
			[0, 1],
			[3, 0]
		]);
	});
});

describe('unionNoOverlap', () => {
	it('gives cut pieces id null and keeps ids of whole events', () => {
		const out = unionNoOverlap([ev(10, 5, { a: 1 }, 1)], [ev(0, 30, { b: 1 }, 2)]);
		expect(out.map((e) => e.id)).toEqual([null, 1, null]);
		expect(spans(out)).toEqual([
			[0, 10],
			[10, 5],
			[15, 15]
		]);
	});

	it('drops a second-list event inside a first-list event', () => {
		expect(spans(unionNoOverlap([ev(0, 10), ev(12, 1)], [ev(2, 3), ev(11, 1)]))).toEqual([
			[0, 10],
			[11, 1],
			[12, 1]
		]);
	});

	it('appends the rest of the second list unchecked once the first list is exhausted', () => {
		expect(spans(unionNoOverlap([ev(0, 10)], [ev(2, 3), ev(4, 6)]))).toEqual([
			[0, 10],
			[4, 6]
		]);
	});

	it('returns the other list when one is empty', () => {
		const list = [ev(0, 1, {}, 1)];
		expect(unionNoOverlap(list, [])).toEqual(list);
		expect(unionNoOverlap([], list)).toEqual(list);
	});
});

describe('union (query-vectors.md U01-U05)', () => {
	const pairs = (list: [number, number][]) => list.map(([s, d]) => ev(s, d));

	it('U01: merges two lists, dropping events present in both', () => {
		const out = union(
			pairs([
				[-20, 5],
				[-10, 5],
				[20, 1]
			]),
			pairs([
				[-10, 5],
				[0, 1]
			])
		);
		expect(spans(out)).toEqual([
			[-20, 5],
			[-10, 5],
			[0, 1],
			[20, 1]
		]);
	});

	it('U02: orders by timestamp then duration', () => {
		const out = union(
			pairs([
				[-10, 10],
				[-10, 5],
				[0, 10]
			]),
			pairs([
				[-20, 5],
				[-10, 10],
				[-5, 5],
				[0, 10]
			])
		);
		expect(spans(out)).toEqual([
			[-20, 5],
			[-10, 5],
			[-10, 10],
			[-5, 5],
			[0, 10]
		]);
	});

	it('U03: sorts unsorted inputs first', () => {
		const out = union(
			pairs([
				[-30, 15],
				[0, 3],
				[0, 10]
			]),
			pairs([
				[0, 5],
				[0, 3],
				[-30, 15]
			])
		);
		expect(spans(out)).toEqual([
			[-30, 15],
			[0, 3],
			[0, 5],
			[0, 10]
		]);
	});

	it('U04: keeps duplicates within one list', () => {
		const x = { x: 1 };
		expect(union([ev(0, 1, x), ev(0, 1, x)], [ev(0, 1, x)])).toHaveLength(2);
	});

	it('U05: emits the second list first on a full tie with different data', () => {
		const out = union([ev(0, 1, { x: 1 })], [ev(0, 1, { x: 2 })]);
		expect(out.map((e) => e.data)).toEqual([{ x: 2 }, { x: 1 }]);
	});

	it('returns [] for two empty lists', () => {
		expect(union([], [])).toEqual([]);
	});
});
