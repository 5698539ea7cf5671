/**
 * Filtering and limiting (query-language.md 8.2).
 */
import { compileRegex } from '../../../regex';
import {
	excludeKeyvals,
	filterKeyvals,
	filterKeyvalsRegex,
	filterPeriodIntersect,
	limitEvents
} from '../../../transforms';
import { eventList } from '../values';
import { jsonValues } from './json-values';
import { define, events, number, string } from './signature';

const filterKeyvalsFn = define('filter_keyvals', [events, string, jsonValues], ([e, key, values]) =>
	eventList(filterKeyvals(e, key, values))
);

const excludeKeyvalsFn = define(
	'exclude_keyvals',
	[events, string, jsonValues],
	([e, key, values]) => eventList(excludeKeyvals(e, key, values))
);

/** The pattern is compiled even for an empty event list, so a bad one always fails (L109). */
const filterKeyvalsRegexFn = define(
	'filter_keyvals_regex',
	[events, string, string],
	([e, key, pattern]) => eventList(filterKeyvalsRegex(e, key, compileRegex(pattern)))
);

const filterPeriodIntersectFn = define('filter_period_intersect', [events, events], ([e, filter]) =>
	eventList(filterPeriodIntersect(e, filter))
);

/** The first `trunc(count)` events; a negative or NaN count gives none. */
const limitEventsFn = define('limit_events', [events, number], ([e, count]) => {
	const k = Number.isNaN(count) || count < 0 ? 0 : Math.trunc(count);
	return eventList(limitEvents(e, k));
});

/** The filtering functions and `limit_events`. */
export const FILTERING = [
	filterKeyvalsFn,
	excludeKeyvalsFn,
	filterKeyvalsRegexFn,
	filterPeriodIntersectFn,
	limitEventsFn
];
