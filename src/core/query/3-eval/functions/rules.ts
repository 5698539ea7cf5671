/**
 * Validating the rule lists of `categorize` and `tag` (query-language.md 10.1). Every rule is
 * checked, and its pattern compiled, when the function is called, even for an empty event list.
 * Structural problems are InvalidFunctionParameters; a pattern that does not compile and an
 * empty `select_keys` are RegexCompileErrors. Rules of type "none" ignore their other keys.
 */
import { HindsightError } from '../../../errors';
import {
	buildRule,
	type CategoryRule,
	type RuleMatcher,
	type RuleSpec,
	type TagRule
} from '../../../transforms';
import { emptySelectKeys, invalidParameter, regexCompileFailed } from '../../errors';
import { describe, isDict, type Dict, type Value } from '../values';
import { mismatch, type ArgSite, type Converter } from './signature';

const CACHE_LIMIT = 256;
const matchers = new Map<string, RuleMatcher>();

function problem(at: ArgSite, index: number, text: string): never {
	invalidParameter(at.fn, `rule ${index + 1}: ${text}`, at.span);
}

function optionalBool(rule: Dict, at: ArgSite, index: number): boolean | undefined {
	const value = rule.get('ignore_case') ?? null;
	if (value === null) return undefined;
	if (typeof value !== 'boolean')
		problem(at, index, `"ignore_case" must be a Bool, got ${describe(value)}`);
	return value;
}

function optionalKeys(
	rule: Dict,
	at: ArgSite,
	index: number,
	pattern: string
): string[] | undefined {
	const value = rule.get('select_keys') ?? null;
	if (value === null) return undefined;
	if (!Array.isArray(value))
		problem(at, index, `"select_keys" must be a List of Strings, got ${describe(value)}`);
	if (!value.every((key) => typeof key === 'string')) {
		problem(at, index, '"select_keys" must hold only Strings');
	}
	if (value.length === 0) emptySelectKeys(pattern, at.span);
	return value as string[];
}

function ruleSpec(rule: Value, at: ArgSite, index: number): RuleSpec {
	if (!isDict(rule)) problem(at, index, `the rule must be a Dict, got ${describe(rule)}`);
	const type = rule.get('type') ?? null;
	if (typeof type !== 'string') {
		problem(at, index, `the rule needs "type": "regex" or "none", got ${describe(type)}`);
	}
	if (type === 'none') return { type: 'none' };
	if (type !== 'regex') problem(at, index, `unknown rule type "${type}" (use "regex" or "none")`);

	const regex = rule.get('regex') ?? null;
	if (typeof regex !== 'string') {
		problem(at, index, `a regex rule needs a String "regex", got ${describe(regex)}`);
	}
	const ignoreCase = optionalBool(rule, at, index);
	const selectKeys = optionalKeys(rule, at, index, regex);
	return { type, regex, ignoreCase, selectKeys };
}

/** Builds (or reuses) the matcher of a rule; compile failures become RegexCompileErrors. */
function matcher(spec: RuleSpec, at: ArgSite): RuleMatcher {
	const key = JSON.stringify(spec);
	let built = matchers.get(key);
	if (built) return built;
	try {
		built = buildRule(spec);
	} catch (err) {
		if (err instanceof HindsightError && err.code === 'regex_compile') {
			const reason = typeof err.details?.reason === 'string' ? err.details.reason : err.message;
			regexCompileFailed(spec.regex ?? '', reason, at.span, err);
		}
		throw err;
	}
	if (matchers.size >= CACHE_LIMIT) matchers.clear();
	matchers.set(key, built);
	return built;
}

/** The `[label, rule, ...]` pair at `index`; elements after the second are ignored. */
function pair(entry: Value, at: ArgSite, index: number): readonly Value[] {
	if (!Array.isArray(entry) || entry.length < 2) {
		problem(at, index, `each entry must be a List [name, rule], got ${describe(entry)}`);
	}
	return entry;
}

/** The rules argument of `categorize`: `[[["Work", "Code"], {"type": "regex", ...}], ...]`. */
export const categoryRules: Converter<CategoryRule[]> = (value, at) => {
	if (!Array.isArray(value)) mismatch(at, 'a List of [category, rule] pairs', value);
	return value.map((entry, index) => {
		const [name, rule] = pair(entry, at, index);
		if (!Array.isArray(name) || !name.every((part) => typeof part === 'string')) {
			problem(at, index, `the category must be a List of Strings, got ${describe(name)}`);
		}
		return { category: name as string[], rule: matcher(ruleSpec(rule, at, index), at) };
	});
};

/** The rules argument of `tag`: `[["tag", {"type": "regex", ...}], ...]`. */
export const tagRules: Converter<TagRule[]> = (value, at) => {
	if (!Array.isArray(value)) mismatch(at, 'a List of [tag, rule] pairs', value);
	return value.map((entry, index) => {
		const [tag, rule] = pair(entry, at, index);
		if (typeof tag !== 'string')
			problem(at, index, `the tag must be a String, got ${describe(tag)}`);
		return { tag, rule: matcher(ruleSpec(rule, at, index), at) };
	});
};
