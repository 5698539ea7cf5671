/**
 * The state of one run of a program over one period: its namespace (section 5.1) and what the
 * built-ins need to reach, namely the event source, the budget and request-wide caches.
 */
import type { BucketSummary, EventSource } from '../source';
import { formatPeriod, parsePeriod, type Period } from '../period';
import type { Budget } from './budget';
import type { QueryFunction, Value } from './values';

/** Callbacks a caller may pass to observe a run. */
export type RunHooks = {
	/** Receives the serialized arguments of every `print(...)` call, in order. */
	onPrint?: (values: unknown[]) => void;
};

/** Things that stay valid for every period of one request. */
export class RequestState {
	private buckets: Promise<BucketSummary[]> | null = null;
	private readonly periods = new Map<string, Period>();

	constructor(
		readonly source: EventSource,
		readonly budget: Budget,
		readonly hooks: RunHooks
	) {}

	/** The bucket list, read once per request (find_bucket, query_bucket_names). */
	listBuckets(): Promise<BucketSummary[]> {
		this.buckets ??= this.source.listBuckets();
		return this.buckets;
	}

	/** Parses a TIMEINTERVAL string, remembering the result. Throws a TimeIntervalError. */
	period(text: string): Period {
		let period = this.periods.get(text);
		if (!period) {
			period = parsePeriod(text);
			this.periods.set(text, period);
		}
		return period;
	}
}

/** One run: a fresh namespace with TIMEINTERVAL, STARTTIME, ENDTIME, NAME and the functions. */
export class EvalContext {
	readonly scope = new Map<string, Value>();

	constructor(
		readonly request: RequestState,
		period: Period,
		name: string,
		functions: ReadonlyMap<string, QueryFunction>
	) {
		const interval = formatPeriod(period);
		const [start, end] = interval.split('/');
		for (const [key, fn] of functions) this.scope.set(key, fn);
		this.scope.set('TIMEINTERVAL', interval);
		this.scope.set('STARTTIME', start);
		this.scope.set('ENDTIME', end);
		this.scope.set('NAME', name);
	}

	get source(): EventSource {
		return this.request.source;
	}
}
