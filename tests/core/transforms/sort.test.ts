import { describe, expect, it } from 'vitest';
import {
	concat,
	limitEvents,
	sortByDuration,
	sortByTimestamp,
	stableSortByKeys,
	sumDurations
} from '../../../src/core/transforms';
import { checkVector, ev, vectorsFor } from './helpers';

describe('sort, sum and limit vectors (query-vectors.md T65, T66, T93-T96)', () => {
	for (const vector of vectorsFor(
		'sort_by_duration',
		'sort_by_timestamp',
		'sum_durations',
		'limit_events'
	)) {
		it(`${vector.id}: ${vector.title}`, () => checkVector(vector));
	}
});

describe('stableSortByKeys', () => {
	it('sorts ascending, descending and mixed inputs stably', () => {
		const items = ['a', 'b', 'c', 'd', 'e', 'f'];
		expect(stableSortByKeys(items, Float64Array.of(1, 1, 2, 3, 3, 4))).toEqual(items);
		expect(stableSortByKeys(items, Float64Array.of(4, 3, 3, 2, 1, 1))).toEqual([
			'e',
			'f',
			'd',
			'b',
			'c',
			'a'
		]);
		expect(stableSortByKeys(items, Float64Array.of(2, 1, 2, 0, 1, 2))).toEqual([
			'd',
			'b',
			'e',
			'a',
			'c',
			'f'
		]);
	});

	it('handles negative keys and empty input', () => {
		expect(stableSortByKeys(['a', 'b', 'c'], Float64Array.of(0, -5, -1))).toEqual(['b', 'c', 'a']);
		expect(stableSortByKeys([], new Float64Array(0))).toEqual([]);
	});
});

describe('sortByTimestamp and sortByDuration', () => {
	it('sort the newest-first order of query_bucket ascending, ties in input order', () => {
		const list = [ev(5, 1, { i: 0 }), ev(5, 2, { i: 1 }), ev(3, 1, { i: 2 }), ev(1, 1, { i: 3 })];
		expect(sortByTimestamp(list).map((e) => e.data.i)).toEqual([3, 2, 0, 1]);
	});

	it('sort zero durations last', () => {
		const list = [ev(0, 0, { i: 0 }), ev(1, 3, { i: 1 }), ev(2, 0, { i: 2 }), ev(3, 1, { i: 3 })];
		expect(sortByDuration(list).map((e) => e.data.i)).toEqual([1, 3, 0, 2]);
	});

	it('return a new array', () => {
		const list = [ev(0, 1)];
		expect(sortByTimestamp(list)).not.toBe(list);
		expect(sortByDuration(list)).not.toBe(list);
	});
});

describe('sumDurations', () => {
	it('truncates toward zero to whole milliseconds', () => {
		expect(sumDurations([ev(0, 1.9999)])).toBe(1_999_000);
		expect(sumDurations([])).toBe(0);
		expect(sumDurations([{ id: null, timestamp: 0, duration: -1500, data: {} }])).toBe(-1000);
	});
});

describe('limitEvents', () => {
	it('treats NaN and zero as no events and a count above the length as all', () => {
		const list = [ev(0, 1), ev(1, 1)];
		expect(limitEvents(list, NaN)).toEqual([]);
		expect(limitEvents(list, 0)).toEqual([]);
		expect(limitEvents(list, 0.9)).toEqual([]);
		expect(limitEvents(list, 100)).toEqual(list);
		expect(limitEvents(list, Infinity)).toEqual(list);
	});
});

describe('concat', () => {
	it('concatenates zero or more lists in order', () => {
		const a = [ev(1, 1)];
		const b = [ev(0, 1), ev(2, 1)];
		expect(concat()).toEqual([]);
		expect(concat(a)).toEqual(a);
		expect(concat(a, [], b)).toEqual([...a, ...b]);
	});
});
