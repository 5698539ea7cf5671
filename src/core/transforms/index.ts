/**
 * Every event transform of the query language (query-language.md 8, 9), as pure functions over
 * lists of events. None modifies its arguments; outputs may share unchanged event objects and
 * data objects with the inputs, which is safe because events are immutable values everywhere.
 */
export { flood, FLOOD_PULSETIME } from './flood';
export { filterKeyvals, excludeKeyvals, filterKeyvalsRegex } from './filter';
export { filterPeriodIntersect, periodUnion, unionNoOverlap, union } from './period';
export { mergeEventsByKeys, chunkEventsByKey } from './merge';
export {
	sortByTimestamp,
	sortByDuration,
	stableSortByKeys,
	sumDurations,
	limitEvents,
	concat
} from './sort';
export { splitUrlEvents, splitUrl } from './split-url';
export { simplifyWindowTitles } from './simplify-titles';
export { categorize, tag, compareCodePoints } from './classify';
export { buildRule } from './rules';
export type { RuleSpec, RuleMatcher, CategoryRule, TagRule } from './rules';
export { heartbeatMerge, heartbeatReduce } from './heartbeat';
export { compileRegex, type CompiledRegex } from '../regex/compile';
