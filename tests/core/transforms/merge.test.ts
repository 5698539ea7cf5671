import { describe, expect, it } from 'vitest';
import { chunkEventsByKey, mergeEventsByKeys } from '../../../src/core/transforms';
import { checkVector, ev, spans, vectorsFor } from './helpers';

describe('merge and chunk vectors (query-vectors.md T53-T64)', () => {
	for (const vector of vectorsFor('merge_events_by_keys', 'chunk_events_by_key')) {
		it(`${vector.id}: ${vector.title}`, () => checkVector(vector));
	}
});

describe('mergeEventsByKeys', () => {
	it('groups numbers by value and keeps tuples such as (1.5, 2) and (1, 5.2) apart', () => {
		const out = mergeEventsByKeys(
			[
				ev(0, 1, { a: 1.5, b: 2 }),
				ev(1, 1, { a: 1, b: 5.2 }),
				ev(2, 1, { a: 15, b: 2 }),
				ev(3, 1, { a: 1, b: 52 }),
				ev(4, 1, { a: 1.5, b: 2.0 })
			],
			['a', 'b']
		);
		expect(spans(out)).toEqual([
			[0, 2],
			[1, 1],
			[2, 1],
			[3, 1]
		]);
	});

	it('distinguishes list values [1.5, 2] and [1, 5.2], strings from numbers, true from 1', () => {
		const out = mergeEventsByKeys(
			[
				ev(0, 1, { k: [1.5, 2] }),
				ev(1, 1, { k: [1, 5.2] }),
				ev(2, 1, { k: '1' }),
				ev(3, 1, { k: 1 }),
				ev(4, 1, { k: true }),
				ev(5, 1, { k: 'true' }),
				ev(6, 1, { k: null }),
				ev(7, 1, { k: 'null' }),
				ev(8, 1, { k: [1.5, 2] })
			],
			['k']
		);
		expect(out).toHaveLength(8);
		expect(out[0].duration).toBe(2_000_000);
	});

	it('groups objects regardless of key order', () => {
		const out = mergeEventsByKeys(
			[
				ev(0, 1, { k: { x: 1, y: [{ b: 2, a: 1 }] } }),
				ev(1, 2, { k: { y: [{ a: 1, b: 2 }], x: 1 } })
			],
			['k']
		);
		expect(spans(out)).toEqual([[0, 3]]);
	});

	it('does not let string separators collide across keys', () => {
		const out = mergeEventsByKeys(
			[
				ev(0, 1, { a: 's1:x', b: 'y' }),
				ev(1, 1, { a: 's', b: '1:xs1:y' }),
				ev(2, 1, { a: 's1:x', b: 'y' })
			],
			['a', 'b']
		);
		expect(spans(out)).toEqual([
			[0, 2],
			[1, 1]
		]);
	});

	it('shares the data object of the first event and gives id null', () => {
		const data = { app: 'x', title: 't' };
		const [merged] = mergeEventsByKeys([ev(0, 1, data, 4), ev(1, 1, { app: 'x' }, 5)], ['app']);
		expect(merged.id).toBeNull();
		expect(merged.data).toBe(data);
	});

	it('ignores inherited properties such as constructor', () => {
		expect(mergeEventsByKeys([ev(0, 1, { a: 1 })], ['constructor'])).toEqual([]);
	});
});

describe('chunkEventsByKey', () => {
	it('compares list values deeply', () => {
		const out = chunkEventsByKey(
			[ev(0, 1, { c: ['a'] }), ev(1, 1, { c: ['a'] }), ev(2, 1, { c: ['b'] })],
			'c'
		);
		expect(spans(out)).toEqual([
			[0, 2],
			[2, 1]
		]);
	});

	it('keeps the id of the first event of a run', () => {
		expect(chunkEventsByKey([ev(0, 1, { a: 1 }, 3), ev(1, 1, { a: 1 }, 4)], 'a')[0].id).toBe(3);
	});

	it('returns [] when no event has the key', () => {
		expect(chunkEventsByKey([ev(0, 1, { b: 1 })], 'a')).toEqual([]);
	});
});
