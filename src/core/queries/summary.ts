/**
 * The Activity page's queries (query-language.md 13.3 to 13.8), as lists of statements exactly
 * as the dashboard sends them (split and trimmed, each ending with `;`).
 */
import {
	canonicalEventLines,
	type AndroidCanonical,
	type CanonicalCommon,
	type CanonicalParams,
	type DesktopCanonical
} from './canonical';
import { splitStatements } from './split';
import { DEFAULT_LIMIT, quoteId, safeHostname } from './text';

/** Top titles, apps and categories of `events`, and their total duration (13.3). */
export const WINDOW_AGGREGATES = [
	'title_events = sort_by_duration(merge_events_by_keys(events, ["app", "title"]));',
	'app_events   = sort_by_duration(merge_events_by_keys(title_events, ["app"]));',
	'cat_events   = sort_by_duration(merge_events_by_keys(events, ["$category"]));',
	`app_events  = limit_events(app_events, ${DEFAULT_LIMIT});`,
	`title_events  = limit_events(title_events, ${DEFAULT_LIMIT});`,
	'duration = sum_durations(events);'
];

/** Merged by `key`, sorted by duration, top 100, in the variable `name`. */
function topBy(name: string, source: string, key: string): string[] {
	return [
		`${name} = merge_events_by_keys(${source}, ["${key}"]);`,
		`${name} = sort_by_duration(${name});`,
		`${name} = limit_events(${name}, ${DEFAULT_LIMIT});`
	];
}

/** Top browser URLs, domains and titles, their total, and the stopwatch entries (13.3). */
export const BROWSER_AGGREGATES = [
	'browser_events = split_url_events(browser_events);',
	...topBy('browser_urls', 'browser_events', 'url'),
	...topBy('browser_domains', 'browser_events', '$domain'),
	...topBy('browser_titles', 'browser_events', 'title'),
	'browser_duration = sum_durations(browser_events);',
	...topBy('stopwatch_events', 'stopwatch_events', 'label')
];

const WINDOW_RESULT = `"window": {
            "app_events": app_events,
            "title_events": title_events,
            "cat_events": cat_events,
            "active_events": not_afk,
            "duration": duration
        }`;

/** The full desktop summary's RETURN statement, a nested dict spread over several lines. */
export const FULL_RESULT = `RETURN = {
        ${WINDOW_RESULT},
        "browser": {
            "domains": browser_domains,
            "urls": browser_urls,
            "titles": browser_titles,
            "duration": browser_duration
        },
        "stopwatch": {
            "stopwatch_events": stopwatch_events
        }
    };`;

/** Desktop canonical events with a browser list (use `[]` when the host has no browser bucket). */
export type DesktopSummaryParams = DesktopCanonical & { browserBuckets: readonly string[] };

/**
 * The full desktop summary (13.3): canonical events, then the top apps, titles and categories,
 * the active time, the browser domains, URLs and titles, and the stopwatch entries. Result:
 * `{window: {app_events, title_events, cat_events, active_events, duration}, browser: {domains,
 * urls, titles, duration}, stopwatch: {stopwatch_events}}`.
 */
export function fullDesktopQuery(params: DesktopSummaryParams): string[] {
	const lines = [
		...canonicalEventLines(params),
		...WINDOW_AGGREGATES,
		...BROWSER_AGGREGATES,
		FULL_RESULT
	];
	return splitStatements(lines.join('\n'));
}

/** One device of a multi-device summary; the bucket ids default to the `_<host>` convention. */
export type DeviceBuckets = { hostname: string; windowBucket?: string; afkBucket?: string };

/** The hosts of a multi-device summary and the options shared by all of them. */
export type MultideviceParams = Pick<CanonicalCommon, 'categories' | 'filterCategories'> & {
	/** The devices in priority order: where they overlap, the earlier device wins. */
	hosts: readonly DeviceBuckets[];
	filterAfk: boolean;
	includeAudible?: boolean;
	alwaysActivePattern?: string;
};

/** The canonical statements for every host, then `events` and `not_afk` folded together (13.4). */
export function multideviceEventLines(params: MultideviceParams): string[] {
	const lines: string[] = [];
	for (const host of params.hosts) {
		lines.push(
			...canonicalEventLines({
				windowBucket: host.windowBucket ?? `aw-watcher-window_${host.hostname}`,
				afkBucket: host.afkBucket ?? `aw-watcher-afk_${host.hostname}`,
				filterAfk: params.filterAfk,
				browserBuckets: [],
				includeAudible: params.includeAudible,
				alwaysActivePattern: params.alwaysActivePattern,
				categories: params.categories,
				filterCategories: params.filterCategories,
				returnSuffix: safeHostname(host.hostname)
			})
		);
	}
	lines.push('events = [];', 'not_afk = [];');
	for (const host of params.hosts) {
		const h = safeHostname(host.hostname);
		lines.push(
			`events = union_no_overlap(events, events_${h});`,
			`not_afk = union_no_overlap(not_afk, not_afk_${h});`
		);
	}
	return lines;
}

