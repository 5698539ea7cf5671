/**
 * Property tests of the transforms' invariants (fast-check): coverage of period arithmetic,
 * sortedness, conservation of durations, agreement of the key sorts with a reference stable sort.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOf, type Event } from '../../../src/core/model/event';
import { jsonEqual, type JsonObject, type JsonValue } from '../../../src/core/model/json';
import {
	filterPeriodIntersect,
	flood,
	mergeEventsByKeys,
	periodUnion,
	sortByDuration,
	sortByTimestamp,
	stableSortByKeys
} from '../../../src/core/transforms';

const DATA: JsonObject[] = [{ a: 1 }, { a: 2 }, { b: 1 }, { a: 1, b: 1 }, { a: [1, 2] }, {}];

/** Events on a coarse grid (so that touching, equal and overlapping intervals are common). */
const eventArb = fc.record({
	id: fc.option(fc.nat(1000), { nil: null }),
	timestamp: fc.integer({ min: 0, max: 60 }).map((t) => t * 500_000),
	duration: fc.oneof(
		fc.constant(0),
		fc.integer({ min: 0, max: 20 }).map((d) => d * 500_000),
		fc.integer({ min: 1, max: 9_999_999 })
	),
	data: fc.constantFrom(...DATA)
}) as fc.Arbitrary<Event>;
const listArb = fc.array(eventArb, { maxLength: 25 });

const covers = (list: readonly Event[], p: number) =>
	list.some((e) => e.timestamp <= p && p < endOf(e));

/** Every start and end, and a point just after each, where coverage can change. */
function probes(...lists: (readonly Event[])[]): number[] {
	const points: number[] = [];
	for (const list of lists) {
		for (const e of list) points.push(e.timestamp, e.timestamp + 1, endOf(e) - 1, endOf(e));
	}
	return points;
}

function isSortedByTimestamp(list: readonly Event[]): boolean {
	return list.every((e, i) => i === 0 || list[i - 1].timestamp <= e.timestamp);
}

describe('periodUnion', () => {
	it('returns sorted, non-overlapping, non-touching events with empty data', () => {
		fc.assert(
			fc.property(listArb, listArb, (a, b) => {
				const out = periodUnion(a, b);
				for (let i = 1; i < out.length; i++)
					expect(out[i].timestamp).toBeGreaterThan(endOf(out[i - 1]));
				for (const e of out) expect(e.data).toEqual({});
			})
		);
	});

	it('covers exactly the time covered by either input', () => {
		fc.assert(
			fc.property(listArb, listArb, (a, b) => {
				const out = periodUnion(a, b);
				for (const p of probes(a, b, out)) {
					expect(covers(out, p)).toBe(covers(a, p) || covers(b, p));
				}
			})
		);
	});
});

describe('filterPeriodIntersect', () => {
	it('returns pieces that lie inside an input event (same id and data) and a filter event', () => {
		fc.assert(
			fc.property(listArb, listArb, (events, filter) => {
				for (const piece of filterPeriodIntersect(events, filter)) {
					const inside = (e: Event) => e.timestamp <= piece.timestamp && endOf(piece) <= endOf(e);
					expect(events.some((e) => inside(e) && e.id === piece.id && e.data === piece.data)).toBe(
						true
					);
					expect(filter.some(inside)).toBe(true);
				}
			})
		);
	});

	it('never returns more time than the events hold', () => {
		fc.assert(
			fc.property(listArb, listArb, (events, filter) => {
				const total = (list: readonly Event[]) => list.reduce((s, e) => s + e.duration, 0);
				expect(total(filterPeriodIntersect(events, filter))).toBeLessThanOrEqual(total(events));
			})
		);
	});
});

