/**
 * The Activity summary service: answers `activitySummary` from cached per-day summaries.
 *
 * Design. A period's summary is the merge of its days' summaries (merge.ts), so a month or a
 * year never re-runs the pipeline over months of events once its days are known. Uncached days
 * are computed in chunks of up to a month: one run of the canonical-events program over the
 * chunk, whose events are then split by day (day.ts). So that every day equals its share of a
 * single run over the whole period, a chunk's range reaches MARGIN beyond its days (but never
 * beyond the period): `flood` closes gaps of up to 5 s across a boundary, which a run clipped
 * at the boundary would not see. A day therefore depends on whether it is the period's first
 * or last day (no margin on that side), and that is part of its cache key, with the options and
 * the chosen buckets. Days that reach into the future (today) are always recomputed.
 *
 * Chunks run without the stopwatch part; the query's union with the stopwatch bucket is not
 * local to a day, so the days from the newest stopwatch entry on are recomputed per request
 * (stopwatch.ts). Hourly bars are kept only for day periods.
 *
 * Invalidation: a change notice drops the cached days whose range (widened by MARGIN) touches
 * the notice's span; a notice without a span, and any bucket change, drops every day.
 *
 * The cache lives in this worker's memory, so a new page starts cold (bench/ui.bench.ts: a
 * year of about 500,000 events summarizes in about 2 s cold, 0.1 s warm). TODO: keep day
 * summaries in IndexedDB once the datastore offers a place for derived data and a way to tell
 * which days changed while no page was open.
 */
import { createLogger } from '../../core/log';
import { eventFromJson, type Event, type EventJson } from '../../core/model/event';
import type { Instant } from '../../core/model/time';
import {
	selectBuckets,
	selectDevices,
	type BucketInfo,
	type BucketSelection
} from '../../core/queries/buckets';
import { summarizeDays, type CanonicalLists, type DaySummary, type Mode } from './day';
import { bars, finalize, mergeDays } from './merge';
import { dayIndexOf, stopwatchTail, type Tail } from './stopwatch';
import type { ActivityOptions, ActivityRequest, ActivitySummary, DayRange } from './types';
import type { ChangeNotice } from '../../store/types';

const log = createLogger('summary');

/** How far a chunk's program run reaches beyond its days, in microseconds (one hour). */
export const MARGIN = 3600 * 1_000_000;
const CHUNK_DAYS = 31;
const MAX_CACHED_DAYS = 4000;

/** Builds the canonical-events program whose RETURN is the lists of CanonicalLists. */
export type ProgramBuilder = (selection: BucketSelection, options: ActivityOptions) => string;

export type SummaryDeps = {
	listBuckets(): Promise<BucketInfo[]>;
	/** The stored events of a bucket in a range, clipped, newest first (EventSource.getEvents). */
	getEvents(bucketId: string, range: { start: Instant; end: Instant }): Promise<Event[]>;
	/** Runs a program over one `START/END` period; resolves to its JSON result. */
	run(program: string, period: { start: Instant; end: Instant }): Promise<unknown>;
	buildProgram: ProgramBuilder;
	now?: () => Instant;
};

type Task = { day: DayRange; key: string | null; left: boolean; right: boolean; index: number };

function parseEvents(value: unknown): Event[] {
	if (!Array.isArray(value)) return [];
	return (value as EventJson[]).map((e) => eventFromJson(e));
}

function parseLists(result: unknown): CanonicalLists {
	const r = (result ?? {}) as Record<string, unknown>;
	return {
		events: parseEvents(r.events),
		browserEvents: parseEvents(r.browser_events),
		notAfk: parseEvents(r.not_afk)
	};
}

export class SummaryService {
	#cache = new Map<string, DaySummary>();
	#buckets: BucketInfo[] | null = null;

	constructor(private deps: SummaryDeps) {}

	/** Drops what a change can have made stale. */
	invalidate(notice: ChangeNotice): void {
		if (notice.kind === 'settings') return;
		if (notice.kind !== 'events' || notice.start === undefined || notice.end === undefined) {
			if (notice.kind !== 'events') this.#buckets = null;
			this.#cache.clear();
			return;
		}
		for (const [key, day] of this.#cache) {
			if (day.start - MARGIN <= notice.end && day.end + MARGIN >= notice.start)
				this.#cache.delete(key);
		}
	}

