/**
 * Period arithmetic (query-language.md 8.2 and 8.5): intersection with filter periods, union of
 * covered time, and the two list merges `union_no_overlap` and `union`.
 *
 * Each algorithm is the reference one, blind spots included; the comments of each function say
 * which. Events are half-open intervals `[timestamp, timestamp + duration)`.
 */
import { jsonEqual } from '../model/json';
import { endOf, type Event } from '../model/event';
import { sortByTimestamp, stableSortByKeys } from './sort';

function span(source: Event, id: number | null, start: number, end: number): Event {
	if (id === source.id && start === source.timestamp && end - start === source.duration) {
		return source;
	}
	return { id, timestamp: start, duration: end - start, data: source.data };
}

/**
 * The parts of `events` that lie inside the periods of `filter`, as a forward-only two-pointer
 * sweep over both lists stable-sorted by timestamp. Each piece keeps the id and data of the
 * event it was cut from; filter data is ignored.
 *
 * The event being matched is consumed as pieces are cut from it, so overlapping or duplicate
 * filter events never duplicate time. Zero-length events produce nothing, touching intervals
 * produce nothing, a zero-length filter strictly inside an event produces a zero-length piece,
 * and since the filter pointer never moves back, an event overlapping an earlier event can miss
 * filter periods already passed (the reference servers behave the same).
 */
export function filterPeriodIntersect(events: readonly Event[], filter: readonly Event[]): Event[] {
	if (events.length === 0 || filter.length === 0) return [];
	const list = sortByTimestamp(events);
	const periods = sortByTimestamp(filter);
	const out: Event[] = [];

	let i = 0;
	let j = 0;
	let cur = list[0];
	let start = cur.timestamp;
	let end = endOf(cur);
	let f = periods[0];
	let fEnd = endOf(f);

	for (;;) {
		if (end - start === 0 || end <= f.timestamp) {
			if (++i === list.length) break;
			cur = list[i];
			start = cur.timestamp;
			end = endOf(cur);
		} else if (start >= fEnd) {
			if (++j === periods.length) break;
			f = periods[j];
			fEnd = endOf(f);
		} else {
			const pieceEnd = Math.min(end, fEnd);
			out.push(span(cur, cur.id, Math.max(start, f.timestamp), pieceEnd));
			start = pieceEnd;
		}
	}
	return out;
}

/**
 * The time covered by either list, as non-overlapping events with empty data. Both lists are
 * concatenated and stable-sorted by timestamp; an event starting at or before the end of the
 * current run (touching counts) extends it. Each output event keeps the id and timestamp of the
 * first event of its run. `[] ∪ []` is `[]`.
 */
export function periodUnion(a: readonly Event[], b: readonly Event[]): Event[] {
	const sorted = sortByTimestamp(a.length === 0 ? b : b.length === 0 ? a : [...a, ...b]);
	const out: Event[] = [];
	let k = 0;
	while (k < sorted.length) {
		const first = sorted[k++];
		let end = endOf(first);
		while (k < sorted.length && sorted[k].timestamp <= end) {
			end = Math.max(end, endOf(sorted[k]));
			k++;
		}
		out.push({
			id: first.id,
			timestamp: first.timestamp,
			duration: end - first.timestamp,
			data: {}
		});
	}
	return out;
}

/** `max(starts) < min(ends)`: zero-length events never intersect anything. */
function intersects(a: Event, b: Event): boolean {
	return Math.max(a.timestamp, b.timestamp) < Math.min(endOf(a), endOf(b));
}

/**
 * Merges two lists giving `a` priority: the parts of `b`'s events that overlap an event of `a`
 * are cut away. Neither list is sorted here; callers pass sorted lists, and unsorted input gives
 * the output the walk dictates. Whole events keep their ids; pieces created by cutting have id
 * null. Example: `a = [10,15)`, `b = [0,30)` gives `[0,10)b, [10,15)a, [15,30)b`.
 */
export function unionNoOverlap(a: readonly Event[], b: readonly Event[]): Event[] {
	const rest = b.slice();
	const out: Event[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < rest.length) {
		const x = a[i];
		const y = rest[j];
		if (intersects(x, y)) {
			if (x.timestamp <= y.timestamp) {
				out.push(x);
				i++;
				const xEnd = endOf(x);
				const yEnd = endOf(y);
				if (y.timestamp < xEnd && xEnd < yEnd) rest[j] = span(y, null, xEnd, yEnd);
				else j++;
			} else {
				out.push(span(y, null, y.timestamp, x.timestamp));
				rest[j] = span(y, null, x.timestamp, endOf(y));
			}
		} else if (x.timestamp <= y.timestamp) {
			out.push(x);
			i++;
		} else {
			out.push(y);
			j++;
		}
	}
	for (; i < a.length; i++) out.push(a[i]);
	for (; j < rest.length; j++) out.push(rest[j]);
	return out;
}

/** Stable sort by (timestamp, duration): by duration first, then stably by timestamp. */
function sortByTimeAndDuration(events: readonly Event[]): Event[] {
	const byDuration = new Float64Array(events.length);
	for (let i = 0; i < events.length; i++) byDuration[i] = events[i].duration;
	return sortByTimestamp(stableSortByKeys(events, byDuration));
}

function sameEvent(x: Event, y: Event): boolean {
	return (
		x.timestamp === y.timestamp &&
		x.duration === y.duration &&
		(x.data === y.data || jsonEqual(x.data, y.data))
	);
}

/**
 * The union of two event lists without duplicates across them (an engine extension; Python's
 * internal transform). Each list is stable-sorted by (timestamp, duration), then the two are
 * merged like a merge sort: equal heads (timestamp, duration and data) are emitted once (the
 * head of `a`) and both advance; otherwise the smaller (timestamp, then duration) goes first,
 * and on a full tie with different data the head of `b` goes first. Duplicates within one list
 * are kept.
 */
export function union(a: readonly Event[], b: readonly Event[]): Event[] {
	const xs = sortByTimeAndDuration(a);
	const ys = sortByTimeAndDuration(b);
	const out: Event[] = [];
	let i = 0;
	let j = 0;
	while (i < xs.length && j < ys.length) {
		const x = xs[i];
		const y = ys[j];
		if (sameEvent(x, y)) {
			out.push(x);
			i++;
			j++;
		} else if (
			x.timestamp < y.timestamp ||
			(x.timestamp === y.timestamp && x.duration < y.duration)
		) {
			out.push(x);
			i++;
		} else {
			out.push(y);
			j++;
		}
	}
	for (; i < xs.length; i++) out.push(xs[i]);
	for (; j < ys.length; j++) out.push(ys[j]);
	return out;
}
