import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, Random } from '../../../src/core/demo';

describe('Random', () => {
	it('repeats its sequence for a seed and stays in [0, 1)', () => {
		const a = new Random(42);
		const b = new Random(42);
		const xs = Array.from({ length: 1000 }, () => a.next());
		expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
		expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
		expect(new Set(xs).size).toBeGreaterThan(990);
	});

	it('draws integers within bounds and weighted items by weight', () => {
		const r = new Random(1);
		const ints = Array.from({ length: 2000 }, () => r.int(3, 5));
		expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
		const picks = Array.from({ length: 4000 }, () =>
			r.weighted([
				['a', 3],
				['b', 1],
				['c', 0]
			] as const)
		);
		expect(picks.includes('c')).toBe(false);
		const share = picks.filter((p) => p === 'a').length / picks.length;
		expect(share).toBeGreaterThan(0.7);
		expect(share).toBeLessThan(0.8);
	});
});

describe('apportion', () => {
	it('splits a total into parts that add up exactly and follow the weights', () => {
		expect(apportion(10, [1, 1, 2])).toEqual([3, 2, 5]);
		expect(apportion(5, [])).toEqual([]);
		expect(apportion(5, [0, 0])).toEqual([0, 0]);
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 10_000 }),
				fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 20 }),
				(total, weights) => {
					const parts = apportion(total, weights);
					expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
					const sum = weights.reduce((a, b) => a + b, 0);
					parts.forEach((p, i) => expect(Math.abs(p - (weights[i] / sum) * total)).toBeLessThan(1));
				}
			)
		);
	});
});