	async summarize(request: ActivityRequest): Promise<ActivitySummary> {
		const started = performance.now();
		this.#buckets ??= await this.deps.listBuckets();
		const { host, multidevice } = request.options;
		const selection = multidevice
			? selectDevices(this.#buckets, host)
			: selectBuckets(this.#buckets, host);
		const mode: Mode = selection.browserOnly ? 'browser' : 'desktop';
		const usable = selection.window !== null && selection.afk !== null && request.days.length > 0;
		const days = usable ? await this.days(request, selection, mode) : [];
		const summaries = days.map((d) => d.summary);
		const stopwatch = usable ? await this.stopwatchEvents(request, selection) : [];
		const tail = stopwatch.length > 0 ? await this.tail(request, selection, stopwatch) : null;
		const computed = days.filter((d) => d.computed).length;
		const result: ActivitySummary = {
			mode: usable ? mode : 'none',
			...finalize(mergeDays(summaries, mode, tail, stopwatch)),
			bars: usable
				? bars(
						summaries,
						request.days.map((d) => d.bar),
						request.hourlyBars,
						mode,
						tail
					)
				: [],
			stats: {
				cachedDays: days.length - computed,
				computedDays: computed,
				ms: Math.round(performance.now() - started)
			}
		};
		log.debug('summary', {
			days: days.length,
			computed,
			tail: tail ? days.length - tail.from : 0,
			ms: result.stats.ms
		});
		return result;
	}

	private async stopwatchEvents(
		request: ActivityRequest,
		selection: BucketSelection
	): Promise<Event[]> {
		if (!request.options.includeStopwatch || selection.stopwatch === null) return [];
		const { start } = request.days[0];
		const { end } = request.days[request.days.length - 1];
		return this.deps.getEvents(selection.stopwatch, { start, end });
	}

	/** Recomputes the days from the newest stopwatch entry on (stopwatch.ts). */
	private async tail(
		request: ActivityRequest,
		selection: BucketSelection,
		stopwatch: Event[]
	): Promise<Tail> {
		const from = dayIndexOf(request.days, stopwatch[0].timestamp);
		const options = { ...request.options, includeStopwatch: false, categoryFilter: null };
		const period = {
			start: from === 0 ? request.days[0].start : request.days[from].start - MARGIN,
			end: request.days[request.days.length - 1].end
		};
		const lists = parseLists(
			await this.deps.run(this.deps.buildProgram(selection, options), period)
		);
		return stopwatchTail(request.days, from, lists.events, stopwatch, request.options);
	}

	private async days(request: ActivityRequest, selection: BucketSelection, mode: Mode) {
		const options = { ...request.options, includeStopwatch: false };
		const config = JSON.stringify([options, selection, mode, request.hourlyBars]);
		const now = this.deps.now?.() ?? Date.now() * 1000;
		const last = request.days.length - 1;
		const out: { summary: DaySummary; computed: boolean }[] = [];
		const missing: Task[] = [];
		request.days.forEach((day, index) => {
			const left = index === 0;
			const right = index === last;
			const key = day.end > now ? null : `${config}|${day.start}|${day.end}|${left}|${right}`;
			const hit = key === null ? undefined : this.#cache.get(key);
			if (hit) out[index] = { summary: hit, computed: false };
			else missing.push({ day, key, left, right, index });
		});
		// Chunks run two at a time, so that one chunk's database reads overlap the other's
		// computation.
		const pending = chunks(missing);
		const worker = async () => {
			for (let chunk = pending.shift(); chunk; chunk = pending.shift()) {
				const computed = await this.compute(chunk, selection, mode, options, request.hourlyBars);
				for (const [task, summary] of computed) {
					out[task.index] = { summary, computed: true };
					if (task.key !== null) this.store(task.key, summary);
				}
			}
		};
		await Promise.all([worker(), worker()]);

		return out;
	}

	private async compute(
		chunk: Task[],
		selection: BucketSelection,
		mode: Mode,
		options: ActivityOptions,
		hours: boolean
	) {
		const first = chunk[0];
		const lastTask = chunk[chunk.length - 1];
		const period = {
			start: first.left ? first.day.start : first.day.start - MARGIN,
			end: lastTask.right ? lastTask.day.end : lastTask.day.end + MARGIN
		};
		const lists = parseLists(
			await this.deps.run(this.deps.buildProgram(selection, options), period)
		);
		const summaries = summarizeDays(
			lists,
			mode,
			chunk.map((t) => t.day),
			lastTask.right,
			hours
		);
		return chunk.map((task, i) => [task, summaries[i]] as const);
	}

	private store(key: string, summary: DaySummary): void {
		if (this.#cache.size >= MAX_CACHED_DAYS) {
			const oldest = this.#cache.keys().next().value;
			if (oldest !== undefined) this.#cache.delete(oldest);
		}
		this.#cache.set(key, summary);
	}
}

/** Runs of consecutive days, at most CHUNK_DAYS long. */
function chunks(tasks: Task[]): Task[][] {
	const out: Task[][] = [];
	for (const task of tasks) {
		const current = out[out.length - 1];
		const previous = current?.[current.length - 1];
		if (current && previous.index === task.index - 1 && current.length < CHUNK_DAYS)
			current.push(task);
		else out.push([task]);
	}
	return out;
}