/** The multi-device summary (13.4): `{window: {...the five keys of the desktop summary}}`. */
export function multideviceQuery(params: MultideviceParams): string[] {
	const result = `RETURN = {\n        ${WINDOW_RESULT}\n    };`;
	const lines = [...multideviceEventLines(params), ...WINDOW_AGGREGATES, result];
	return splitStatements(lines.join('\n'));
}

/**
 * The Android app summary (13.5). Result: `{app_events, title_events, cat_events, duration,
 * active_events}` where `active_events` repeats `app_events`. Events lacking `classname`
 * vanish from `title_events`, as in the reference.
 */
export function androidQuery(params: Omit<AndroidCanonical, 'platform'>): string[] {
	const lines = [
		...canonicalEventLines({ ...params, platform: 'android' }),
		'title_events = sort_by_duration(merge_events_by_keys(events, ["app", "classname", "title"]));',
		'app_events   = sort_by_duration(merge_events_by_keys(title_events, ["app"]));',
		'cat_events   = sort_by_duration(merge_events_by_keys(events, ["$category"]));',
		'events = sort_by_timestamp(events);',
		`app_events  = limit_events(app_events, ${DEFAULT_LIMIT});`,
		`title_events  = limit_events(title_events, ${DEFAULT_LIMIT});`,
		'duration = sum_durations(events);',
		'RETURN  = {"app_events": app_events, "title_events": title_events, "cat_events": cat_events, "duration": duration, "active_events": app_events};'
	];
	return splitStatements(lines.join('\n'));
}

/** Where the canonical events of a category query come from. */
export type CategoryQueryParams =
	CanonicalParams | ({ platform: 'multidevice' } & MultideviceParams);

/**
 * Time per category (13.6): `{cat_events}`, one event per category with the summed duration.
 * Sent once per hour, day or month of the bar chart; the trends view uses it too.
 */
export function categoryQuery(params: CategoryQueryParams): string[] {
	const events =
		params.platform === 'multidevice' ? multideviceEventLines(params) : canonicalEventLines(params);
	const lines = [
		...events,
		'cat_events   = sort_by_duration(merge_events_by_keys(events, ["$category"]));',
		'RETURN = {"cat_events": cat_events};'
	];
	return splitStatements(lines.join('\n'));
}

/**
 * The active-time strip (13.7): the not-afk events of every AFK bucket, merged without overlap
 * and then by `status`, so each period gives at most one event with the summed active time.
 * Sent with many periods at once.
 */
export function activityQuery(afkBuckets: readonly string[]): string[] {
	const lines = ['not_afk = [];'];
	for (const id of afkBuckets) {
		lines.push(
			`not_afk_curr = query_bucket(${quoteId(id)});`,
			'not_afk_curr = filter_keyvals(not_afk_curr, "status", ["not-afk"]);',
			'not_afk = union_no_overlap(not_afk, not_afk_curr);'
		);
	}
	lines.push('not_afk = merge_events_by_keys(not_afk, ["status"]);', 'RETURN = not_afk;');
	return lines;
}

/** The Android active-time strip (13.7): the summed duration of the app bucket per period. */
export function activityQueryAndroid(appBucket: string): string[] {
	return [`events = query_bucket(${quoteId(appBucket)});`, 'RETURN = sum_durations(events);'];
}

/**
 * Editor activity (13.8): `{files, languages, projects, duration}` over every editor bucket,
 * merged by file and language, by language and by project, each sorted and limited to 100.
 */
export function editorActivityQuery(editorBuckets: readonly string[]): string[] {
	const lines = ['events = [];'];
	for (const id of editorBuckets)
		lines.push(`events = concat(events, flood(query_bucket(${quoteId(id)})));`);
	const groups: [string, string][] = [
		['files', '["file", "language"]'],
		['languages', '["language"]'],
		['projects', '["project"]']
	];
	for (const [name, keys] of groups) {
		lines.push(
			`${name} = sort_by_duration(merge_events_by_keys(events, ${keys}));`,
			`${name} = limit_events(${name}, ${DEFAULT_LIMIT});`
		);
	}
	lines.push(
		'duration = sum_durations(events);',
		'RETURN = {"files": files, "languages": languages, "projects": projects, "duration": duration};'
	);
	return lines;
}
