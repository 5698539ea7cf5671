import { describe, expect, it } from 'vitest';
import {
	compileRegex,
	excludeKeyvals,
	filterKeyvals,
	filterKeyvalsRegex
} from '../../../src/core/transforms';
import { checkVector, ev, vectorsFor } from './helpers';

describe('filter vectors (query-vectors.md T67-T78)', () => {
	for (const vector of vectorsFor('filter_keyvals', 'exclude_keyvals', 'filter_keyvals_regex')) {
		it(`${vector.id}: ${vector.title}`, () => checkVector(vector));
	}
});

describe('filterKeyvals', () => {
	it('compares numbers by value and keeps booleans distinct from numbers', () => {
		const list = [
			ev(0, 1, { k: 1 }),
			ev(1, 1, { k: true }),
			ev(2, 1, { k: 1.0 }),
			ev(3, 1, { k: 0 })
		];
		expect(filterKeyvals(list, 'k', [1]).map((e) => e.timestamp)).toEqual([
			list[0].timestamp,
			list[2].timestamp
		]);
		expect(filterKeyvals(list, 'k', [false])).toEqual([]);
	});

	it('matches null values and nested lists deeply', () => {
		const list = [ev(0, 1, { k: null }), ev(1, 1, { k: [['a'], 1] }), ev(2, 1, {})];
		expect(filterKeyvals(list, 'k', [null])).toEqual([list[0]]);
		expect(filterKeyvals(list, 'k', [[['a'], 1]])).toEqual([list[1]]);
	});

	it('returns the same event objects', () => {
		const list = [ev(0, 1, { k: 'a' })];
		expect(filterKeyvals(list, 'k', ['a'])[0]).toBe(list[0]);
	});
});

describe('excludeKeyvals', () => {
	it('keeps everything for an empty value list', () => {
		const list = [ev(0, 1, { k: 'a' }), ev(1, 1, {})];
		expect(excludeKeyvals(list, 'k', [])).toEqual(list);
	});
});

describe('filterKeyvalsRegex', () => {
	it('searches unanchored and skips non-string values', () => {
		const list = [ev(0, 1, { k: 'xabcx' }), ev(1, 1, { k: ['abc'] }), ev(2, 1, { k: 'abx' })];
		expect(filterKeyvalsRegex(list, 'k', compileRegex('abc'))).toEqual([list[0]]);
	});

	it('gives the same result for repeated values', () => {
		const list = [
			ev(0, 1, { app: 'Firefox' }),
			ev(1, 1, { app: 'Code' }),
			ev(2, 1, { app: 'Firefox' })
		];
		expect(filterKeyvalsRegex(list, 'app', compileRegex('(?i)firefox'))).toEqual([
			list[0],
			list[2]
		]);
	});
});
