/**
 * `categorize` and `tag` (query-language.md 8.6, 10). Both test every rule against every event;
 * since the same strings (app names, window titles) recur across a day, the result of each
 * pattern on each distinct string is computed once per call and shared between events.
 */
import type { Event, EventData } from '../model/event';
import type { CategoryRule, RuleMatcher, TagRule } from './rules';

const UNKNOWN = 0;
const NO = 1;
const YES = 2;

/** One distinct string and the lazily filled result of each rule's pattern on it. */
type Entry = { text: string; results: Uint8Array };

/** Shares pattern results per distinct string across the events of one call. */
class MatchTable {
	private readonly entries = new Map<string, Entry>();
	private readonly values: Entry[] = [];
	private valuesOf: EventData | null = null;

	constructor(private readonly rules: readonly RuleMatcher[]) {}

	private entry(text: string): Entry {
		let entry = this.entries.get(text);
		if (entry === undefined) {
			entry = { text, results: new Uint8Array(this.rules.length) };
			this.entries.set(text, entry);
		}
		return entry;
	}

	private test(entry: Entry, r: number): boolean {
		let result = entry.results[r];
		if (result === UNKNOWN) {
			result = this.rules[r].regex!.test(entry.text) ? YES : NO;
			entry.results[r] = result;
		}
		return result === YES;
	}

	/** The entries of every top-level string value of `data`, collected once per event. */
	private stringValues(data: EventData): Entry[] {
		if (this.valuesOf !== data) {
			this.values.length = 0;
			for (const key in data) {
				const value = data[key];
				if (typeof value === 'string') this.values.push(this.entry(value));
			}
			this.valuesOf = data;
		}
		return this.values;
	}

	/** Whether rule `r` matches `data` (10.2). */
	matches(r: number, data: EventData): boolean {
		const rule = this.rules[r];
		if (rule.regex === null) return false;
		if (rule.selectKeys === null) {
			const values = this.stringValues(data);
			for (let i = 0; i < values.length; i++) if (this.test(values[i], r)) return true;
			return false;
		}
		for (const key of rule.selectKeys) {
			const value = Object.hasOwn(data, key) ? data[key] : undefined;
			if (typeof value === 'string' && this.test(this.entry(value), r)) return true;
		}
		return false;
	}
}

function withData(event: Event, data: EventData): Event {
	return { id: event.id, timestamp: event.timestamp, duration: event.duration, data };
}

/**
 * A copy of each event with `data.$category` set to the winning category (replacing any
 * existing value). Starting from `["Uncategorized"]` (depth 1), the rules are tried in list
 * order and each matching rule whose category is at least as deep as the current choice
 * replaces it: the deepest match wins, the last one among equally deep matches, and an empty
 * category never applies. The category arrays are shared between output events.
 */
export function categorize(events: readonly Event[], rules: readonly CategoryRule[]): Event[] {
	const categories = rules.map((rule) => [...rule.category]);
	const table = new MatchTable(rules.map((rule) => rule.rule));
	const uncategorized = ['Uncategorized'];
	const out: Event[] = new Array(events.length);
	for (let i = 0; i < events.length; i++) {
		const event = events[i];
		let best = uncategorized;
		for (let r = 0; r < categories.length; r++) {
			const category = categories[r];
			if (category.length >= best.length && table.matches(r, event.data)) best = category;
		}
		out[i] = withData(event, { ...event.data, $category: best });
	}
	return out;
}

/** Orders strings by Unicode code point (not UTF-16 code unit), as Rust sorts strings. */
export function compareCodePoints(a: string, b: string): number {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) {
		const x = a.charCodeAt(i);
		const y = b.charCodeAt(i);
		if (x === y) continue;
		const xHigh = x >= 0xd800 && x < 0xe000;
		const yHigh = y >= 0xd800 && y < 0xe000;
		if (xHigh !== yHigh && Math.max(x, y) >= 0xe000) return xHigh ? 1 : -1;
		return x - y;
	}
	return a.length - b.length;
}

/**
 * A copy of each event with `data.$tags` set to the tags of every matching rule, sorted by
 * code point and without duplicates; `[]` when none matches.
 */
export function tag(events: readonly Event[], rules: readonly TagRule[]): Event[] {
	const distinct = [...new Set(rules.map((rule) => rule.tag))].sort(compareCodePoints);
	const rank = rules.map((rule) => distinct.indexOf(rule.tag));
	const table = new MatchTable(rules.map((rule) => rule.rule));
	const hit = new Uint8Array(distinct.length);
	const out: Event[] = new Array(events.length);
	for (let i = 0; i < events.length; i++) {
		const event = events[i];
		hit.fill(0);
		for (let r = 0; r < rules.length; r++) {
			if (hit[rank[r]] === 0 && table.matches(r, event.data)) hit[rank[r]] = 1;
		}
		const tags: string[] = [];
		for (let t = 0; t < distinct.length; t++) if (hit[t] === 1) tags.push(distinct[t]);
		out[i] = withData(event, { ...event.data, $tags: tags });
	}
	return out;
}
