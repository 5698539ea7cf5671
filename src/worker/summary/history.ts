/**
 * The usage strip's active time per period: the activity-history query (query-language.md
 * 13.7, built by src/core/queries) over every AFK bucket of the host (of every host in
 * multi-device mode, dashboard spec 2.2 step 3), run for all periods in one request; each
 * result is at most one merged `not-afk` event.
 */
import type { Instant } from '../../core/model/time';
import { formatPeriod } from '../../core/query/period';
import { activityQuery } from '../../core/queries';
import type { BucketInfo } from '../../core/queries/buckets';

export type HistoryDeps = {
	listBuckets(): Promise<BucketInfo[]>;
	runPeriods(program: string[], periods: string[]): Promise<unknown[]>;
};

export async function activityHistory(
	deps: HistoryDeps,
	host: string,
	periods: { start: Instant; end: Instant }[],
	allHosts = false
): Promise<number[]> {
	const afk = (await deps.listBuckets()).filter(
		(b) => b.type === 'afkstatus' && (allHosts || b.hostname === host)
	);
	if (afk.length === 0 || periods.length === 0) return periods.map(() => 0);
	const texts = periods.map(formatPeriod);
	const results = await deps.runPeriods(activityQuery(afk.map((b) => b.id)), texts);
	return results.map((r) =>
		Array.isArray(r) ? r.reduce((sum, e: { duration: number }) => sum + e.duration, 0) : 0
	);
}
