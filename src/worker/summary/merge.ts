/**
 * Merges day summaries (and the stopwatch tail) into the Activity summary: the same lists, in
 * the same order and with the same limits, as the full summary query over the whole period
 * (query-language.md 13.3).
 */
import type { Event } from '../../core/model/event';
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
import { grouped, type DaySummary, type Mode } from './day';
import type { Tail } from './stopwatch';
import type { ActivitySummary, Bar, CategoryTotal } from './types';

const LIMIT = 100;

type Merged = Omit<DaySummary, 'start' | 'end' | 'hours'> & { stopwatch: Groups };

/**
 * Merges days in order. Events-derived groups (titles; in desktop mode also categories and
 * time active) of the days the tail covers come from the tail instead.
 */
export function mergeDays(
	days: readonly DaySummary[],
	mode: Mode,
	tail: Tail | null,
	stopwatch: readonly Event[]
): Merged {
	const cut = tail ? tail.from : days.length;
	const out: Merged = {
		titles: emptyGroups(),
		categories: emptyGroups(),
		urls: emptyGroups(),
		domains: emptyGroups(),
		browserTitles: emptyGroups(),
		stopwatch: grouped(stopwatch, ['label']),
		duration: 0,
		browserDuration: 0,
		active: 0
	};
	days.forEach((day, i) => {
		mergeGroups(out.urls, day.urls);
		mergeGroups(out.domains, day.domains);
		mergeGroups(out.browserTitles, day.browserTitles);
		out.browserDuration += day.browserDuration;
		out.active += day.active;
		if (i < cut) mergeGroups(out.titles, day.titles);
		if (i < cut || mode === 'browser') {
			mergeGroups(out.categories, day.categories);
			out.duration += day.duration;
		}
	});
	if (tail) {
		mergeGroups(out.titles, tail.titles);
		if (mode === 'desktop') {
			mergeGroups(out.categories, tail.categories);
			out.duration += tail.duration;
		}
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
	hourly: boolean,
	mode: Mode,
	tail: Tail | null
): Bar[] {
	const view = days.map((day, i) =>
		tail && mode === 'desktop' && i >= tail.from ? { ...day, ...tail.days[i - tail.from] } : day
	);
	if (hourly) {
		return view.flatMap((d) =>
			d.hours.map((h) => ({ start: h.start, end: h.end, categories: categoryTotals(h.categories) }))
		);
	}
	const out: { start: number; end: number; groups: Groups }[] = [];
	view.forEach((day, i) => {
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
