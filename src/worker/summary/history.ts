/**
 * The usage strip's active time per period (query-language.md 13.7) computed with the engine's
 * transforms directly: per AFK bucket of the host the `not-afk` events, folded together with
 * `union_no_overlap`, summed. Equal to the activity-history query, without its program text.
 */
import type { Event } from '../../core/model/event';
import type { EventRange } from '../../core/query/source';
import { filterKeyvals, unionNoOverlap } from '../../core/transforms';
import type { BucketInfo } from './buckets';

export type HistoryDeps = {
	listBuckets(): Promise<BucketInfo[]>;
	getEvents(bucketId: string, range: EventRange): Promise<Event[]>;
};

export async function activityHistory(
	deps: HistoryDeps,
	host: string,
	periods: { start: number; end: number }[]
): Promise<number[]> {
	const afk = (await deps.listBuckets()).filter(
		(b) => b.type === 'afkstatus' && b.hostname === host
	);
	const out: number[] = [];
	for (const period of periods) {
		let active: Event[] = [];
		for (const bucket of afk) {
			const events = await deps.getEvents(bucket.id, { start: period.start, end: period.end });
			active = unionNoOverlap(active, filterKeyvals(events, 'status', ['not-afk']));
		}
		out.push(active.reduce((sum, e) => sum + e.duration, 0) / 1e6);
	}
	return out;
}
