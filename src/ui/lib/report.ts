/**
 * The Report page's pure parts (dashboard spec 2.9): which categories can be chosen, the export
 * files, and the time per category with its bar chart.
 */
import type { ChartOption } from './echarts';
import { categoryBarsOption } from './chart-options';
import { isUncategorized, pathKey, pathLabel, type Category } from './categories';
import { toCsv } from './csv';
import { escapeHtml, formatHoursMinutes } from './format';

/** A reported event in wire form, as the query returns it. */
export type ReportEvent = {
	id?: number | null;
	timestamp: string;
	duration: number;
	data: Record<string, unknown>;
};

/**
 * The paths the page offers, in list order. `Uncategorized` is left out: it has no rule, and
 * with only the chosen rules applied it would stand for "everything no chosen rule matches",
 * which is every event when it is chosen alone.
 */
export function choosablePaths(list: readonly Category[]): string[][] {
	return list.filter((c) => !isUncategorized(c.name)).map((c) => c.name);
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const categoryOf = (e: ReportEvent): string[] =>
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
	return {
		...categoryBarsOption(bars, colorOf),
		tooltip: {
			trigger: 'item',
			formatter: (p: { seriesName: string; value: number }) =>
				`${escapeHtml(p.seriesName)}: ${formatHoursMinutes(p.value * 3600)}`
		}
	};
}
