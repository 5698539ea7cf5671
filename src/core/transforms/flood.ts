/**
 * `flood` (query-language.md 8.5): closes small gaps between events and merges neighbours that
 * carry the same data. This is the Rust server's algorithm, reproduced step by step: gaps are
 * split in the middle, only gaps strictly shorter than the pulse time are touched, overlaps with
 * different data stay, zero-length events stay, and a merged event is compared with the next
 * one again so that same-data chains collapse.
 */
import { jsonEqual } from '../model/json';
import type { Event } from '../model/event';
import { MICROS_PER_SECOND, type Micros } from '../model/time';
import { sortByTimestamp } from './sort';

/** The pulse time of the query function `flood`: 5 s. */
export const FLOOD_PULSETIME: Micros = 5 * MICROS_PER_SECOND;

/** Half of a non-negative gap, truncated to a whole microsecond (an odd gap leaves 1 µs). */
function half(gap: Micros): Micros {
	return Math.floor(gap / 2);
}

/**
 * Fills gaps shorter than `pulsetime` (default 5 s) and merges same-data neighbours.
 *
 * Events are first stable-sorted by timestamp. Walking in that order, the current event absorbs
 * every following event with deeply equal data that starts less than `pulsetime` after its end
 * (overlaps and containment included), spanning both and keeping the current event's id and
 * data. When the next event has different data and the gap `g` satisfies `0 <= g < pulsetime`,
 * the current event is extended by `floor(g / 2)` and the next one starts `floor(g / 2)`
 * earlier. Larger gaps and different-data overlaps are left as they are. Output is in sorted
 * order; input events are not modified.
 */
export function flood(events: readonly Event[], pulsetime: Micros = FLOOD_PULSETIME): Event[] {
	const sorted = sortByTimestamp(events);
	const n = sorted.length;
	const out: Event[] = [];
	let carry = -1;
	let k = 0;

	while (k < n) {
		const first = sorted[k++];
		let start = first.timestamp;
		let end = start + first.duration;
		if (carry >= 0) {
			start -= half(carry);
			carry = -1;
		}

		for (;;) {
			if (k === n) {
				out.push(withSpan(first, start, end));
				return out;
			}
			const next = sorted[k];
			const gap = next.timestamp - end;
			if (gap < pulsetime && (first.data === next.data || jsonEqual(first.data, next.data))) {
				start = Math.min(start, next.timestamp);
				end = Math.max(end, next.timestamp + next.duration);
				k++;
				continue;
			}
			if (gap >= 0 && gap < pulsetime) {
				end += half(gap);
				carry = gap;
			}
			out.push(withSpan(first, start, end));
			break;
		}
	}
	return out;
}

/** `event` itself when the span is unchanged, else a copy covering `[start, end)`. */
function withSpan(event: Event, start: number, end: number): Event {
	if (start === event.timestamp && end - start === event.duration) return event;
	return { id: event.id, timestamp: start, duration: end - start, data: event.data };
}
