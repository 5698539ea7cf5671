/**
 * Shared helpers for the transform tests: the T-series of query-vectors.md (converted from its
 * JSON form, seconds and RFC 3339, through the model's own parseEvent/eventToJson), and small
 * builders for events in seconds.
 */
import { expect } from 'vitest';
import { eventToJson, parseEvent, type Event, type EventJson } from '../../../src/core/model/event';
import type { JsonObject, JsonValue } from '../../../src/core/model/json';
import { microsToSeconds, parseInstant } from '../../../src/core/model/time';
import * as transforms from '../../../src/core/transforms';
import type { CategoryRule, RuleSpec, TagRule } from '../../../src/core/transforms';
import vectors from './fixtures/t-vectors.json';

export type Vector = {
	id: string;
	title: string;
	fn: string;
	args: JsonValue[];
	expected?: JsonValue;
	error?: string;
};

export const T0 = parseInstant('2000-01-01T00:00:00Z');

/** An event `[start, start + duration)` in seconds after T0. */
export function ev(
	start: number,
	duration: number,
	data: JsonObject = {},
	id: number | null = null
): Event {
	return {
		id,
		timestamp: T0 + Math.round(start * 1e6),
		duration: Math.round(duration * 1e6),
		data
	};
}

/** `[start, duration]` in seconds after T0, for compact assertions. */
export function spans(events: readonly Event[]): [number, number][] {
	return events.map((e) => [(e.timestamp - T0) / 1e6, e.duration / 1e6]);
}

export function events(raw: JsonValue): Event[] {
	return (raw as JsonValue[]).map((item) => parseEvent(item));
}

/** The wire form, normalised the way the engine serializes (for comparing with the spec). */
export function wire(list: readonly Event[]): EventJson[] {
	return list.map(eventToJson);
}

type RuleDict = { type: string; regex?: string; ignore_case?: boolean; select_keys?: string[] };

export function ruleSpec(dict: RuleDict): RuleSpec {
	const spec: RuleSpec = { type: dict.type as RuleSpec['type'] };
	if (dict.regex !== undefined) spec.regex = dict.regex;
	if (dict.ignore_case !== undefined) spec.ignoreCase = dict.ignore_case;
	if (dict.select_keys !== undefined) spec.selectKeys = dict.select_keys;
	return spec;
}

export function categoryRules(raw: JsonValue): CategoryRule[] {
	return (raw as [string[], RuleDict][]).map(([category, dict]) => ({
		category,
		rule: transforms.buildRule(ruleSpec(dict))
	}));
}

export function tagRules(raw: JsonValue): TagRule[] {
	return (raw as [string, RuleDict][]).map(([tag, dict]) => ({
		tag,
		rule: transforms.buildRule(ruleSpec(dict))
	}));
}

/** Calls the transform a vector names, with its arguments converted to engine values. */
export function callVector(vector: Vector): Event[] | number {
	const [a, b, c] = vector.args;
	switch (vector.fn) {
		case 'flood':
			return transforms.flood(events(a));
		case 'filter_period_intersect':
			return transforms.filterPeriodIntersect(events(a), events(b));
		case 'period_union':
			return transforms.periodUnion(events(a), events(b));
		case 'union_no_overlap':
			return transforms.unionNoOverlap(events(a), events(b));
		case 'merge_events_by_keys':
			return transforms.mergeEventsByKeys(events(a), b as string[]);
		case 'chunk_events_by_key':
			return transforms.chunkEventsByKey(events(a), b as string);
		case 'sort_by_duration':
			return transforms.sortByDuration(events(a));
		case 'sort_by_timestamp':
			return transforms.sortByTimestamp(events(a));
		case 'filter_keyvals':
			return transforms.filterKeyvals(events(a), b as string, c as JsonValue[]);
		case 'exclude_keyvals':
			return transforms.excludeKeyvals(events(a), b as string, c as JsonValue[]);
		case 'filter_keyvals_regex':
			return transforms.filterKeyvalsRegex(
				events(a),
				b as string,
				transforms.compileRegex(c as string)
			);
		case 'categorize':
			return transforms.categorize(events(a), categoryRules(b));
		case 'tag':
			return transforms.tag(events(a), tagRules(b));
		case 'sum_durations':
			return microsToSeconds(transforms.sumDurations(events(a)));
		case 'limit_events':
			return transforms.limitEvents(events(a), b as number);
		default:
			throw new Error(`No transform for ${vector.fn}`);
	}
}

/** The T-vectors calling one of `names`. */
export function vectorsFor(...names: string[]): Vector[] {
	return (vectors as Vector[]).filter((v) => names.includes(v.fn));
}

/** Runs a vector and checks its expected output or error kind (RegexCompileError). */
export function checkVector(vector: Vector): void {
	if (vector.error !== undefined) {
		expect(vector.error).toBe('RegexCompileError');
		expect(() => callVector(vector)).toThrowError(
			expect.objectContaining({ code: 'regex_compile' })
		);
		return;
	}
	const result = callVector(vector);
	if (typeof result === 'number') {
		expect(result).toBeCloseTo(vector.expected as number, 9);
		return;
	}
	expect(wire(result)).toEqual(wire(events(vector.expected as JsonValue)));
}
