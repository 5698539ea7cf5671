/**
 * No transform modifies its arguments (query-language.md 5.4): every exported function runs on
 * deep-frozen random inputs (a write would throw in strict mode) that are also compared with a
 * structured clone taken before the call.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../../src/core/model/event';
import type { JsonObject, JsonValue } from '../../../src/core/model/json';
import * as t from '../../../src/core/transforms';

function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}

const dataArb: fc.Arbitrary<JsonObject> = fc.oneof(
	fc.record({ app: fc.constantFrom('Firefox', 'Code'), title: fc.constantFrom('(2) GitHub', 'x') }),
	fc.record({ url: fc.constantFrom('https://www.a.org/p?q=1', 'about:blank', 'nope') }),
	fc.record({
		status: fc.constantFrom('afk', 'not-afk'),
		list: fc.constant<JsonValue[]>(['a', { b: 1 }])
	}),
	fc.constant({} as JsonObject)
);

const eventArb = fc.record({
	id: fc.option(fc.nat(100), { nil: null }),
	timestamp: fc.integer({ min: 0, max: 40 }).map((x) => x * 1_000_000),
	duration: fc.integer({ min: 0, max: 8 }).map((x) => x * 1_000_000),
	data: dataArb
}) as fc.Arbitrary<Event>;

const listArb = fc.array(eventArb, { maxLength: 12 });

const rule = t.buildRule({ type: 'regex', regex: 'Git|blank', selectKeys: ['title', 'url'] });
const anyRule = t.buildRule({ type: 'regex', regex: '(?i)code' });

const CALLS: Record<string, (a: Event[], b: Event[]) => unknown> = {
	flood: (a) => t.flood(a),
	filterKeyvals: (a) => t.filterKeyvals(a, 'status', deepFreeze(['afk', ['a', { b: 1 }]])),
	excludeKeyvals: (a) => t.excludeKeyvals(a, 'app', deepFreeze(['Code'])),
	filterKeyvalsRegex: (a) => t.filterKeyvalsRegex(a, 'title', t.compileRegex('Git')),
	filterPeriodIntersect: (a, b) => t.filterPeriodIntersect(a, b),
	periodUnion: (a, b) => t.periodUnion(a, b),
	unionNoOverlap: (a, b) => t.unionNoOverlap(a, b),
	union: (a, b) => t.union(a, b),
	mergeEventsByKeys: (a) => t.mergeEventsByKeys(a, deepFreeze(['app', 'title'])),
	chunkEventsByKey: (a) => t.chunkEventsByKey(a, 'status'),
	sortByTimestamp: (a) => t.sortByTimestamp(a),
	sortByDuration: (a) => t.sortByDuration(a),
	sumDurations: (a) => t.sumDurations(a),
	limitEvents: (a) => t.limitEvents(a, 3),
	concat: (a, b) => t.concat(a, b, a),
	splitUrlEvents: (a) => t.splitUrlEvents(a),
	simplifyWindowTitles: (a) => t.simplifyWindowTitles(a, 'title'),
	categorize: (a) =>
		t.categorize(
			a,
			deepFreeze([
				{ category: ['Work'], rule },
				{ category: ['Dev', 'Code'], rule: anyRule }
			])
		),
	tag: (a) =>
		t.tag(
			a,
			deepFreeze([
				{ tag: 'z', rule },
				{ tag: 'a', rule: anyRule },
				{ tag: 'z', rule: anyRule }
			])
		),
	heartbeatReduce: (a) => t.heartbeatReduce(a, 2),
	heartbeatMerge: (a, b) => (a.length > 0 && b.length > 0 ? t.heartbeatMerge(a[0], b[0], 5) : null),
	stableSortByKeys: (a) =>
		t.stableSortByKeys(
			a,
			Float64Array.from(a, (e) => e.duration)
		)
};

describe('no transform modifies its inputs', () => {
	for (const [name, call] of Object.entries(CALLS)) {
		it(name, () => {
			fc.assert(
				fc.property(listArb, listArb, (a, b) => {
					const before = structuredClone([a, b]);
					call(deepFreeze(a), deepFreeze(b));
					expect([a, b]).toEqual(before);
				})
			);
		});
	}

	it('covers every exported transform', () => {
		const exported = Object.entries(t)
			.filter(([, value]) => typeof value === 'function')
			.map(([name]) => name);
		const notTransforms = ['buildRule', 'compileRegex', 'compareCodePoints', 'splitUrl'];
		expect(exported.filter((name) => !notTransforms.includes(name)).sort()).toEqual(
			Object.keys(CALLS).sort()
		);
	});

	it('buildRule leaves its spec untouched', () => {
		const spec = deepFreeze({ type: 'regex' as const, regex: 'a', selectKeys: ['x'] });
		t.buildRule(spec);
		expect(spec).toEqual({ type: 'regex', regex: 'a', selectKeys: ['x'] });
	});

	it('outputs never share a modified data object with inputs', () => {
		const input = deepFreeze([{ id: 1, timestamp: 0, duration: 1, data: { title: 'x' } }]);
		const [out] = t.categorize(input, []);
		expect(out.data).not.toBe(input[0].data);
		expect(input[0].data).toEqual({ title: 'x' });
	});
});