describe('flood', () => {
	it('returns events sorted by timestamp', () => {
		fc.assert(
			fc.property(listArb, (events) => {
				expect(isSortedByTimestamp(flood(events))).toBe(true);
			})
		);
	});

	it('never loses covered time', () => {
		fc.assert(
			fc.property(listArb, (events) => {
				const out = flood(events);
				for (const p of probes(events)) if (covers(events, p)) expect(covers(out, p)).toBe(true);
			})
		);
	});

	it('leaves no same-data neighbours closer than the pulse time', () => {
		fc.assert(
			fc.property(listArb, (events) => {
				const out = flood(events);
				for (let i = 1; i < out.length; i++) {
					const gap = out[i].timestamp - endOf(out[i - 1]);
					if (out[i].data === out[i - 1].data) expect(gap).toBeGreaterThanOrEqual(5_000_000);
				}
			})
		);
	});
});

describe('mergeEventsByKeys', () => {
	const keysArb = fc.constantFrom(['a'], ['b'], ['a', 'b'], ['b', 'a']);

	it('preserves the sum of durations of the events having every key', () => {
		fc.assert(
			fc.property(listArb, keysArb, (events, keys) => {
				const having = events.filter((e) => keys.every((k) => Object.hasOwn(e.data, k)));
				const sum = (list: readonly Event[]) => list.reduce((s, e) => s + e.duration, 0);
				expect(sum(mergeEventsByKeys(events, keys))).toBe(sum(having));
			})
		);
	});

	it('returns one event per distinct value tuple, in first-occurrence order', () => {
		fc.assert(
			fc.property(listArb, keysArb, (events, keys) => {
				const tuples: string[] = [];
				for (const e of events) {
					if (!keys.every((k) => Object.hasOwn(e.data, k))) continue;
					const tuple = JSON.stringify(keys.map((k) => e.data[k]));
					if (!tuples.includes(tuple)) tuples.push(tuple);
				}
				const out = mergeEventsByKeys(events, keys);
				expect(out.map((e) => JSON.stringify(keys.map((k) => e.data[k])))).toEqual(tuples);
			})
		);
	});
});

describe('sorting', () => {
	it('sortByTimestamp and sortByDuration agree with a reference stable sort', () => {
		fc.assert(
			fc.property(listArb, (events) => {
				const byTime = [...events].sort((x, y) => x.timestamp - y.timestamp);
				const byDuration = [...events].sort((x, y) => y.duration - x.duration);
				expect(sortByTimestamp(events)).toEqual(byTime);
				expect(sortByDuration(events)).toEqual(byDuration);
			})
		);
	});

	it('stableSortByKeys agrees with a reference stable sort on any finite keys', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 40 }), (keys) => {
				const items = keys.map((k, i) => ({ k, i }));
				const expected = [...items].sort((x, y) => x.k - y.k);
				expect(stableSortByKeys(items, Float64Array.from(keys))).toEqual(expected);
			})
		);
	});
});

describe('mergeEventsByKeys grouping', () => {
	const valueArb: fc.Arbitrary<JsonValue> = fc.oneof(
		fc.constantFrom<JsonValue>(1, 1.5, 15, 2, 5.2, 52, '1', '1.5', 's', '', true, false, null),
		fc.constantFrom<JsonValue>([1.5, 2], [1, 5.2], ['1'], { a: 1, b: 2 }, { b: 2, a: 1 }, [])
	);

	it('groups exactly the events whose values are deeply equal at every key', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(valueArb, valueArb), { maxLength: 20 }), (pairs) => {
				const list = pairs.map(([a, b], i) => ({
					id: i,
					timestamp: i,
					duration: 1,
					data: { a, b }
				}));
				const reference: Event[][] = [];
				for (const e of list) {
					const same = (g: Event[]) =>
						jsonEqual(g[0].data.a, e.data.a) && jsonEqual(g[0].data.b, e.data.b);
					const group = reference.find(same);
					if (group) group.push(e);
					else reference.push([e]);
				}
				const out = mergeEventsByKeys(list, ['a', 'b']);
				expect(out.map((e) => [e.timestamp, e.duration])).toEqual(
					reference.map((g) => [g[0].timestamp, g.length])
				);
			})
		);
	});
});
