/**
 * Ordering, summing and concatenating (query-language.md 8.3).
 */
import { MICROS_PER_SECOND } from '../../../model/time';
import { concat, sortByDuration, sortByTimestamp, sumDurations } from '../../../transforms';
import { eventList } from '../values';
import { define, defineVariadic, events } from './signature';

const sortByTimestampFn = define('sort_by_timestamp', [events], ([e]) =>
	eventList(sortByTimestamp(e))
);

const sortByDurationFn = define('sort_by_duration', [events], ([e]) =>
	eventList(sortByDuration(e))
);

/** Seconds, already truncated to whole milliseconds by the transform. */
const sumDurationsFn = define(
	'sum_durations',
	[events],
	([e]) => sumDurations(e) / MICROS_PER_SECOND
);

/** Any number of event lists, including none. */
const concatFn = defineVariadic('concat', events, (lists) => eventList(concat(...lists)));

/** Sorting, `sum_durations` and `concat`. */
export const ORDERING = [sortByTimestampFn, sortByDurationFn, sumDurationsFn, concatFn];
