/**
 * The browser-only variant of the desktop summary (dashboard-and-watchers.md 4.6). A browser-only
 * app has no desktop watchers; the extension records, per browser, the active tab
 * (`web.tab.current`), idle state (`afkstatus`) and a focus stream (`currentwindow`, app = the
 * browser's name, title = the tab title). With those, the canonical events run unchanged, and
 * this variant then treats the tab events as the primary data:
 *
 * - the tab events are cut to the active time too (when AFK filtering is on) and categorized
 *   (their title, URL and the derived `$domain`, `$path`... keys are matched), and the category
 *   filter applies to them;
 * - "Top categories" (`cat_events`) and "Time active" (`duration`) come from the tab events, so
 *   a rule such as `Media > Video` matches on the tab's title or URL;
 * - apps and titles still come from the focus stream; the browser lists from the tab events;
 * - the browser table gains Safari (app name "Safari").
 *
 * Stopwatch entries stay in their own list and are not added to Time active here.
 * The result has the same shape as the full desktop summary.
 */
import { BROWSERS, SAFARI } from './browsers';
import { canonicalEventLines } from './canonical';
import { categoriesLiteral, categoryFilterLiteral } from './categories';
import { splitStatements } from './split';
import { BROWSER_AGGREGATES, FULL_RESULT, type DesktopSummaryParams } from './summary';
import { DEFAULT_LIMIT } from './text';

/** The reference browser table plus Safari. */
export const BROWSER_ONLY_TABLE = [...BROWSERS, SAFARI];

function tabLines(params: DesktopSummaryParams): string[] {
	const lines: string[] = [];
	if (params.filterAfk)
		lines.push('browser_events = filter_period_intersect(browser_events, not_afk);');
	if (params.categories) {
		lines.push(
			`browser_events = categorize(browser_events, ${categoriesLiteral(params.categories)});`
		);
	}
	if (params.filterCategories) {
		const filter = categoryFilterLiteral(params.filterCategories);
		lines.push(`browser_events = filter_keyvals(browser_events, "$category", ${filter});`);
	}
	return lines;
}

/** The full summary of a browser-only app; see the file comment for what differs. */
export function browserOnlySummaryQuery(params: DesktopSummaryParams): string[] {
	const withTable = { ...params, browserTable: params.browserTable ?? BROWSER_ONLY_TABLE };
	const lines = [
		...canonicalEventLines(withTable),
		...tabLines(withTable),
		'title_events = sort_by_duration(merge_events_by_keys(events, ["app", "title"]));',
		'app_events   = sort_by_duration(merge_events_by_keys(title_events, ["app"]));',
		'cat_events   = sort_by_duration(merge_events_by_keys(browser_events, ["$category"]));',
		`app_events  = limit_events(app_events, ${DEFAULT_LIMIT});`,
		`title_events  = limit_events(title_events, ${DEFAULT_LIMIT});`,
		'duration = sum_durations(browser_events);',
		...BROWSER_AGGREGATES,
		FULL_RESULT
	];
	return splitStatements(lines.join('\n'));
}
