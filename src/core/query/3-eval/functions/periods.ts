/**
 * Period arithmetic (query-language.md 8.5, and `union`, an engine extension in 8.8).
 */
import { flood, periodUnion, union, unionNoOverlap } from '../../../transforms';
import { eventList } from '../values';
import { define, events } from './signature';

/** Exactly one argument: the pulse time is fixed at 5 s in the query language. */
const floodFn = define('flood', [events], ([e]) => eventList(flood(e)));

const periodUnionFn = define('period_union', [events, events], ([a, b]) =>
	eventList(periodUnion(a, b))
);

const unionNoOverlapFn = define('union_no_overlap', [events, events], ([a, b]) =>
	eventList(unionNoOverlap(a, b))
);

const unionFn = define('union', [events, events], ([a, b]) => eventList(union(a, b)));

/** `flood`, `period_union`, `union_no_overlap` and `union`. */
export const PERIODS = [floodFn, periodUnionFn, unionNoOverlapFn, unionFn];
