/**
 * The smaller views' queries (query-language.md 13.9): search, category builder, timeline AFK
 * filtering, sunburst clock, work report and billing, and the query explorer's default text.
 */
import { canonicalEventLines, type CanonicalParams, type DesktopCanonical } from './canonical';
import {
	categoriesLiteral,
	categoryFilterLiteral,
	regexRule,
	type CategoryPair
} from './categories';
import { splitStatements } from './split';
import { quoteId } from './text';

/** `T` without its category options (distributed over unions). */
type WithoutCategories<T> = T extends unknown ? Omit<T, 'categories' | 'filterCategories'> : never;

/**
 * Search (13.9): canonical desktop events categorized by the single rule "searched" built from
 * the user's text (a regex) and filtered to it; `RETURN = events`.
 */
export function searchQuery(params: WithoutCategories<DesktopCanonical>, text: string): string[] {
	const lines = canonicalEventLines({
		...params,
		categories: [[['searched'], regexRule(text)]],
		filterCategories: [['searched']]
	});
	return splitStatements(`${lines.join('\n')}; RETURN = events;`);
}

/**
 * Canonical events followed by `; RETURN = events;`, as the search, alerts, report and graph
 * views send them.
 */
export function canonicalEventsQuery(params: CanonicalParams): string[] {
	return splitStatements(`${canonicalEventLines(params).join('\n')}; RETURN = events;`);
}

/**
 * The category builder (13.9): the events of one category (desktop or Android), longest first,
 * at most 1000; sent split on line feeds rather than on `;`.
 */
export function categoryBuilderQuery(
	params: WithoutCategories<CanonicalParams>,
	categories: readonly CategoryPair[],
	category: readonly string[]
): string[] {
	const lines = canonicalEventLines({ ...params, categories, filterCategories: [category] });
	lines.push('RETURN = limit_events(sort_by_duration(events), 1000);');
	return lines.join('\n').split('\n');
}

/** Timeline AFK filtering (13.9): canonical events with `categorize(events, [])`; `RETURN = events`. */
export function timelineQuery(params: WithoutCategories<DesktopCanonical>): string[] {
	const lines = canonicalEventLines({ ...params, categories: [] });
	return splitStatements(`${lines.join('\n')}\nRETURN = events;`);
}

/** The sunburst clock (13.9): one bucket, flooded. */
export function sunburstQuery(bucketId: string): string[] {
	return [`RETURN = flood(query_bucket(${quoteId(bucketId)}));`];
}

/** The hosts, rules and optional category filter of the work report and billing views. */
export type WorkReportParams = {
	hosts: readonly string[];
	categories: readonly CategoryPair[];
	/** The work report's category filter; absent for billing. */
	filterCategories?: readonly (readonly string[])[];
};

/**
 * The work report and billing views (13.9): AFK-filtered, categorized window events of each
 * host folded together with `union_no_overlap`; `{events, duration}`. Sent as one string.
 */
export function workReportQuery(params: WorkReportParams): string {
	const rules = categoriesLiteral(params.categories);
	const lines: string[] = [];
	params.hosts.forEach((host, i) => {
		lines.push(
			`events_${i} = flood(query_bucket(${quoteId(`aw-watcher-window_${host}`)}));`,
			`not_afk_${i} = flood(query_bucket(${quoteId(`aw-watcher-afk_${host}`)}));`,
			`not_afk_${i} = filter_keyvals(not_afk_${i}, "status", ["not-afk"]);`,
			`events_${i} = filter_period_intersect(events_${i}, not_afk_${i});`,
			`events_${i} = categorize(events_${i}, ${rules});`
		);
		if (params.filterCategories) {
			const filter = categoryFilterLiteral(params.filterCategories);
			lines.push(`events_${i} = filter_keyvals(events_${i}, "$category", ${filter});`);
		}
	});
	lines.push('events = [];');
	params.hosts.forEach((_host, i) => lines.push(`events = union_no_overlap(events, events_${i});`));
	lines.push(
		'duration = sum_durations(events);',
		'RETURN = {"events": events, "duration": duration};'
	);
	return lines.join('\n');
}

/**
 * The query explorer's example program (13.9): AFK-filtered window events merged by app and
 * title, categorized, longest first. The explorer replaces `__CATEGORIES__` with the rules.
 */
export function explorerDefaultQuery(
	categories: readonly CategoryPair[] | '__CATEGORIES__'
): string {
	const rules = categories === '__CATEGORIES__' ? categories : categoriesLiteral(categories);
	return [
		'afk_events = query_bucket(find_bucket("aw-watcher-afk_"));',
		'window_events = query_bucket(find_bucket("aw-watcher-window_"));',
		'window_events = filter_period_intersect(window_events, filter_keyvals(afk_events, "status", ["not-afk"]));',
		'merged_events = merge_events_by_keys(window_events, ["app", "title"]);',
		`merged_events = categorize(merged_events, ${rules});`,
		'RETURN = sort_by_duration(merged_events);'
	].join('\n');
}
