/**
 * The stopwatch part of the Activity summary. The summary query merges the stopwatch bucket
 * into the window events with `union_no_overlap(stopwatch_events, events)`, where the stopwatch
 * events come as stored, newest first. That walk is not local to a day: window events before
 * the newest stopwatch entry of the period are passed through uncut, and from there on the
 * walk continues with every stopwatch entry. So the days before the day of the newest entry
 * keep their cached (stopwatch-free) summaries, and the "tail" from that day to the period's
 * end is recomputed here with the same transforms, in the order the query applies them:
 * union, categorize, category filter.
 */
import type { Event } from '../../core/model/event';
import type { Instant } from '../../core/model/time';
import { ruleSpec } from '../../core/queries/categories';
import { buildRule, categorize, filterKeyvals, unionNoOverlap } from '../../core/transforms';
import { grouped, hourly, piecesWithin, total, type DaySummary } from './day';
import type { Groups } from './groups';
import type { ActivityOptions, DayRange } from './types';

export type Tail = {
	/** Index of the first day the tail covers. */
	from: number;
	titles: Groups;
	categories: Groups;
	duration: number;
	/** Per covered day, for the bars: categories and hours. */
	days: Pick<DaySummary, 'categories' | 'hours'>[];
};

/** The index of the day holding the instant (the last day for the period's end). */
export function dayIndexOf(days: readonly DayRange[], at: Instant): number {
	const index = days.findIndex((d) => at < d.end);
	return index === -1 ? days.length - 1 : Math.max(0, index);
}

function categorizeWith(events: Event[], options: ActivityOptions): Event[] {
	const rules = options.categories.map(([name, rule]) => ({
		category: name,
		rule: buildRule(ruleSpec(rule))
	}));
	return categorize(events, rules);
}

/**
 * The tail from `from`: `windows` are the canonical events of those days (categorized, not
 * filtered, without stopwatch), `stopwatch` the bucket's events in the period as stored.
 */
export function stopwatchTail(
	days: readonly DayRange[],
	from: number,
	windows: readonly Event[],
	stopwatch: Event[],
	options: ActivityOptions
): Tail {
	const end = days[days.length - 1].end;
	const own = piecesWithin(windows, days[from].start, end, true);
	const union = unionNoOverlap(stopwatch, own);
	const entries = categorizeWith(
		union.filter((e) => e.data.$category === undefined),
		options
	);
	let events = mergeBack(union, entries);
	if (options.categoryFilter) events = filterKeyvals(events, '$category', options.categoryFilter);
	return {
		from,
		titles: grouped(events, ['app', 'title']),
		categories: grouped(events, ['$category']),
		duration: total(events),
		days: days.slice(from).map((d, i) => {
			const closed = from + i === days.length - 1;
			const pieces = piecesWithin(events, d.start, d.end, closed);
			return {
				categories: grouped(pieces, ['$category']),
				hours: hourly(pieces, d.start, d.end, closed)
			};
		})
	};
}

/** Puts the categorized stopwatch pieces back in their places in the union's order. */
function mergeBack(union: Event[], categorized: Event[]): Event[] {
	let k = 0;
	return union.map((e) => (e.data.$category === undefined ? categorized[k++] : e));
}
