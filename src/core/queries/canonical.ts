/**
 * The canonical events block (query-language.md 13.2, dashboard-and-watchers.md 4.2): the
 * statements that leave the dashboard's notion of "what the user was doing" in the variable
 * `events` (and the active time in `not_afk` on desktop). Every other dashboard query starts
 * with it.
 */
import { BROWSERS, browsersWithBuckets, type BrowserApps } from './browsers';
import { categoriesLiteral, categoryFilterLiteral, type CategoryPair } from './categories';
import { quoteId, readBucket } from './text';

/** Options shared by desktop and Android. */
export type CanonicalCommon = {
	/**
	 * Category rules for `categorize`; absent: events are not categorized. An empty list still
	 * categorizes (every event gets `["Uncategorized"]`).
	 */
	categories?: readonly CategoryPair[];
	/**
	 * Keep only events whose `$category` is one of these paths; absent or null: no filter. An
	 * empty list keeps nothing, as in the dashboard.
	 */
	filterCategories?: readonly (readonly string[])[] | null;
	/** The stopwatch bucket, whose events take priority over window events; absent: none. */
	stopwatchBucket?: string;
	/** Multi-device: also store the results as `events_<suffix>` and `not_afk_<suffix>`. */
	returnSuffix?: string;
};

/** Canonical events of a desktop host (13.2, every optional step). */
export type DesktopCanonical = CanonicalCommon & {
	platform?: 'desktop';
	/** Window bucket id; an id ending in `_` is resolved with `find_bucket`. */
	windowBucket: string;
	/** AFK bucket id; an id ending in `_` is resolved with `find_bucket`. */
	afkBucket: string;
	/** Cut window events to the active time. */
	filterAfk: boolean;
	/** Browser bucket ids; absent: no browser part at all; `[]`: `browser_events = []`. */
	browserBuckets?: readonly string[];
	/** Count audible browser tabs (while their browser has focus) as active time. */
	includeAudible?: boolean;
	/** Window events whose app or title match this pattern count as active (sent raw). */
	alwaysActivePattern?: string;
	/** The browser table; the browser-only variant adds Safari. Default: the reference table. */
	browserTable?: readonly BrowserApps[];
};

/** Canonical events of an Android (or iOS Screen Time) device. */
export type AndroidCanonical = CanonicalCommon & {
	platform: 'android';
	/** The Android (or iOS Screen Time) app bucket. */
	appBucket: string;
};

/** Either platform; `platform` tells them apart (absent means desktop). */
export type CanonicalParams = DesktopCanonical | AndroidCanonical;

/** True for the Android form. */
export function isAndroid(params: CanonicalParams): params is AndroidCanonical {
	return params.platform === 'android';
}

/** Step 5: the browser tab events of every browser that has a bucket, in `browser_events`. */
export function browserEventLines(bucketIds: readonly string[], table = BROWSERS): string[] {
	const lines = ['browser_events = [];'];
	for (const { browser, bucketId } of browsersWithBuckets(bucketIds, table)) {
		const k = browser.key;
		lines.push(
			`events_${k} = flood(query_bucket(${quoteId(bucketId)}));`,
			`window_${k} = filter_keyvals(events, "app", ${JSON.stringify(browser.names)});`,
			`window_${k}_re = filter_keyvals_regex(events, "app", ${JSON.stringify(browser.pattern)});`,
			`window_${k} = sort_by_timestamp(concat(window_${k}, window_${k}_re));`,
			`events_${k} = filter_period_intersect(events_${k}, window_${k});`,
			`events_${k} = split_url_events(events_${k});`,
			`browser_events = concat(browser_events, events_${k});`,
			'browser_events = sort_by_timestamp(browser_events);'
		);
	}
	return lines;
}

function activeTimeLines(params: DesktopCanonical): string[] {
	const lines = [
		`not_afk = flood(${readBucket(params.afkBucket)});`,
		'not_afk = filter_keyvals(not_afk, "status", ["not-afk"]);'
	];
	const pattern = params.alwaysActivePattern;
	if (pattern) {
		for (const key of ['app', 'title']) {
			lines.push(
				`not_treat_as_afk = filter_keyvals_regex(events, "${key}", "${pattern}");`,
				'not_afk = period_union(not_afk, not_treat_as_afk);'
			);
		}
	}
	if (params.browserBuckets) {
		lines.push(...browserEventLines(params.browserBuckets, params.browserTable));
		if (params.includeAudible) {
			lines.push(
				'audible_events = filter_keyvals(browser_events, "audible", [true]);',
				'not_afk = period_union(not_afk, audible_events);'
			);
		}
	}
	if (params.filterAfk) lines.push('events = filter_period_intersect(events, not_afk);');
	return lines;
}

function tailLines(params: CanonicalParams): string[] {
	const lines: string[] = [];
	if (params.stopwatchBucket) {
		lines.push(
			`stopwatch_events = query_bucket(${quoteId(params.stopwatchBucket)});`,
			'events = union_no_overlap(stopwatch_events, events);'
		);
	} else {
		lines.push('stopwatch_events = [];');
	}
	if (params.categories) {
		lines.push(`events = categorize(events, ${categoriesLiteral(params.categories)});`);
	}
	if (params.filterCategories) {
		const filter = categoryFilterLiteral(params.filterCategories);
		lines.push(`events = filter_keyvals(events, "$category", ${filter});`);
	}
	if (params.returnSuffix) {
		lines.push(
			`events_${params.returnSuffix} = events;`,
			`not_afk_${params.returnSuffix} = not_afk;`
		);
	}
	return lines;
}

/**
 * The canonical events statements, one per line (steps 1 to 10 of 13.2, each only under its
 * condition). Pass the text through `splitStatements` (or use the query builders) before
 * sending it.
 */
export function canonicalEventLines(params: CanonicalParams): string[] {
	if (isAndroid(params)) {
		return [
			`events = flood(${readBucket(params.appBucket)});`,
			'events = merge_events_by_keys(events, ["app", "title"]);',
			...tailLines(params)
		];
	}
	return [
		`events = flood(${readBucket(params.windowBucket)});`,
		...activeTimeLines(params),
		...tailLines(params)
	];
}
