/**
 * An in-memory EventSource (query-language.md section 7, rest-api.md section 6), for tests,
 * benchmarks and the demo data. Selection is an inclusive overlap (`end >= start` and
 * `timestamp <= end`), results are clipped to the range and ordered by original timestamp
 * descending, equal timestamps by ascending id.
 *
 * Layout, for speed: each bucket keeps its events sorted by timestamp, split into short events
 * (at most SHORT_LIMIT long), found by binary search on the start, and the few long ones, which
 * are scanned. Sorting happens lazily on the first read after a write.
 *
 * Reads return the stored event objects themselves when they need no clipping (and share the
 * `data` objects always): callers must treat them as immutable, as the engine does (section 5.4).
 * Inserted events are copied once, so the caller's objects are not kept.
 */
import { HindsightError } from '../errors';
import type { Event } from '../model/event';
import type { Instant, Micros } from '../model/time';
import type { BucketSummary, EventRange, EventSource } from './source';

/** Events longer than this are kept apart and scanned rather than searched: one hour. */
const SHORT_LIMIT: Micros = 3600 * 1_000_000;

type StoredEvent = Event & { id: number };

/** Sort order of storage: timestamp ascending, equal timestamps by descending id. */
const byStartThenIdDesc = (a: StoredEvent, b: StoredEvent) =>
	a.timestamp - b.timestamp || b.id - a.id;

class BucketEvents {
	private all: StoredEvent[] = [];
	private dirty = false;
	private short: StoredEvent[] = [];
	private starts = new Float64Array(0);
	private long: StoredEvent[] = [];

	add(events: StoredEvent[]): void {
		for (const event of events) this.all.push(event);
		this.dirty = true;
	}

	get size(): number {
		return this.all.length;
	}

	private index(): void {
		if (!this.dirty) return;
		this.all.sort(byStartThenIdDesc);
		this.short = this.all.filter((e) => e.duration <= SHORT_LIMIT);
		this.long = this.all.filter((e) => e.duration > SHORT_LIMIT);
		this.starts = Float64Array.from(this.short, (e) => e.timestamp);
		this.dirty = false;
	}

	/** The first index whose start is >= `value` (or > `value` when `after`). */
	private bound(value: number, after: boolean): number {
		let lo = 0;
		let hi = this.starts.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			const start = this.starts[mid];
			if (start < value || (after && start === value)) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/**
	 * Overlapping events clipped to the range, newest first (timestamp descending, equal
	 * timestamps by ascending id), at most `limit` of them.
	 */
	select(start: Instant, end: Instant, limit: number): Event[] {
		this.index();
		const long = this.long.filter((e) => e.timestamp <= end && e.timestamp + e.duration >= start);
		const from = this.bound(start - SHORT_LIMIT, false);
		const to = this.bound(end, true);
		if (long.length === 0) {
			const out: Event[] = [];
			for (let i = to - 1; i >= from && out.length < limit; i--) {
				const e = this.short[i];
				if (e.timestamp + e.duration >= start) out.push(clip(e, start, end));
			}
			return out;
		}
		// Long events interleave with the short ones: sort on the stored (original) timestamps.
		const hits: StoredEvent[] = long;
		for (let i = from; i < to; i++) {
			const e = this.short[i];
			if (e.timestamp + e.duration >= start) hits.push(e);
		}
		hits.sort(newestFirst);
		const n = Math.min(limit, hits.length);
		const out: Event[] = new Array(n);
		for (let k = 0; k < n; k++) out[k] = clip(hits[k], start, end);
		return out;
	}

	/** The number of overlapping events. */
	count(start: Instant, end: Instant): number {
		this.index();
		let n = 0;
		const from = this.bound(start - SHORT_LIMIT, false);
		for (let i = this.bound(end, true) - 1; i >= from; i--) {
			const e = this.short[i];
			if (e.timestamp + e.duration >= start) n++;
		}
		for (const e of this.long) {
			if (e.timestamp > end) break;
			if (e.timestamp + e.duration >= start) n++;
		}
		return n;
	}
}

/** Output order: timestamp descending, equal timestamps by ascending id. */
const newestFirst = (a: StoredEvent, b: StoredEvent) => b.timestamp - a.timestamp || a.id - b.id;

function clip(event: StoredEvent, start: Instant, end: Instant): Event {
	const eventEnd = event.timestamp + event.duration;
	if (event.timestamp >= start && eventEnd <= end) return event;
	const from = Math.max(event.timestamp, start);
	const to = Math.min(eventEnd, end);
	return { id: event.id, timestamp: from, duration: to - from, data: event.data };
}

/** A bucket and its events, for building a MemorySource in one go. */
export type MemoryBucket = { bucket: BucketSummary; events?: readonly Event[] };

/** An EventSource over buckets held in memory. */
export class MemorySource implements EventSource {
	private readonly buckets = new Map<string, { summary: BucketSummary; events: BucketEvents }>();
	private nextId = 1;

	constructor(buckets: readonly MemoryBucket[] = []) {
		for (const { bucket, events } of buckets) {
			this.addBucket(bucket);
			if (events) this.insertEvents(bucket.id, events);
		}
	}

	/** Adds an empty bucket; `bucket_exists` if the id is taken. */
	addBucket(bucket: BucketSummary): void {
		if (this.buckets.has(bucket.id)) {
			throw new HindsightError('bucket_exists', `The bucket '${bucket.id}' already exists`);
		}
		const summary = { ...bucket };
		this.buckets.set(bucket.id, { summary, events: new BucketEvents() });
	}

	/**
	 * Stores events in a bucket. Events with an id keep it; the others get the next free id.
	 * Returns the stored events (with their ids).
	 */
	insertEvents(bucketId: string, events: readonly Event[]): Event[] {
		const bucket = this.bucket(bucketId);
		for (const e of events) if (e.id !== null && e.id >= this.nextId) this.nextId = e.id + 1;
		const stored = events.map((e): StoredEvent => ({ ...e, id: e.id ?? this.nextId++ }));
		bucket.events.add(stored);
		return stored;
	}

	/** The number of events stored in a bucket. */
	size(bucketId: string): number {
		return this.bucket(bucketId).events.size;
	}

	private bucket(id: string) {
		const bucket = this.buckets.get(id);
		if (!bucket) {
			throw new HindsightError('bucket_not_found', `There is no bucket '${id}'`, { bucketId: id });
		}
		return bucket;
	}

	async listBuckets(): Promise<BucketSummary[]> {
		return [...this.buckets.values()].map((b) => ({ ...b.summary }));
	}

	private range(range: EventRange): { start: Instant; end: Instant } {
		return { start: range.start ?? -Infinity, end: range.end ?? Infinity };
	}

	async getEvents(bucketId: string, range: EventRange): Promise<Event[]> {
		const events = this.bucket(bucketId).events;
		const { start, end } = this.range(range);
		if (start > end) return [];
		const limit = range.limit === undefined || range.limit < 0 ? Infinity : range.limit;
		return events.select(start, end, limit);
	}

	async countEvents(bucketId: string, range: EventRange): Promise<number> {
		const events = this.bucket(bucketId).events;
		const { start, end } = this.range(range);
		return start > end ? 0 : events.count(start, end);
	}
}
