/**
 * Merging and chunking by data keys (query-language.md 8.4).
 */
import { chunkEventsByKey, mergeEventsByKeys } from '../../../transforms';
import { eventList } from '../values';
import { define, events, string, stringList } from './signature';

const mergeEventsByKeysFn = define('merge_events_by_keys', [events, stringList], ([e, keys]) =>
	eventList(mergeEventsByKeys(e, keys))
);

const chunkEventsByKeyFn = define('chunk_events_by_key', [events, string], ([e, key]) =>
	eventList(chunkEventsByKey(e, key))
);

/** `merge_events_by_keys` and `chunk_events_by_key`. */
export const MERGING = [mergeEventsByKeysFn, chunkEventsByKeyFn];
