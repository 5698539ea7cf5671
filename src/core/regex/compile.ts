/**
 * Compiling query-language patterns (the Rust `regex`/`fancy-regex` dialect) into JavaScript
 * RegExps through the translator, with a cache keyed by (pattern, ignore_case).
 *
 * A compiled pattern is searched unanchored, like Rust's `is_match`. It never carries the `g` or
 * `y` flag, so `test` keeps no state between calls and one instance can be shared freely.
 */
import { regexCompileError } from './errors';
import { translatePattern } from './translate';

/** A compiled pattern: `test` searches the subject for a match anywhere. */
export type CompiledRegex = {
	/** The pattern as written in the query (Rust dialect). */
	readonly source: string;
	/** Whether `ignore_case` was requested (independently of inline `(?i)`). */
	readonly ignoreCase: boolean;
	/** The translated JavaScript pattern and its flags, for diagnostics. */
	readonly jsSource: string;
	readonly jsFlags: string;
	/**
	 * True when the pattern matches somewhere in `subject`. An error while matching (the engine
	 * running out of stack on a pathological pattern) counts as no match, so the caller drops the
	 * event as query-language.md 8.2 asks.
	 */
	test(subject: string): boolean;
};

const CACHE_LIMIT = 512;
const cache = new Map<string, CompiledRegex>();

let modifierSupport: boolean | undefined;

/** Whether this runtime knows RegExp modifier groups such as `(?i:…)` (detected once). */
export function supportsModifierGroups(): boolean {
	if (modifierSupport === undefined) {
		try {
			new RegExp('(?i:a)(?-i:b)', 'u');
			modifierSupport = true;
		} catch {
			modifierSupport = false;
		}
	}
	return modifierSupport;
}

function build(pattern: string, ignoreCase: boolean): CompiledRegex {
	const { source, flags } = translatePattern(pattern, ignoreCase, {
		modifierGroups: supportsModifierGroups()
	});
	let re: RegExp;
	try {
		re = new RegExp(source, flags);
	} catch (err) {
		throw regexCompileError(pattern, (err as Error).message);
	}
	return {
		source: pattern,
		ignoreCase,
		jsSource: source,
		jsFlags: flags,
		test(subject: string): boolean {
			try {
				return re.test(subject);
			} catch {
				return false;
			}
		}
	};
}

/**
 * Compiles a query-language pattern (query-language.md 11). `ignoreCase` makes the whole pattern
 * case-insensitive (Unicode simple case folding), as a rule's `ignore_case: true` does. Results
 * are cached by (pattern, ignoreCase). Throws a HindsightError `regex_compile` whose message
 * quotes the pattern when it does not compile or uses a construct that JavaScript cannot express
 * exactly (class set operations, nested classes, atomic groups, possessive quantifiers, `(?U)`).
 */
export function compileRegex(pattern: string, ignoreCase = false): CompiledRegex {
	const key = (ignoreCase ? 'i:' : 'c:') + pattern;
	const hit = cache.get(key);
	if (hit !== undefined) return hit;

	const compiled = build(pattern, ignoreCase);
	if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
	cache.set(key, compiled);
	return compiled;
}
