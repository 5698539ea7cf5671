/**
 * Builders of the dashboard's query programs (query-language.md 13, dashboard-and-watchers.md
 * 4): pure functions from typed options to the statements the dashboard sends.
 */
export { splitStatements, joinStatements } from './split';
export { quoteId, safeHostname, readBucket, DEFAULT_LIMIT } from './text';
export {
	categoriesLiteral,
	categoryFilterLiteral,
	type CategoryPair,
	type QueryRule
} from './categories';
export {
	BROWSERS,
	SAFARI,
	browsersWithBuckets,
	type BrowserApps,
	type BrowserKey
} from './browsers';
export {
	canonicalEventLines,
	browserEventLines,
	type CanonicalParams,
	type CanonicalCommon,
	type DesktopCanonical,
	type AndroidCanonical
} from './canonical';
export {
	fullDesktopQuery,
	multideviceQuery,
	multideviceEventLines,
	androidQuery,
	categoryQuery,
	activityQuery,
	activityQueryAndroid,
	editorActivityQuery,
	type DesktopSummaryParams,
	type MultideviceParams,
	type DeviceBuckets,
	type CategoryQueryParams
} from './summary';
export {
	searchQuery,
	canonicalEventsQuery,
	categoryBuilderQuery,
	timelineQuery,
	sunburstQuery,
	workReportQuery,
	explorerDefaultQuery,
	type WorkReportParams
} from './views';
export { browserOnlySummaryQuery, BROWSER_ONLY_TABLE } from './browser-only';
export {
	eventSearchQuery,
	newestFirst,
	SEARCHED,
	TAB_SEARCH_KEYS,
	type SearchParams
} from './search';
export {
	reportQuery,
	reportRules,
	CUSTOM,
	type ReportParams,
	type ReportSelection
} from './report';
