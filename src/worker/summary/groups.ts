/**
 * Grouped durations that can be merged across days exactly as `merge_events_by_keys` would
 * merge the whole period at once (query-language.md 8.4): a group keeps the timestamp and the
 * full data of its first event in input order and sums durations; events lacking a key are
 * skipped; groups stay in the order of their first event. Because the days of a period are
 * disjoint and in order, merging day groups in day order gives the period's groups, and a
 * stable sort by duration then breaks ties as the query does.
 */
import type { Event, EventJson } from '../../core/model/event';
import type { JsonObject, JsonValue } from '../../core/model/json';
import { formatInstant, microsToSeconds, type Instant, type Micros } from '../../core/model/time';
import { valueKey } from '../../core/transforms/group-key';
import { truncateToMillis } from '../../core/transforms/sort';

export type Group = { key: string; timestamp: Instant; duration: Micros; data: JsonObject };

/** Groups in first-seen order with an index by key. Plain data, so it can be cached. */
export type Groups = { list: Group[]; index: Map<string, number> };

export function emptyGroups(): Groups {
	return { list: [], index: new Map() };
}

/** A text equal for deeply equal value tuples only: each part is prefixed by its length. */
function keyOf(data: JsonObject, keys: readonly string[]): string | null {
	let key = '';
	for (const name of keys) {
		if (!Object.hasOwn(data, name)) return null;
		const part = valueKey(data[name] as JsonValue);
		key += `${part.length}:${part}`;
	}
	return key;
}

function add(
	groups: Groups,
	key: string,
	timestamp: Instant,
	duration: Micros,
	data: JsonObject
): void {
	const at = groups.index.get(key);
	if (at === undefined) {
		groups.index.set(key, groups.list.length);
		groups.list.push({ key, timestamp, duration, data });
	} else {
		groups.list[at].duration += duration;
	}
}

/** Adds events (in input order) to groups by `keys`. */
export function addEvents(groups: Groups, events: readonly Event[], keys: readonly string[]): void {
	for (const event of events) {
		const key = keyOf(event.data, keys);
		if (key !== null) add(groups, key, event.timestamp, event.duration, event.data);
	}
}

/** Merges `later` (the groups of a later day) into `into`. */
export function mergeGroups(into: Groups, later: Groups): void {
	for (const g of later.list) add(into, g.key, g.timestamp, g.duration, g.data);
}

/** Stable sort by duration, longest first (`sort_by_duration`). */
export function sortGroups(list: readonly Group[]): Group[] {
	return list
		.map((g, i) => [g, i] as const)
		.sort(([a, i], [b, j]) => b.duration - a.duration || i - j)
		.map(([g]) => g);
}

/** Regroups sorted groups by other keys (app rows from title rows, as the query does). */
export function regroup(list: readonly Group[], keys: readonly string[]): Groups {
	const out = emptyGroups();
	for (const g of list) {
		const key = keyOf(g.data, keys);
		if (key !== null) add(out, key, g.timestamp, g.duration, g.data);
	}
	return out;
}

/** The wire form of a group: a merged event with id null. */
export function groupToJson(g: Group): EventJson {
	return {
		id: null,
		timestamp: formatInstant(g.timestamp),
		duration: microsToSeconds(g.duration),
		data: g.data
	};
}

/** `sum_durations`: the total truncated toward zero to whole milliseconds, in seconds. */
export function sumToSeconds(total: Micros): number {
	return microsToSeconds(truncateToMillis(total));
}
