/**
 * Merging and chunking (query-language.md 8.4): `merge_events_by_keys` and
 * `chunk_events_by_key`, both following the Rust server (full data of the first event kept,
 * events lacking a key skipped), with deterministic first-occurrence group order.
 */
import { jsonEqual, type JsonValue } from '../model/json';
import type { Event } from '../model/event';
import { tupleKey, valueKey } from './group-key';

type Group = { first: Event; duration: number };

/** The value tuple of `event` at `keys`, or null when any key is missing. */
function valuesAt(event: Event, keys: readonly string[]): JsonValue[] | null {
	const values: JsonValue[] = new Array(keys.length);
	for (let k = 0; k < keys.length; k++) {
		if (!Object.hasOwn(event.data, keys[k])) return null;
		values[k] = event.data[keys[k]];
	}
	return values;
}

function groupKeyOf(event: Event, keys: readonly string[]): string | null {
	if (keys.length === 1) {
		const key = keys[0];
		return Object.hasOwn(event.data, key) ? valueKey(event.data[key]) : null;
	}
	const values = valuesAt(event, keys);
	return values === null ? null : tupleKey(values);
}

/**
 * One event per group of events whose values at every key are deeply equal (a `null` value
 * counts as present; an event lacking any key is skipped; an empty key list gives `[]`). The
 * group's event has id null, the timestamp and the entire data of the group's first event in
 * input order, and the sum of the group's durations. Groups come out in the order of their first
 * events.
 */
export function mergeEventsByKeys(events: readonly Event[], keys: readonly string[]): Event[] {
	if (keys.length === 0) return [];
	const groups = new Map<string, Group>();
	for (const event of events) {
		const key = groupKeyOf(event, keys);
		if (key === null) continue;
		const group = groups.get(key);
		if (group === undefined) groups.set(key, { first: event, duration: event.duration });
		else group.duration += event.duration;
	}

	const out: Event[] = [];
	for (const { first, duration } of groups.values()) {
		out.push({ id: null, timestamp: first.timestamp, duration, data: first.data });
	}
	return out;
}

/**
 * Merges runs of adjacent events (in input order) that have deeply equal values at `key`. The
 * first event of a run is kept (id, timestamp, full data) and each following event of the run
 * adds its duration; timestamps are not consulted. Events lacking `key` are skipped and do not
 * break a run; equal values that are not adjacent form separate chunks.
 */
export function chunkEventsByKey(events: readonly Event[], key: string): Event[] {
	const out: Event[] = [];
	let first: Event | null = null;
	let value: JsonValue = null;
	let duration = 0;
	for (const event of events) {
		if (!Object.hasOwn(event.data, key)) continue;
		const current = event.data[key];
		if (first !== null && jsonEqual(value, current)) {
			duration += event.duration;
			continue;
		}
		if (first !== null) out.push(withDuration(first, duration));
		first = event;
		value = current;
		duration = event.duration;
	}
	if (first !== null) out.push(withDuration(first, duration));
	return out;
}

function withDuration(event: Event, duration: number): Event {
	if (duration === event.duration) return event;
	return { id: event.id, timestamp: event.timestamp, duration, data: event.data };
}
