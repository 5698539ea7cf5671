/**
 * Merges day summaries into the Activity summary: the same lists, in the same order and with
 * the same limits, as the full summary query over the whole period (query-language.md 13.3).
 */
import {
	emptyGroups,
	groupToJson,
	mergeGroups,
	regroup,
	sortGroups,
	sumToSeconds,
	type Group,
	type Groups
} from './groups';
import type { DaySummary } from './day';
import type { ActivitySummary, Bar, CategoryTotal } from './types';

const LIMIT = 100;

type Merged = Omit<DaySummary, 'start' | 'end' | 'hours'>;

const GROUP_FIELDS = [
	'titles',
	'categories',
	'urls',
	'domains',
	'browserTitles',
	'stopwatch'
] as const;

/** Merges days (in order) into one day-like summary. */
export function mergeDays(days: readonly DaySummary[]): Merged {
	const out: Merged = {
		titles: emptyGroups(),
		categories: emptyGroups(),
		urls: emptyGroups(),
		domains: emptyGroups(),
		browserTitles: emptyGroups(),
		stopwatch: emptyGroups(),
		duration: 0,
		browserDuration: 0,
		active: 0
	};
	for (const day of days) {
		for (const field of GROUP_FIELDS) mergeGroups(out[field], day[field]);
		out.duration += day.duration;
		out.browserDuration += day.browserDuration;
		out.active += day.active;
	}
	return out;
}

const top = (groups: Groups, limit = LIMIT) =>
	sortGroups(groups.list).slice(0, limit).map(groupToJson);

function categoryTotals(groups: Groups): CategoryTotal[] {
	return sortGroups(groups.list).flatMap((g: Group) => {
		const path = g.data.$category;
		return Array.isArray(path) ? [{ path: path as string[], seconds: g.duration / 1e6 }] : [];
	});
}

/** The bars of the category chart: per hour of a single day, or per `bar` index of each day. */
export function bars(
	days: readonly DaySummary[],
	barOf: readonly number[],
	hourly: boolean
): Bar[] {
	if (hourly) {
		return days.flatMap((d) =>
			d.hours.map((h) => ({ start: h.start, end: h.end, categories: categoryTotals(h.categories) }))
		);
	}
	const out: { start: number; end: number; groups: Groups }[] = [];
	days.forEach((day, i) => {
		const index = barOf[i];
		out[index] ??= { start: day.start, end: day.end, groups: emptyGroups() };
		out[index].end = day.end;
		mergeGroups(out[index].groups, day.categories);
	});
	return out
		.filter(Boolean)
		.map((b) => ({ start: b.start, end: b.end, categories: categoryTotals(b.groups) }));
}

/** The final lists: sorted, app rows regrouped from all title rows, limited to 100. */
export function finalize(merged: Merged): Omit<ActivitySummary, 'mode' | 'bars' | 'stats'> {
	const sortedTitles = sortGroups(merged.titles.list);
	return {
		window: {
			app_events: top(regroup(sortedTitles, ['app'])),
			title_events: sortedTitles.slice(0, LIMIT).map(groupToJson),
			cat_events: top(merged.categories, Infinity),
			duration: sumToSeconds(merged.duration)
		},
		browser: {
			domains: top(merged.domains),
			urls: top(merged.urls),
			titles: top(merged.browserTitles),
			duration: sumToSeconds(merged.browserDuration)
		},
		stopwatch: { stopwatch_events: top(merged.stopwatch) },
		activeSeconds: merged.active / 1e6
	};
}
