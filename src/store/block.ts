/**
 * Packed blocks (README.md): events of one bucket stored column by column, sorted by start and
 * then id, with each distinct data object stored once. Encoding, decoding, and the reads that
 * work on the columns directly without building intermediate events.
 */
import type { Event } from '../core/model/event';
import type { JsonObject } from '../core/model/json';
import type { BlockRow, StoredEvent } from './records';

/** Closed selection bounds; open ends are infinities. */
export type Bounds = { start: number; end: number };

/** What the directory keeps about a block. */
export type BlockSummary = { start: number; last: number; end: number; count: number };

/** Orders events by start, then id: the order inside a block. */
export function byStartThenId(a: StoredEvent, b: StoredEvent): number {
	return a.timestamp - b.timestamp || a.id - b.id;
}

/** Orders events as the API lists them: newest start first, equal starts by ascending id. */
export function byListOrder(a: Event, b: Event): number {
	return b.timestamp - a.timestamp || (a.id ?? 0) - (b.id ?? 0);
}

/** Packs events, already sorted by `byStartThenId`, into a block row. */
export function encodeBlock(key: number, bucket: string, events: readonly StoredEvent[]): BlockRow {
	const n = events.length;
	const ids = new Float64Array(n);
	const starts = new Float64Array(n);
	const durations = new Float64Array(n);
	const dataIndex = new Uint32Array(n);
	const data: JsonObject[] = [];
	const byObject = new Map<JsonObject, number>();
	const byText = new Map<string, number>();

	for (let i = 0; i < n; i++) {
		const event = events[i];
		ids[i] = event.id;
		starts[i] = event.timestamp;
		durations[i] = event.duration;
		let index = byObject.get(event.data);
		if (index === undefined) {
			const text = JSON.stringify(event.data);
			index = byText.get(text);
			if (index === undefined) {
				index = data.length;
				data.push(event.data);
				byText.set(text, index);
			}
			byObject.set(event.data, index);
		}
		dataIndex[i] = index;
	}
	return { key, bucket, ids, starts, durations, dataIndex, data };
}

/** The events of a block, sorted by start then id. Events share the block's data objects. */
export function decodeBlock(row: BlockRow): StoredEvent[] {
	const n = row.ids.length;
	const out: StoredEvent[] = new Array(n);
	for (let i = 0; i < n; i++) out[i] = eventAt(row, i);
	return out;
}

function eventAt(row: BlockRow, i: number): StoredEvent {
	return {
		id: row.ids[i],
		timestamp: row.starts[i],
		duration: row.durations[i],
		data: row.data[row.dataIndex[i]]
	};
}

/** The summary of sorted events (which must not be empty). */
export function summarize(events: readonly StoredEvent[]): BlockSummary {
	let end = -Infinity;
	for (const event of events) end = Math.max(end, event.timestamp + event.duration);
	const start = events[0].timestamp;
	const last = events[events.length - 1].timestamp;
	return { start, last, end, count: events.length };
}

/**
 * Appends the block's events selected by `bounds` (end >= start bound, start <= end bound) to
 * `out` in list order (latest start first, equal starts by ascending id), unclipped.
 */
export function collectRange(row: BlockRow, bounds: Bounds, out: Event[]): void {
	const { ids, starts, durations, dataIndex, data } = row;
	let k = upperBound(starts, bounds.end) - 1;
	while (k >= 0) {
		let first = k;
		while (first > 0 && starts[first - 1] === starts[k]) first--;
		for (let i = first; i <= k; i++) {
			const duration = durations[i];
			if (starts[i] + duration < bounds.start) continue;
			out.push({ id: ids[i], timestamp: starts[i], duration, data: data[dataIndex[i]] });
		}
		k = first - 1;
	}
}

/** Clips events (owned by the caller) to the bounds, in place. */
export function clipAll(events: Event[], bounds: Bounds): void {
	for (const event of events) {
		const end = event.timestamp + event.duration;
		if (event.timestamp >= bounds.start && end <= bounds.end) continue;
		const from = Math.max(event.timestamp, bounds.start);
		event.duration = Math.min(end, bounds.end) - from;
		event.timestamp = from;
	}
}

/** The number of the block's events selected by `bounds`. */
export function countRange(row: BlockRow, bounds: Bounds): number {
	const { starts, durations } = row;
	const stop = upperBound(starts, bounds.end);
	let count = 0;
	for (let i = 0; i < stop; i++) if (starts[i] + durations[i] >= bounds.start) count++;
	return count;
}

/** The position of event `id` in the block, or -1. */
export function indexOfId(row: BlockRow, id: number): number {
	return row.ids.indexOf(id);
}

/** The event at a position, as a stored event. */
export function blockEvent(row: BlockRow, index: number): StoredEvent {
	return eventAt(row, index);
}

/** The number of leading values <= bound in an ascending array. */
export function upperBound(values: ArrayLike<number>, bound: number): number {
	let lo = 0;
	let hi = values.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (values[mid] <= bound) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
