/**
 * Character sets of the Rust dialect spelled for JavaScript RegExps in `u` mode: the Unicode
 * word, digit and space classes, their ASCII forms under `(?-u)`, POSIX bracket classes, and
 * Unicode property names.
 *
 * Sets are "members": text that can be spliced between the brackets of a JavaScript class.
 */

/**
 * Rust's Unicode `\w` (UTS #18 word characters): alphabetic, marks, decimal digits, connector
 * punctuation and the join controls. (Letters, marks, digits and connector punctuation in the
 * words of query-language.md 11.3; `Alphabetic` adds letter numbers such as `Ⅻ` and a few
 * symbols such as `Ⓐ`, which Rust also counts.)
 */
export const UNICODE_WORD = '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}';
/** `\w`, `\d` and `\s` under `(?-u)`: ASCII only. */
export const ASCII_WORD = '0-9A-Za-z_';
export const ASCII_DIGIT = '0-9';
export const ASCII_SPACE = '\\t\\n\\v\\f\\r ';

/** POSIX bracket classes (`[[:alpha:]]`), ASCII only as in Rust, as inclusive ranges. */
const POSIX: Record<string, [number, number][]> = {
	alnum: [
		[0x30, 0x39],
		[0x41, 0x5a],
		[0x61, 0x7a]
	],
	alpha: [
		[0x41, 0x5a],
		[0x61, 0x7a]
	],
	ascii: [[0x00, 0x7f]],
	blank: [
		[0x09, 0x09],
		[0x20, 0x20]
	],
	cntrl: [
		[0x00, 0x1f],
		[0x7f, 0x7f]
	],
	digit: [[0x30, 0x39]],
	graph: [[0x21, 0x7e]],
	lower: [[0x61, 0x7a]],
	print: [[0x20, 0x7e]],
	punct: [
		[0x21, 0x2f],
		[0x3a, 0x40],
		[0x5b, 0x60],
		[0x7b, 0x7e]
	],
	space: [
		[0x09, 0x0d],
		[0x20, 0x20]
	],
	upper: [[0x41, 0x5a]],
	word: [
		[0x30, 0x39],
		[0x41, 0x5a],
		[0x5f, 0x5f],
		[0x61, 0x7a]
	],
	xdigit: [
		[0x30, 0x39],
		[0x41, 0x46],
		[0x61, 0x66]
	]
};

/** A code point written so that it means itself anywhere in a `u`-mode pattern. */
export function codePointEscape(cp: number): string {
	return `\\u{${cp.toString(16).toUpperCase()}}`;
}

function rangesToMembers(ranges: readonly [number, number][]): string {
	return ranges
		.map(([lo, hi]) =>
			lo === hi ? codePointEscape(lo) : `${codePointEscape(lo)}-${codePointEscape(hi)}`
		)
		.join('');
}

/** The complement of sorted, disjoint ranges within U+0000..U+10FFFF. */
function complement(ranges: readonly [number, number][]): [number, number][] {
	const out: [number, number][] = [];
	let next = 0;
	for (const [lo, hi] of ranges) {
		if (lo > next) out.push([next, lo - 1]);
		next = hi + 1;
	}
	if (next <= 0x10ffff) out.push([next, 0x10ffff]);
	return out;
}

/** The members of a POSIX class by name, negated for `[:^name:]`; null for an unknown name. */
export function posixMembers(name: string, negated: boolean): string | null {
	const ranges = POSIX[name];
	if (ranges === undefined) return null;
	return rangesToMembers(negated ? complement(ranges) : ranges);
}

/** Members of the complement of an ASCII class given as POSIX name. */
export function asciiComplement(name: 'word' | 'digit' | 'space'): string {
	return rangesToMembers(complement(POSIX[name]));
}

const validProperties = new Map<string, boolean>();

function isValidProperty(body: string): boolean {
	let valid = validProperties.get(body);
	if (valid === undefined) {
		try {
			new RegExp(`\\p{${body}}`, 'u');
			valid = true;
		} catch {
			valid = false;
		}
		validProperties.set(body, valid);
	}
	return valid;
}

const PROPERTY_KEYS: Record<string, string> = {
	gc: 'General_Category',
	generalcategory: 'General_Category',
	sc: 'Script',
	script: 'Script',
	scx: 'Script_Extensions',
	scriptextensions: 'Script_Extensions'
};

/** Rust's loose spellings that JavaScript only knows in canonical form. */
const LOOSE_NAMES: Record<string, string> = {
	whitespace: 'White_Space',
	space: 'White_Space',
	digit: 'Nd',
	decimalnumber: 'Nd'
};

/** `old italic`, `old-italic`, `OLD_ITALIC` → `Old_Italic`. */
function titleCase(name: string): string {
	return name
		.split(/[\s_-]+/)
		.filter((word) => word !== '')
		.map((word) => word[0].toUpperCase() + word.slice(1).toLowerCase())
		.join('_');
}

function candidates(name: string): string[] {
	const loose = LOOSE_NAMES[name.toLowerCase().replace(/[\s_-]/g, '')];
	return [name, titleCase(name), ...(loose === undefined ? [] : [loose])];
}

function resolveValue(key: string, value: string): string | null {
	for (const candidate of candidates(value)) {
		if (isValidProperty(`${key}=${candidate}`)) return `${key}=${candidate}`;
	}
	return null;
}

/**
 * The body of a JavaScript `\p{…}` for a Rust property name (`L`, `Greek`, `sc=Greek`,
 * `Script_Extensions:Latin`, `White_Space`), or null when it is unknown. A bare script name
 * becomes `Script=Name`, since JavaScript needs the key for scripts. Spelling is matched as
 * written, then in title case (`greek` → `Greek`).
 */
export function resolveProperty(name: string): string | null {
	const split = /^([^=:]+)[=:](.+)$/.exec(name);
	if (split !== null) {
		const key = PROPERTY_KEYS[split[1].toLowerCase().replace(/[\s_-]/g, '')];
		return key === undefined ? null : resolveValue(key, split[2].trim());
	}
	for (const candidate of candidates(name.trim())) {
		if (isValidProperty(candidate)) return candidate;
		if (isValidProperty(`Script=${candidate}`)) return `Script=${candidate}`;
	}
	return null;
}
