/**
 * Filtering by data values (query-language.md 8.2): `filter_keyvals`, `exclude_keyvals` and
 * `filter_keyvals_regex`. Events pass through unchanged (the same objects), in input order.
 */
import { jsonEqual, type JsonValue } from '../model/json';
import type { Event } from '../model/event';
import type { CompiledRegex } from '../regex/compile';

/**
 * A membership test for a fixed list of JSON values: primitives through a Set (numbers by
 * value, booleans distinct from numbers), lists and objects by deep equality.
 */
function valueMatcher(values: readonly JsonValue[]): (value: JsonValue) => boolean {
	const primitives = new Set<JsonValue>();
	const composites: JsonValue[] = [];
	for (const value of values) {
		if (typeof value === 'object' && value !== null) composites.push(value);
		else primitives.add(value);
	}
	return (value) => {
		if (typeof value !== 'object' || value === null) return primitives.has(value);
		for (let i = 0; i < composites.length; i++) if (jsonEqual(value, composites[i])) return true;
		return false;
	};
}

/**
 * The events whose data has `key` with a value deeply equal (numbers by value, `true` never
 * equal to `1`) to one of `values`. An empty `values` list keeps nothing.
 */
export function filterKeyvals(
	events: readonly Event[],
	key: string,
	values: readonly JsonValue[]
): Event[] {
	if (values.length === 0) return [];
	const matches = valueMatcher(values);
	const out: Event[] = [];
	for (const event of events) {
		if (Object.hasOwn(event.data, key) && matches(event.data[key])) out.push(event);
	}
	return out;
}

/** The complement of `filterKeyvals`: events lacking `key` are kept. */
export function excludeKeyvals(
	events: readonly Event[],
	key: string,
	values: readonly JsonValue[]
): Event[] {
	const matches = valueMatcher(values);
	const out: Event[] = [];
	for (const event of events) {
		if (!Object.hasOwn(event.data, key) || !matches(event.data[key])) out.push(event);
	}
	return out;
}

/**
 * The events whose `data[key]` is a string in which `regex` finds a match anywhere. Events
 * lacking the key or holding a non-string value there are dropped. Results are memoized per
 * distinct string within the call, since values such as app names repeat across a day.
 */
export function filterKeyvalsRegex(
	events: readonly Event[],
	key: string,
	regex: CompiledRegex
): Event[] {
	const seen = new Map<string, boolean>();
	const out: Event[] = [];
	for (const event of events) {
		const value = Object.hasOwn(event.data, key) ? event.data[key] : undefined;
		if (typeof value !== 'string') continue;
		let hit = seen.get(value);
		if (hit === undefined) {
			hit = regex.test(value);
			seen.set(value, hit);
		}
		if (hit) out.push(event);
	}
	return out;
}
