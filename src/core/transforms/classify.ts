/**
 * `categorize` and `tag` (query-language.md 8.6, 10). Both test every rule against every event;
 * since the same strings (app names, window titles) recur across a day, the result of each
 * pattern on each distinct string is computed once per call and shared between events.
 */
import type { Event, EventData } from '../model/event';
import type { JsonValue } from '../model/json';
import { withKey } from './data';
import type { CategoryRule, RuleMatcher, TagRule } from './rules';

/**
 * Which rules match, as a bit set over rule indices (32 rules per word), computed per distinct
 * string once per call: every regex rule is tested on each new string, and an event's set is
 * the union of the sets of its tested values. The decision made from a set (a category, a tag
 * list) is cached by the set too, so an event costs a few map look-ups.
 */
class RuleMasks {
	readonly words: number;
	private readonly regexRules: number[] = [];
	private readonly selectRules: number[] = [];
	/** The rules that test every top-level value. */
	private readonly anyKeyMask: Uint32Array;
	private readonly byString = new Map<string, Uint32Array>();
	/** The set of the current event, reused between events. */
	readonly current: Uint32Array;

	constructor(private readonly rules: readonly RuleMatcher[]) {
		this.words = Math.max(1, Math.ceil(rules.length / 32));
		this.anyKeyMask = new Uint32Array(this.words);
		this.current = new Uint32Array(this.words);
		rules.forEach((rule, r) => {
			if (rule.regex === null) return;
			this.regexRules.push(r);
			if (rule.selectKeys === null) this.anyKeyMask[r >>> 5] |= 1 << (r & 31);
			else this.selectRules.push(r);
		});
	}

	private maskOf(text: string): Uint32Array {
		let mask = this.byString.get(text);
		if (mask === undefined) {
			mask = new Uint32Array(this.words);
			for (const r of this.regexRules) {
				if (this.rules[r].regex!.test(text)) mask[r >>> 5] |= 1 << (r & 31);
			}
			this.byString.set(text, mask);
		}
		return mask;
	}

	/** Fills `current` with the rules matching `data` (query-language.md 10.2). */
	compute(data: EventData): void {
		const current = this.current;
		current.fill(0);
		for (const key in data) {
			const value = data[key];
			if (typeof value !== 'string') continue;
			const mask = this.maskOf(value);
			for (let w = 0; w < current.length; w++) current[w] |= mask[w] & this.anyKeyMask[w];
		}
		for (const r of this.selectRules) {
			for (const key of this.rules[r].selectKeys!) {
				const value = Object.hasOwn(data, key) ? data[key] : undefined;
				if (typeof value === 'string' && has(this.maskOf(value), r)) {
					current[r >>> 5] |= 1 << (r & 31);
					break;
				}
			}
		}
	}

	/** A map key for `current`. */
	key(): number | string {
		return this.words === 1 ? this.current[0] : this.current.join(',');
	}
}

function has(mask: Uint32Array, r: number): boolean {
	return (mask[r >>> 5] & (1 << (r & 31))) !== 0;
}

function withData(event: Event, data: EventData): Event {
	return { id: event.id, timestamp: event.timestamp, duration: event.duration, data };
}

/**
 * A copy of each event with `data[field]` set from the rules it matches: `decide` reads
 * `masks.current` and runs once per distinct set of matching rules; `give` turns that cached
 * decision into the value each event gets.
 */
function labelEvents<T>(
	events: readonly Event[],
	masks: RuleMasks,
	field: string,
	decide: () => T,
	give: (decided: T) => JsonValue
): Event[] {
	const decided = new Map<number | string, T>();
	const out: Event[] = new Array(events.length);
	for (let i = 0; i < events.length; i++) {
		const event = events[i];
		masks.compute(event.data);
		const key = masks.key();
		let value = decided.get(key);
		if (value === undefined) {
			value = decide();
			decided.set(key, value);
		}
		out[i] = withData(event, withKey(event.data, field, give(value)));
	}
	return out;
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
	const masks = new RuleMasks(rules.map((rule) => rule.rule));
	const uncategorized = ['Uncategorized'];
	const choose = (): string[] => {
		let best = uncategorized;
		for (let r = 0; r < categories.length; r++) {
			if (categories[r].length >= best.length && has(masks.current, r)) best = categories[r];
		}
		return best;
	};
	return labelEvents(events, masks, '$category', choose, (best) => best);
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
	const masks = new RuleMasks(rules.map((rule) => rule.rule));
	const choose = (): string[] => {
		const tags = new Set<string>();
		for (let r = 0; r < rules.length; r++) if (has(masks.current, r)) tags.add(rules[r].tag);
		return [...tags].sort(compareCodePoints);
	};
	return labelEvents(events, masks, '$tags', choose, (tags) => [...tags]);
}
