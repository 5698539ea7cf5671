/**
 * Every built-in function of the query language (query-language.md section 8), by name. Each run
 * copies them into its namespace, where a program may shadow or alias them.
 */
import type { QueryFunction } from '../values';
import { CLASSIFICATION } from './classification';
import { DATA_ACCESS } from './data-access';
import { FILTERING } from './filtering';
import { MERGING } from './merging';
import { ORDERING } from './ordering';
import { PERIODS } from './periods';
import { UTILITIES } from './utilities';
import { WEB } from './web';

export const FUNCTIONS: ReadonlyMap<string, QueryFunction> = new Map(
	[
		...DATA_ACCESS,
		...FILTERING,
		...ORDERING,
		...MERGING,
		...PERIODS,
		...CLASSIFICATION,
		...WEB,
		...UTILITIES
	].map((fn) => [fn.name, fn])
);

/** The names of every built-in function, sorted (for the query explorer's help and completion). */
export const FUNCTION_NAMES: readonly string[] = [...FUNCTIONS.keys()].sort();
