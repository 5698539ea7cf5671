/**
 * Inline flags of the Rust dialect and the constructs whose JavaScript spelling depends on them.
 * The translation applies `s`, `m`, `R`, `u` and `x` itself, so JavaScript's own `s` and `m`
 * flags are never used (JavaScript's `m` would also treat `\r`, U+2028 and U+2029 as line ends,
 * which Rust does not).
 */
import type { Scanner } from './scanner';

/** The flags in force at some point of the pattern. */
export type Flags = {
	/** Case-insensitive. */
	i: boolean;
	/** Multi-line: `^` and `$` also match at line feeds. */
	m: boolean;
	/** `.` also matches a line feed. */
	s: boolean;
	/** Verbose: whitespace and `#` comments outside classes are ignored. */
	x: boolean;
	/** Unicode classes (on by default; `(?-u)` makes `\w`, `\d`, `\s`, `\b` ASCII). */
	u: boolean;
	/** CRLF mode: `\r` also ends a line for `^`, `$` (multi-line) and `.`. */
	R: boolean;
};

/** The flags at the start of a pattern: all off except Unicode, `i` as `ignore_case` says. */
export function initialFlags(ignoreCase: boolean): Flags {
	return { i: ignoreCase, m: false, s: false, x: false, u: true, R: false };
}

/**
 * The flags after a flag list such as `i`, `-i`, `is-x` (the text between `(?` and `)` or `:`).
 * Unknown, repeated or dangling flags are errors, and so is turning on `U` (swap greed), which
 * JavaScript cannot express; `-U` is the default and allowed.
 */
export function applyFlags(sc: Scanner, flags: Flags, spec: string, at: number): Flags {
	const result = { ...flags };
	const seen = new Set<string>();
	let on = true;
	let dangling = false;
	for (const ch of spec) {
		if (ch === '-') {
			if (!on) throw sc.fail('a flag group may hold only one -', at);
			on = false;
			dangling = true;
			continue;
		}
		if (ch === 'U' && on) throw sc.fail('the swap-greed flag (?U) is not supported', at);
		if (!'imsxuRU'.includes(ch)) throw sc.fail(`unknown flag '${ch}'`, at);
		if (seen.has(ch)) throw sc.fail(`the flag '${ch}' is repeated`, at);
		seen.add(ch);
		dangling = false;
		if (ch !== 'U') result[ch as keyof Flags] = on;
	}
	if (dangling || seen.size === 0) throw sc.fail('empty or incomplete flag group', at);
	return result;
}

/** `.`: any character but a line feed (also `\r` in CRLF mode), or anything with `s`. */
export function dot(flags: Flags): string {
	if (flags.s) return '[\\s\\S]';
	return flags.R ? '[^\\n\\r]' : '[^\\n]';
}

/** `^`: the start of the subject, or of any line in multi-line mode. */
export function lineStart(flags: Flags): string {
	if (!flags.m) return '^';
	return flags.R ? '(?:^|(?<=\\n)|(?<=\\r)(?!\\n))' : '(?<![^\\n])';
}

/** `$`: the very end of the subject (never before a final line feed), or of any line with `m`. */
export function lineEnd(flags: Flags): string {
	if (!flags.m) return '$';
	return flags.R ? '(?:$|(?=\\r)|(?<!\\r)(?=\\n))' : '(?![^\\n])';
}
