import { describe, expect, it } from 'vitest';
import { copyData, withKey } from '../../../src/core/transforms/data';
import { categorize, simplifyWindowTitles } from '../../../src/core/transforms';
import type { EventData } from '../../../src/core/model/event';
import { ev } from './helpers';

describe('copyData and withKey', () => {
	it('copy every own key in order', () => {
		const data = { b: 1, a: [2], c: { d: null } };
		const copy = copyData(data);
		expect(copy).toEqual(data);
		expect(copy).not.toBe(data);
		expect(Object.keys(copy)).toEqual(['b', 'a', 'c']);
	});

	it('replace an existing key in place and append a new one', () => {
		expect(Object.keys(withKey({ x: 1, y: 2 }, 'x', 3))).toEqual(['x', 'y']);
		expect(withKey({ x: 1 }, 'z', 'v')).toEqual({ x: 1, z: 'v' });
	});

	it('keep a __proto__ key as data without touching the prototype', () => {
		const data = JSON.parse('{"__proto__": {"polluted": true}, "t": "x"}') as EventData;
		const copy = withKey(data, '$category', ['A']);
		expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
		expect(Object.hasOwn(copy, '__proto__')).toBe(true);
		expect((copy as Record<string, unknown>).polluted).toBeUndefined();
		expect(JSON.stringify(copy)).toBe('{"__proto__":{"polluted":true},"t":"x","$category":["A"]}');
	});

	it('let transforms set a __proto__ key as data', () => {
		const [out] = simplifyWindowTitles(
			[ev(0, 1, JSON.parse('{"__proto__": "(1) x"}') as EventData)],
			'__proto__'
		);
		expect(Object.getOwnPropertyDescriptor(out.data, '__proto__')?.value).toBe('x');
		expect(categorize([out], [])[0].data.$category).toEqual(['Uncategorized']);
	});
});
