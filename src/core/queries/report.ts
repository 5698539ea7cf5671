/**
 * The Report page's query (dashboard-and-watchers.md 2.9, and 4.6): the canonical events of one
 * host that belong to the chosen categories, or that match a custom regular expression.
 *
 * Events are categorized with only the chosen rules (each chosen category with all of its
 * subcategories), so an event that the full category list would give to another category
 * still counts here when one of the chosen rules matches it; events no chosen rule matches come
 * out `["Uncategorized"]` and are dropped by the filter. A custom regex becomes the single
 * category `["Custom"]`, matched against every string value of the event data.
 *
 * With browser-only data the window events are the extension's focus stream (title copied from
 * the tab, app the browser's name), so the tab events are reported instead, as on the Search
 * page: cut to the active time when AFK is excluded, and categorized on every string value
 * (title, URL and the derived `$domain`, `$path`... keys), as the browser-only summary does.
 */
import { HindsightError } from '../errors';
import { BROWSERS } from './browsers';
import { BROWSER_ONLY_TABLE } from './browser-only';
import { canonicalEventLines } from './canonical';
import {
	categoriesLiteral,
	categoryFilterLiteral,
	regexRule,
	type CategoryPair,
	type QueryRule
} from './categories';
import { checkTrailingBackslash } from './search';
import { splitStatements } from './split';

/** The category that events matching a custom regex get. */
export const CUSTOM = ['Custom'];

/** What to report on: chosen categories out of the user's list, or a custom regex. */
export type ReportSelection =
	| {
			kind: 'categories';
			/** The user's whole category list, in its order (which decides ties). */
			rules: readonly CategoryPair[];
			/** The chosen paths; each brings its subcategories along. */
			chosen: readonly (readonly string[])[];
	  }
	| { kind: 'regex'; pattern: string };

/** The host's buckets, the options, and the selection. */
export type ReportParams = {
	/** The host's window bucket (for browser-only data, the extension's focus stream). */
	windowBucket: string;
	afkBucket: string;
	/** The host's `web.tab.current` buckets; only used for browser-only data. */
	browserBuckets: readonly string[];
	/** Leave out time while the user was away. */
	filterAfk: boolean;
	/** The window bucket is the extension's focus stream (4.6): report tab events instead. */
	browserOnly?: boolean;
	selection: ReportSelection;
};

const within = (path: readonly string[], ancestor: readonly string[]) =>
	path.length >= ancestor.length && ancestor.every((part, i) => path[i] === part);

function nothingChosen(message: string): HindsightError {
	return new HindsightError('invalid_argument', message);
}

/**
 * The rules of the chosen categories and their subcategories, in list order, or the custom
 * regex as the single category `["Custom"]`. Throws `invalid_argument` when nothing is chosen
 * (no category, an empty pattern, or chosen paths that none of the rules is at or below), and
 * `regex_compile` for a pattern ending in a lone backslash (see `checkTrailingBackslash`).
 */
export function reportRules(selection: ReportSelection): CategoryPair[] {
	if (selection.kind === 'regex') {
		if (selection.pattern === '')
			throw nothingChosen('The custom regular expression is empty; type a pattern to report on.');
		checkTrailingBackslash(selection.pattern);
		return [[CUSTOM, regexRule(selection.pattern)]];
	}
	const picked = selection.rules.filter(([name]) =>
		selection.chosen.some((path) => within(name, path))
	);
	if (picked.length === 0)
		throw nothingChosen(
			'No category is chosen; pick at least one category, or use a custom regex.'
		);
	for (const [, rule] of picked) checkRule(rule);
	return picked;
}

function checkRule(rule: QueryRule): void {
	if (rule.type === 'regex') checkTrailingBackslash(rule.regex);
}

/**
 * The report program: `RETURN` is the matching events, oldest first, each with its
 * `$category` (one of the chosen paths or their subcategories, or `["Custom"]`). Throws as
 * `reportRules` does; a pattern that does not compile is reported by the engine when the
 * program runs (a `query_failed` error of kind `RegexCompileError`, quoting the pattern).
 */
export function reportQuery(params: ReportParams): string[] {
	const rules = reportRules(params.selection);
	const names = rules.map(([name]) => name);
	const lines = canonicalEventLines({
		windowBucket: params.windowBucket,
		afkBucket: params.afkBucket,
		filterAfk: params.filterAfk,
		browserBuckets: params.browserOnly ? params.browserBuckets : undefined,
		browserTable: params.browserOnly ? BROWSER_ONLY_TABLE : BROWSERS,
		categories: rules,
		filterCategories: names
	});
	if (params.browserOnly) lines.push(...tabLines(params.filterAfk, rules, names));
	lines.push(`RETURN = sort_by_timestamp(${params.browserOnly ? 'browser_events' : 'events'});`);
	return splitStatements(lines.join('\n'));
}

function tabLines(
	filterAfk: boolean,
	rules: readonly CategoryPair[],
	names: readonly (readonly string[])[]
): string[] {
	const lines: string[] = [];
	if (filterAfk) lines.push('browser_events = filter_period_intersect(browser_events, not_afk);');
	lines.push(
		`browser_events = categorize(browser_events, ${categoriesLiteral(rules)});`,
		`browser_events = filter_keyvals(browser_events, "$category", ${categoryFilterLiteral(names)});`
	);
	return lines;
}
