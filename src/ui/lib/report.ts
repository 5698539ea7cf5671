/**
 * The Report page's pure parts (dashboard spec 2.9): which categories can be chosen, the export
 * files, the time per category with its bar chart, and the timeline of the latest events.
 */
import { eventFromJson, type EventJson } from '../../core/model/event';
import type { ChartOption } from './echarts';
import { categoryBarsOption } from './chart-options';
import { isUncategorized, pathKey, pathLabel, type Category } from './categories';
import { toCsv } from './csv';
import { escapeHtml, formatHoursMinutes } from './format';
import type { Lane } from './timeline-option';

/** A reported event in wire form, as the query returns it. */
export type ReportEvent = EventJson;

/**
 * The paths the page offers, in list order. `Uncategorized` is left out: it has no rule, and
 * with only the chosen rules applied it would stand for "everything no chosen rule matches",
 * which is every event when it is chosen alone.
 */
export function choosablePaths(list: readonly Category[]): string[][] {
	return list.filter((c) => !isUncategorized(c.name)).map((c) => c.name);
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const categoryOf = (e: { data: ReportEvent['data'] }): string[] =>
	Array.isArray(e.data.$category) ? e.data.$category.map(String) : [];

/**
 * The `app` and `title` columns of an event. Window events have both. Tab events (browser-only
 * data) have no app: the site's domain stands in for it (the URL when the split left no
 * domain), and the tab title is the title.
 */
function appAndTitle(e: ReportEvent): [string, string] {
	if (typeof e.data.app === 'string') return [e.data.app, text(e.data.title)];
	return [text(e.data.$domain) || text(e.data.url), text(e.data.title)];
}

export const CSV_COLUMNS = ['timestamp', 'duration', 'category', 'app', 'title'];

/** `events.csv`: one row per event; duration in seconds, category as `Work > Programming`. */
export function reportCsv(events: readonly ReportEvent[]): string {
	const rows = events.map((e) => [
		e.timestamp,
		String(e.duration),
		pathLabel(categoryOf(e)),
		...appAndTitle(e)
	]);
	return toCsv(CSV_COLUMNS, rows);
}

/** `events.json`: the events as the query returned them. */
export function reportJson(events: readonly ReportEvent[]): string {
	return JSON.stringify(events, null, 2);
}

/** Pixels; keeps a report of one or two categories from drawing slabs. */
const BAR_MAX_WIDTH = 80;

export type CategoryTotal = { path: string[]; seconds: number };

/** Seconds per category, most time first (ties in order of first appearance). */
export function categoryTotals(events: readonly ReportEvent[]): CategoryTotal[] {
	const totals = new Map<string, CategoryTotal>();
	for (const e of events) {
		const path = categoryOf(e);
		const entry = totals.get(pathKey(path)) ?? { path, seconds: 0 };
		entry.seconds += e.duration;
		totals.set(pathKey(path), entry);
	}
	return [...totals.values()].sort((a, b) => b.seconds - a.seconds);
}

/**
 * A bar per category (hours, in the category's colour), built on the Activity page's category
 * bars: each bar holds its own category only, so the tooltip (HTML, names escaped) names just
 * that one.
 */
export function categoryTotalsOption(
	totals: readonly CategoryTotal[],
	colorOf: (path: string[]) => string
): ChartOption {
	const bars = totals.map((t) => ({ label: pathLabel(t.path), categories: [t] }));
	const option = categoryBarsOption(bars, colorOf) as { series: object[] };
	return {
		...option,
		series: option.series.map((series) => ({ ...series, barMaxWidth: BAR_MAX_WIDTH })),
		tooltip: {
			trigger: 'item',
			formatter: (p: { seriesName: string; value: number }) =>
				`${escapeHtml(p.seriesName)}: ${formatHoursMinutes(p.value * 3600)}`
		}
	};
}

/** How many of the latest events the report's timeline shows. */
export const TIMELINE_LIMIT = 500;

/**
 * The Timeline chart's input for the latest `limit` events (by start): a lane per category, in
 * order of first appearance, and the span from the first start to the last end. Lanes of
 * window events show app and title on hover; lanes of tab events title and URL.
 */
export function recentLanes(
	events: readonly ReportEvent[],
	limit = TIMELINE_LIMIT
): { lanes: Lane[]; range: { start: number; end: number } } {
	const recent = [...events]
		.sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp))
		.slice(-limit)
		.map(eventFromJson);
	const lanes = new Map<string, Lane>();
	for (const e of recent) {
		const path = categoryOf(e);
		const type = typeof e.data.app === 'string' ? 'currentwindow' : 'web.tab.current';
		const lane = lanes.get(pathKey(path)) ?? {
			bucketId: '',
			label: pathLabel(path),
			type,
			events: []
		};
		lane.events.push(e);
		lanes.set(pathKey(path), lane);
	}
	const start = recent.length > 0 ? recent[0].timestamp / 1000 : 0;
	const end = Math.max(start, ...recent.map((e) => (e.timestamp + e.duration) / 1000));
	return { lanes: [...lanes.values()], range: { start, end } };
}
