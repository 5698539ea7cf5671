import { describe, expect, it } from 'vitest';
import { serialize } from '../../../../src/core/query/3-eval/serialize';
import { T0 } from './helpers';

describe('serialize', () => {
	it('writes events with exactly id, timestamp, duration and data', () => {
		const out = serialize([
			{ id: 3, timestamp: T0 + 2_500_250, duration: 1_500_000, data: { a: [1] } }
		]);
		expect(out).toEqual([
			{ id: 3, timestamp: '2000-01-01T00:00:02.500250Z', duration: 1.5, data: { a: [1] } }
		]);
		expect(Object.keys((out as object[])[0])).toEqual(['id', 'timestamp', 'duration', 'data']);
	});

	it('uses 0, 3 or 6 fraction digits in Z timestamps', () => {
		const stamps = [0, 500_000, 250].map(
			(us) =>
				(
					serialize({ id: null, timestamp: T0 + us, duration: 0, data: {} }) as {
						timestamp: string;
					}
				).timestamp
		);
		expect(stamps).toEqual([
			'2000-01-01T00:00:00Z',
			'2000-01-01T00:00:00.500Z',
			'2000-01-01T00:00:00.000250Z'
		]);
	});

	it('turns None, NaN and infinities into null', () => {
		expect(serialize([null, NaN, Infinity, -Infinity, -0, 1.5])).toEqual([
			null,
			null,
			null,
			null,
			-0,
			1.5
		]);
	});

	it('turns dicts into objects in insertion order, including awkward keys', () => {
		const out = serialize(
			new Map<string, never>([
				['b', 1 as never],
				['__proto__', 2 as never],
				['a', 3 as never]
			])
		) as object;
		expect(Object.keys(out)).toEqual(['b', '__proto__', 'a']);
		expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
		expect(JSON.stringify(out)).toBe('{"b":1,"__proto__":2,"a":3}');
	});
});
