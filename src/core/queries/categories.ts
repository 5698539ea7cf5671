/**
 * Category rules as they travel in query text (query-language.md 10, 11.4).
 */
import type { RuleSpec } from '../transforms/rules';

/** A rule as the dashboard stores it and `categorize` takes it. */
export type QueryRule =
	| { type: 'none' }
	| { type: 'regex'; regex: string; ignore_case?: boolean; select_keys?: readonly string[] };

/**
 * A regex rule as the dashboard writes it: `ignore_case` is present (and true) only when asked
 * for, so that a case-sensitive rule has no `ignore_case` key at all.
 */
export function regexRule(
	regex: string,
	ignoreCase = false
): { type: 'regex'; regex: string; ignore_case?: true } {
	return ignoreCase ? { type: 'regex', regex, ignore_case: true } : { type: 'regex', regex };
}

/**
 * The `buildRule` spec of a stored rule, for code that categorizes outside a query (the
 * Activity summary's stopwatch tail, the Timeline's colours) and must match exactly what the
 * engine does with the same rule, `select_keys` included.
 */
export function ruleSpec(rule: QueryRule): RuleSpec {
	if (rule.type !== 'regex') return { type: 'none' };
	const spec: RuleSpec = {
		type: 'regex',
		regex: rule.regex,
		ignoreCase: rule.ignore_case === true
	};
	if (rule.select_keys) spec.selectKeys = [...rule.select_keys];
	return spec;
}

/** One `categorize` entry: the category path and its rule (`[["Work", "Code"], rule]`). */
export type CategoryPair = readonly [name: readonly string[], rule: QueryRule];

/**
 * The rules list literal: `JSON.stringify` of the pairs with every doubled backslash collapsed
 * into one, as the dashboard sends it, so that `\w` in a pattern arrives as `\w` (the query
 * language keeps backslashes verbatim).
 */
export function categoriesLiteral(categories: readonly CategoryPair[]): string {
	return JSON.stringify(categories).replace(/\\\\/g, '\\');
}

/** A category filter literal: the selected paths as JSON, e.g. `[["Work"],["Media","Video"]]`. */
export function categoryFilterLiteral(filter: readonly (readonly string[])[]): string {
	return JSON.stringify(filter);
}
