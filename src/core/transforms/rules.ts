/**
 * Categorization and tagging rules (query-language.md 10.1, 10.2). The query layer validates the
 * structure of rule dicts coming from queries and hands a `RuleSpec` to `buildRule`, which
 * compiles the pattern once; `categorize` and `tag` then run the compiled rules.
 */
import { HindsightError } from '../errors';
import type { EventData } from '../model/event';
import { compileRegex, type CompiledRegex } from '../regex/compile';
import { regexCompileError } from '../regex/errors';

/** A rule as a query states it (`type`, `regex`, `ignore_case`, `select_keys`). */
export type RuleSpec = {
	type: 'regex' | 'none';
	regex?: string;
	ignoreCase?: boolean;
	selectKeys?: string[];
};

/**
 * A compiled rule. `match` says whether it matches an event's data: a `none` rule never does; a
 * regex rule does when at least one of the tested values is a string in which the pattern finds
 * a match (tested values: those at `selectKeys`, missing keys skipped, or else every top-level
 * value; non-string values are never tested). `regex` and `selectKeys` are exposed so that
 * `categorize` and `tag` can share match results between events.
 */
export type RuleMatcher = {
	/** The compiled pattern; null for a `none` rule. */
	readonly regex: CompiledRegex | null;
	/** The keys whose values are tested; null to test every top-level value. */
	readonly selectKeys: readonly string[] | null;
	match(data: EventData): boolean;
};

/** A `categorize` entry: the category path (e.g. `["Work", "Programming"]`) and its rule. */
export type CategoryRule = { category: readonly string[]; rule: RuleMatcher };

/** A `tag` entry: the tag and its rule. */
export type TagRule = { tag: string; rule: RuleMatcher };

function matchesAny(
	regex: CompiledRegex,
	data: EventData,
	keys: readonly string[] | null
): boolean {
	if (keys === null) {
		for (const key in data) {
			const value = data[key];
			if (typeof value === 'string' && regex.test(value)) return true;
		}
		return false;
	}
	for (const key of keys) {
		const value = Object.hasOwn(data, key) ? data[key] : undefined;
		if (typeof value === 'string' && regex.test(value)) return true;
	}
	return false;
}

const NEVER: RuleMatcher = { regex: null, selectKeys: null, match: () => false };

/**
 * Compiles a rule. Throws a HindsightError `invalid_argument` for a spec of another type or a
 * regex rule without a string pattern, and `regex_compile` for an empty `selectKeys` list or a
 * pattern that does not compile (the message quotes the pattern). An empty pattern matches every
 * string.
 */
export function buildRule(spec: RuleSpec): RuleMatcher {
	if (spec.type === 'none') return NEVER;
	if (spec.type !== 'regex') {
		throw new HindsightError(
			'invalid_argument',
			`Unknown rule type '${String(spec.type)}': use "regex" or "none"`,
			{ type: String(spec.type) }
		);
	}
	if (typeof spec.regex !== 'string') {
		throw new HindsightError('invalid_argument', 'A rule of type "regex" needs a string "regex"');
	}
	const pattern = spec.regex;
	const selectKeys = spec.selectKeys === undefined ? null : [...spec.selectKeys];
	if (selectKeys !== null && selectKeys.length === 0) {
		throw regexCompileError(pattern, 'select_keys must not be empty; omit it to test every key');
	}
	const regex = compileRegex(pattern, spec.ignoreCase === true);
	return { regex, selectKeys, match: (data) => matchesAny(regex, data, selectKeys) };
}
