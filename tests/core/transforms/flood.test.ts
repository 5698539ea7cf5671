import { describe, expect, it } from 'vitest';
import { flood } from '../../../src/core/transforms';
import { checkVector, ev, spans, vectorsFor } from './helpers';

describe('flood vectors (query-vectors.md T01-T23)', () => {
	for (const vector of vectorsFor('flood')) {
		it(`${vector.id}: ${vector.title}`, () => checkVector(vector));
	}
});

describe('flood', () => {
	it('leaves a gap of exactly 5 s untouched and fills 5 s minus 1 µs', () => {
		const a = { a: 1 };
		const b = { b: 1 };
		expect(spans(flood([ev(0, 1, a), ev(6, 1, b)]))).toEqual([
			[0, 1],
			[6, 1]
		]);
		const justUnder = flood([ev(0, 1, a), ev(5.999999, 1, b)]);
		expect(justUnder[0].duration + justUnder[1].duration).toBe(6_999_999 - 1);
		expect(justUnder[0].duration).toBe(1_000_000 + 2_499_999);
		expect(justUnder[1].timestamp).toBe(justUnder[0].timestamp + 3_499_999 + 1);
	});

	it('merges same data across a gap of 5 s minus 1 µs but not 5 s', () => {
		expect(spans(flood([ev(0, 1, { a: 1 }), ev(5.999999, 1, { a: 1 })]))).toEqual([[0, 6.999999]]);
		expect(flood([ev(0, 1, { a: 1 }), ev(6, 1, { a: 1 })])).toHaveLength(2);
	});

	it('leaves one microsecond unfilled for an odd gap', () => {
		const out = flood([ev(0, 1, { a: 1 }), ev(1.000003, 1, { b: 1 })]);
		expect(out[0].duration).toBe(1_000_001);
		expect(out[1].timestamp - (out[0].timestamp + out[0].duration)).toBe(1);
		expect(out[1].duration).toBe(1_000_001);
	});

	it('keeps the id of the earlier event when merging and the ids of split events', () => {
		const out = flood([ev(0, 1, { a: 1 }, 7), ev(2, 1, { a: 1 }, 8), ev(4, 1, { b: 1 }, 9)]);
		expect(out.map((e) => e.id)).toEqual([7, 9]);
		expect(spans(out)).toEqual([
			[0, 3.5],
			[3.5, 1.5]
		]);
	});

	it('keeps zero-length events and sorts equal timestamps stably', () => {
		const out = flood([ev(3, 0, { z: 1 }), ev(3, 0, { y: 1 }), ev(0, 0, { x: 1 })]);
		expect(out.map((e) => e.data)).toEqual([{ x: 1 }, { z: 1 }, { y: 1 }]);
		expect(spans(out)).toEqual([
			[0, 1.5],
			[1.5, 1.5],
			[3, 0]
		]);
	});

	it('accepts another pulse time', () => {
		expect(spans(flood([ev(0, 1, { a: 1 }), ev(3, 1, { b: 1 })], 1_000_000))).toEqual([
			[0, 1],
			[3, 1]
		]);
	});

	it('returns an empty list for no events and a copy for one', () => {
		expect(flood([])).toEqual([]);
		const one = [ev(0, 1)];
		expect(flood(one)).toEqual(one);
		expect(flood(one)).not.toBe(one);
	});
});
