/**
 * Ordering, summing and list helpers (query-language.md 8.3).
 *
 * Sorting is stable and driven by precomputed numeric keys rather than a comparator over event
 * objects: V8's comparator sort is several times slower than a native numeric sort, and these
 * sorts run on every dashboard query. Inputs that are already ascending (or descending, as
 * `query_bucket` returns them) take a linear path.
 */
import type { Event } from '../model/event';
import { MICROS_PER_MILLI, type Micros } from '../model/time';

/** Index of the first element of the ascending `sorted` that is >= key. */
function lowerBound(sorted: Float64Array, key: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] < key) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Stable placement by a native sort of the keys plus one binary search per element. */
function placeByKeys<T>(items: readonly T[], keys: Float64Array): T[] {
	const sorted = keys.slice().sort();
	const placed = new Int32Array(items.length);
	const out = new Array<T>(items.length);
	for (let i = 0; i < items.length; i++) {
		const slot = lowerBound(sorted, keys[i]);
		out[slot + placed[slot]++] = items[i];
	}
	return out;
}

/** Reverses a non-increasing sequence while keeping the input order of equal keys. */
function reverseRuns<T>(items: readonly T[], keys: Float64Array): T[] {
	const out: T[] = [];
	let end = items.length;
	while (end > 0) {
		let start = end - 1;
		while (start > 0 && keys[start - 1] === keys[end - 1]) start--;
		for (let i = start; i < end; i++) out.push(items[i]);
		end = start;
	}
	return out;
}

/**
 * Stable ascending sort of `items` by `keys` (one finite number per item, same order). Returns
 * a new array; the inputs are not modified.
 */
export function stableSortByKeys<T>(items: readonly T[], keys: Float64Array): T[] {
	let ascending = true;
	let descending = true;
	for (let i = 1; i < keys.length && (ascending || descending); i++) {
		if (keys[i] < keys[i - 1]) ascending = false;
		else if (keys[i] > keys[i - 1]) descending = false;
	}
	if (ascending) return items.slice();
	if (descending) return reverseRuns(items, keys);
	return placeByKeys(items, keys);
}

/** Stable sort by timestamp ascending; equal timestamps keep their input order. */
export function sortByTimestamp(events: readonly Event[]): Event[] {
	const keys = new Float64Array(events.length);
	for (let i = 0; i < events.length; i++) keys[i] = events[i].timestamp;
	return stableSortByKeys(events, keys);
}

/** Stable sort by duration descending; equal durations keep their input order. */
export function sortByDuration(events: readonly Event[]): Event[] {
	const keys = new Float64Array(events.length);
	for (let i = 0; i < events.length; i++) keys[i] = 0 - events[i].duration;
	return stableSortByKeys(events, keys);
}

/** A total truncated toward zero to whole milliseconds, as `sum_durations` reports it. */
export function truncateToMillis(total: Micros): Micros {
	return Math.trunc(total / MICROS_PER_MILLI) * MICROS_PER_MILLI;
}

/**
 * The sum of the durations, truncated toward zero to whole milliseconds (as ActivityWatch's
 * Rust server does): 1.0005 s + 1.0005 s gives 2.001 s. `[]` gives 0.
 */
export function sumDurations(events: readonly Event[]): Micros {
	let total = 0;
	for (let i = 0; i < events.length; i++) total += events[i].duration;
	return truncateToMillis(total);
}

/**
 * The first `count` events, with `count` truncated toward zero; a negative or NaN count gives
 * `[]`.
 */
export function limitEvents(events: readonly Event[], count: number): Event[] {
	const k = Math.trunc(count);
	if (!(k > 0)) return [];
	return events.slice(0, k);
}

/** The concatenation of any number of event lists, in argument order. */
export function concat(...lists: (readonly Event[])[]): Event[] {
	const out: Event[] = [];
	for (const list of lists) for (let i = 0; i < list.length; i++) out.push(list[i]);
	return out;
}
