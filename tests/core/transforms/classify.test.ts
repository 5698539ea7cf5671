import { describe, expect, it } from 'vitest';
import { buildRule, categorize, compareCodePoints, tag } from '../../../src/core/transforms';
import { checkVector, ev, vectorsFor } from './helpers';

describe('categorize and tag vectors (query-vectors.md T79-T92)', () => {
	for (const vector of vectorsFor('categorize', 'tag')) {
		it(`${vector.id}: ${vector.title}`, () => checkVector(vector));
	}
});

const regex = (pattern: string, selectKeys?: string[]) =>
	buildRule({ type: 'regex', regex: pattern, ...(selectKeys ? { selectKeys } : {}) });

describe('categorize', () => {
	it('gives every event Uncategorized for an empty rule list', () => {
		const out = categorize([ev(0, 1, { title: 'x' })], []);
		expect(out[0].data).toEqual({ title: 'x', $category: ['Uncategorized'] });
	});

	it('lets an equally deep later match win and keeps a deeper earlier one', () => {
		const rules = [
			{ category: ['A', 'B'], rule: regex('x') },
			{ category: ['C', 'D'], rule: regex('x') },
			{ category: ['E'], rule: regex('x') }
		];
		expect(categorize([ev(0, 1, { t: 'x' })], rules)[0].data.$category).toEqual(['C', 'D']);
	});

	it('reuses results across events with the same strings and stays exact', () => {
		const rules = [
			{ category: ['Work'], rule: regex('GitHub') },
			{ category: ['Media'], rule: regex('YouTube', ['title']) }
		];
		const list = [
			ev(0, 1, { app: 'Firefox', title: 'GitHub' }),
			ev(1, 1, { app: 'Firefox', title: 'YouTube' }),
			ev(2, 1, { app: 'YouTube', title: 'GitHub' }),
			ev(3, 1, { app: 'Firefox', title: 'GitHub' })
		];
		expect(categorize(list, rules).map((e) => e.data.$category)).toEqual([
			['Work'],
			['Media'],
			['Work'],
			['Work']
		]);
	});

	it('keeps id, timestamp and duration', () => {
		const [out] = categorize([ev(3, 2, { t: 'x' }, 11)], []);
		expect([out.id, out.timestamp, out.duration]).toEqual([11, ev(3, 2).timestamp, 2_000_000]);
	});
});

describe('tag', () => {
	it('gives [] for an empty rule list', () => {
		expect(tag([ev(0, 1, { t: 'x' })], [])[0].data.$tags).toEqual([]);
	});

	it('sorts tags by code point, not by UTF-16 code unit', () => {
		const rules = [
			{ tag: '😀', rule: regex('x') },
			{ tag: '\uFF01', rule: regex('x') },
			{ tag: 'a', rule: regex('x') }
		];
		expect(tag([ev(0, 1, { t: 'x' })], rules)[0].data.$tags).toEqual(['a', '\uFF01', '😀']);
	});
});

describe('compareCodePoints', () => {
	it('orders astral characters after every BMP character', () => {
		expect(compareCodePoints('\u{1F600}', '\uFFFF')).toBeGreaterThan(0);
		expect(compareCodePoints('\uE000', '\u{10000}')).toBeLessThan(0);
		expect(compareCodePoints('a', 'b')).toBeLessThan(0);
		expect(compareCodePoints('ab', 'a')).toBeGreaterThan(0);
		expect(compareCodePoints('x', 'x')).toBe(0);
	});
});

describe('categorize with many rules', () => {
	it('handles rules beyond the 32nd (bit sets of several words)', () => {
		const rules = Array.from({ length: 40 }, (_, i) => ({
			category: i === 39 ? ['Z', 'deep'] : ['R' + i],
			rule: regex(`^w${i}$`, i % 5 === 0 ? ['title'] : undefined)
		}));
		const titles = ['w0', 'w31', 'w32', 'w35', 'w39', 'none'];
		const out = categorize(
			titles.map((title, i) => ev(i, 1, { title })),
			rules
		);
		expect(out.map((e) => e.data.$category)).toEqual([
			['R0'],
			['R31'],
			['R32'],
			['R35'],
			['Z', 'deep'],
			['Uncategorized']
		]);
	});

	it('tests selected keys only for select_keys rules while other rules see every value', () => {
		const rules = [
			{ category: ['App'], rule: regex('vim', ['app']) },
			{ category: ['Any', 'Deep'], rule: regex('mail') }
		];
		const out = categorize(
			[ev(0, 1, { app: 'mail', title: 'vim' }), ev(1, 1, { app: 'vim', title: 'x' })],
			rules
		);
		expect(out.map((e) => e.data.$category)).toEqual([['Any', 'Deep'], ['App']]);
	});

	it('gives tag lists that do not alias between events', () => {
		const out = tag([ev(0, 1, { t: 'x' }), ev(1, 1, { t: 'x' })], [{ tag: 'a', rule: regex('x') }]);
		expect(out[0].data.$tags).toEqual(['a']);
		expect(out[0].data.$tags).not.toBe(out[1].data.$tags);
	});
});
