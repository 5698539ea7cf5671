/**
 * How the query engine reads buckets (query-language.md section 7). The datastore implements
 * this interface; tests and benchmarks use the in-memory implementation in memory-source.ts.
 */
import type { Event } from '../model/event';
import type { Instant } from '../model/time';

export type BucketSummary = { id: string; hostname: string };

/** Inclusive bounds; an absent bound is open. `limit` keeps the newest events. */
export type EventRange = { start?: Instant; end?: Instant; limit?: number };

export interface EventSource {
	/** Every bucket, with at least its id and hostname. */
	listBuckets(): Promise<BucketSummary[]>;

	/**
	 * The events of a bucket overlapping the closed range: `end(event) >= start` and
	 * `timestamp <= end`. Each is clipped to the range (timestamp `max(timestamp, start)`, end
	 * `min(end(event), end)`), so an event that only touches a bound comes back with duration 0.
	 * Order: original (unclipped) timestamp descending, equal timestamps by ascending id (the
	 * order of ActivityWatch's Rust server, whose index walk yields insertion order for ties;
	 * rest-api.md section 6). `start > end` gives `[]`. Ids are kept. Throws a HindsightError
	 * `bucket_not_found` for an unknown bucket.
	 */
	getEvents(bucketId: string, range: EventRange): Promise<Event[]>;

	/** The number of events `getEvents` would return without a limit (never clipped). */
	countEvents(bucketId: string, range: EventRange): Promise<number>;
}
