/**
 * Web and window helpers (query-language.md 8.7).
 */
import { simplifyWindowTitles, splitUrlEvents } from '../../../transforms';
import { eventList } from '../values';
import { define, events, string } from './signature';

const splitUrlEventsFn = define('split_url_events', [events], ([e]) =>
	eventList(splitUrlEvents(e))
);

const simplifyWindowTitlesFn = define('simplify_window_titles', [events, string], ([e, key]) =>
	eventList(simplifyWindowTitles(e, key))
);

/** `split_url_events` and `simplify_window_titles`. */
export const WEB = [splitUrlEventsFn, simplifyWindowTitlesFn];
