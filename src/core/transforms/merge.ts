/**
 * Merging and chunking (query-language.md 8.4): `merge_events_by_keys` and
 * `chunk_events_by_key`, both following the Rust server (full data of the first event kept,
 * events lacking a key skipped), with deterministic first-occurrence group order.
 */
import { jsonEqual, type JsonValue } from '../model/json';
import type { Event } from '../model/event';
import { valueKey } from './group-key';

type Group = { first: Event; duration: number };

/**
 * A trie over the value tuples: one level per key, strings looked up by themselves (no key text
 * is built for them) and other values by their canonical text, in separate maps so that the
 * string `"1"` and the number `1` never meet.
 */
type Node = {
	strings: Map<string, Node> | null;
	others: Map<string, Node> | null;
	group: Group | null;
};

function newNode(): Node {
	return { strings: null, others: null, group: null };
}

/**
 * Canonical texts of list and object values by identity, within one call: `categorize` shares
 * one `$category` array among all events of a category, so merging by `$category` encodes each
 * array once instead of once per event.
 */
type KeyCache = Map<object, string>;

function canonical(value: JsonValue, cache: KeyCache): string {
	if (typeof value !== 'object' || value === null) return valueKey(value);
	let key = cache.get(value);
	if (key === undefined) {
		key = valueKey(value);
		cache.set(value, key);
	}
	return key;
}

function child(node: Node, value: JsonValue, cache: KeyCache): Node {
	let map: Map<string, Node>;
	let key: string;
	if (typeof value === 'string') {
		map = node.strings ??= new Map();
		key = value;
	} else {
		map = node.others ??= new Map();
		key = canonical(value, cache);
	}
	let next = map.get(key);
	if (next === undefined) {
		next = newNode();
		map.set(key, next);
	}
	return next;
}

function hasKeys(event: Event, keys: readonly string[]): boolean {
	for (let k = 0; k < keys.length; k++) if (!Object.hasOwn(event.data, keys[k])) return false;
	return true;
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
	const root = newNode();
	const cache: KeyCache = new Map();
	const groups: Group[] = [];
	for (const event of events) {
		if (!hasKeys(event, keys)) continue;
		let node = root;
		for (let k = 0; k < keys.length; k++) node = child(node, event.data[keys[k]], cache);
		if (node.group === null) {
			node.group = { first: event, duration: event.duration };
			groups.push(node.group);
		} else {
			node.group.duration += event.duration;
		}
	}

	const out: Event[] = new Array(groups.length);
	for (let g = 0; g < groups.length; g++) {
		const { first, duration } = groups[g];
		out[g] = { id: null, timestamp: first.timestamp, duration, data: first.data };
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
