/**
 * The Search page's query (dashboard-and-watchers.md 2.8 with its Rebuild line, and 4.6): the
 * events whose text matches a regular expression, among the canonical window events and the
 * browser tab events of one host.
 *
 * The pattern becomes a single category `["searched"]`, as in the reference, so the engine's
 * `categorize` does the matching (and reports a pattern that does not compile). Window events
 * are matched on every string value (`app`, `title`); tab events on `url`, `title` and
 * `$domain` only, so that `$path` or `$params` do not match twice what `url` already holds.
 * Tab events are cut to the time their browser had focus (canonical step 4) and, when AFK is
 * excluded, to the active time as well.
 *
 * With browser-only data the window events are the extension's focus stream, whose title is a
 * copy of the tab title and whose app is the browser's name; searching them too would list
 * every match twice, so only the tab events are returned there.
 */
import { BROWSERS } from './browsers';
import { BROWSER_ONLY_TABLE } from './browser-only';
import { canonicalEventLines } from './canonical';
import { categoriesLiteral, regexRule, type CategoryPair } from './categories';
import { splitStatements } from './split';
import { regexCompileError } from '../regex/errors';

/** The category the matching events get. */
export const SEARCHED = ['searched'];

/** The keys of a tab event that a search looks at. */
export const TAB_SEARCH_KEYS = ['url', 'title', '$domain'];

/** What to search and where. */
export type SearchParams = {
	/** The regular expression, as the user typed it (case-sensitive unless it starts `(?i)`). */
	pattern: string;
	/** The host's window bucket (for browser-only data, the extension's focus stream). */
	windowBucket: string;
	afkBucket: string;
	/** The host's `web.tab.current` buckets; `[]` searches window events only. */
	browserBuckets: readonly string[];
	/** Leave out time while the user was away. */
	filterAfk: boolean;
	/** The window bucket is the extension's focus stream (4.6): return tab events only. */
	browserOnly?: boolean;
};

function tabRules(pattern: string): CategoryPair[] {
	return [[SEARCHED, { ...regexRule(pattern), select_keys: TAB_SEARCH_KEYS }]];
}

/**
 * A pattern ending in an odd number of backslashes is no regex, and in query text its last
 * backslash would escape the closing quote, turning a pattern mistake into a syntax error of a
 * program the user never wrote. Such a pattern is refused here, with the engine's error kind.
 */
export function checkTrailingBackslash(pattern: string): void {
	const trailing = /\\*$/.exec(pattern)?.[0].length ?? 0;
	if (trailing % 2 === 1) {
		throw regexCompileError(pattern, 'a backslash at the end escapes nothing', pattern.length - 1);
	}
}

/**
 * The search program: `RETURN` is the matching window and tab events, each with `$category`
 * `["searched"]`, oldest first (the engine has no reverse sort; see `newestFirst`). Throws a
 * `regex_compile` HindsightError for a pattern ending in a lone backslash; every other bad
 * pattern is reported by the engine when the program runs.
 */
export function eventSearchQuery(params: SearchParams): string[] {
	checkTrailingBackslash(params.pattern);
	const filter = JSON.stringify([SEARCHED]);
	const lines = canonicalEventLines({
		windowBucket: params.windowBucket,
		afkBucket: params.afkBucket,
		filterAfk: params.filterAfk,
		browserBuckets: params.browserBuckets,
		browserTable: params.browserOnly ? BROWSER_ONLY_TABLE : BROWSERS,
		categories: [[SEARCHED, regexRule(params.pattern)]],
		filterCategories: [SEARCHED]
	});
	if (params.filterAfk)
		lines.push('browser_events = filter_period_intersect(browser_events, not_afk);');
	lines.push(
		`browser_events = categorize(browser_events, ${categoriesLiteral(tabRules(params.pattern))});`,
		`browser_events = filter_keyvals(browser_events, "$category", ${filter});`,
		params.browserOnly ? 'found = browser_events;' : 'found = concat(events, browser_events);',
		'RETURN = sort_by_timestamp(found);'
	);
	return splitStatements(lines.join('\n'));
}

/** A search result (an event list in wire form) newest first; anything else is returned as is. */
export function newestFirst<T>(result: T): T {
	return (Array.isArray(result) ? [...result].reverse() : result) as T;
}
