/**
 * Reading buckets (query-language.md 8.1). `query_bucket` and `query_bucket_eventcount` read the
 * period in the *current* value of TIMEINTERVAL, so a program may reassign it to read another
 * period.
 */
import { isHindsightError } from '../../../errors';
import type { Span } from '../../errors';
import {
	bucketNotFound,
	noBucketMatches,
	storageFailed,
	timeIntervalNotString
} from '../../errors';
import type { Period } from '../../period';
import type { BucketSummary } from '../../source';
import { compareCodePoints } from '../../../transforms';
import type { EvalContext } from '../context';
import { describe, eventList, type Value } from '../values';
import { define, string } from './signature';

function currentPeriod(ctx: EvalContext, span?: Span): Period {
	const interval = ctx.scope.get('TIMEINTERVAL') ?? null;
	if (typeof interval !== 'string') timeIntervalNotString(describe(interval), span);
	return ctx.request.period(interval);
}

/** Runs a read against the source, turning its errors into BucketQueryErrors. */
async function read<T>(bucketId: string, span: Span | undefined, op: () => Promise<T>): Promise<T> {
	try {
		return await op();
	} catch (err) {
		if (isHindsightError(err, 'bucket_not_found')) bucketNotFound(bucketId, span);
		if (isHindsightError(err, 'timeout', 'aborted')) throw err;
		storageFailed(bucketId, err instanceof Error ? err.message : String(err), span, err);
	}
}

const queryBucket = define('query_bucket', [string], async ([id], ctx, span) => {
	const { start, end } = currentPeriod(ctx, span);
	const events = await read(id, span, () => ctx.source.getEvents(id, { start, end }));
	return eventList(events);
});

const queryBucketEventcount = define('query_bucket_eventcount', [string], ([id], ctx, span) => {
	const { start, end } = currentPeriod(ctx, span);
	return read(id, span, () => ctx.source.countEvents(id, { start, end }));
});

async function bucketList(ctx: EvalContext, span?: Span): Promise<BucketSummary[]> {
	try {
		return await ctx.request.listBuckets();
	} catch (err) {
		storageFailed('*', err instanceof Error ? err.message : String(err), span, err);
	}
}

const queryBucketNames = define('query_bucket_names', [], async (_args, ctx, span) => {
	const buckets = await bucketList(ctx, span);
	return buckets.map((b) => b.id).sort(compareCodePoints);
});

/**
 * The bucket whose id starts with `filter` (and whose hostname equals `hostname` when given):
 * an exact id wins, otherwise the smallest id in code-point order.
 */
const findBucket = define<[string, string | undefined]>(
	'find_bucket',
	[string, string],
	async ([filter, hostname], ctx, span): Promise<Value> => {
		const buckets = await bucketList(ctx, span);
		const matches = buckets.filter(
			(b) => b.id.startsWith(filter) && (hostname === undefined || b.hostname === hostname)
		);
		if (matches.length === 0) noBucketMatches(filter, hostname ?? null, span);
		if (matches.some((b) => b.id === filter)) return filter;
		return matches.map((b) => b.id).sort(compareCodePoints)[0];
	},
	1
);

/** `query_bucket`, `query_bucket_eventcount`, `query_bucket_names` and `find_bucket`. */
export const DATA_ACCESS = [queryBucket, queryBucketEventcount, queryBucketNames, findBucket];
