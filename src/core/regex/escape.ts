/**
 * Escape sequences of the Rust dialect (`\d`, `\p{Greek}`, `\x{…}`, `\b`, `\1`, `\-`, …) and
 * their JavaScript `u`-mode equivalents (query-language.md 11.3).
 */
import type { Flags } from './flags';
import type { Scanner } from './scanner';
import {
	ASCII_DIGIT,
	ASCII_SPACE,
	ASCII_WORD,
	asciiComplement,
	resolveProperty,
	UNICODE_WORD
} from './unicode';

export type Escape =
	/** A literal code point. */
	| { type: 'char'; cp: number }
	/**
	 * A character set as class members. `negated` marks the complement of the members, used only
	 * for the Unicode `\W`, whose complement cannot be spliced into a class without the `v` flag.
	 */
	| { type: 'set'; members: string; negated: boolean }
	/** A zero-width assertion (not quantifiable). */
	| { type: 'assert'; js: string }
	/** A backreference, already delimited so that following digits stay literal. */
	| { type: 'backref'; js: string };

const CONTROL: Record<string, number> = {
	a: 0x07,
	e: 0x1b,
	f: 0x0c,
	n: 0x0a,
	r: 0x0d,
	t: 0x09,
	v: 0x0b
};

function isAsciiPunctuation(cp: number): boolean {
	return (
		(cp >= 0x21 && cp <= 0x2f) ||
		(cp >= 0x3a && cp <= 0x40) ||
		(cp >= 0x5b && cp <= 0x60) ||
		(cp >= 0x7b && cp <= 0x7e)
	);
}

function set(members: string, negated = false): Escape {
	return { type: 'set', members, negated };
}

function perlClass(letter: string, flags: Flags): Escape {
	const unicode = flags.u;
	switch (letter) {
		case 'd':
			return set(unicode ? '\\p{Nd}' : ASCII_DIGIT);
		case 'D':
			return set(unicode ? '\\P{Nd}' : asciiComplement('digit'));
		case 's':
			return set(unicode ? '\\p{White_Space}' : ASCII_SPACE);
		case 'S':
			return set(unicode ? '\\P{White_Space}' : asciiComplement('space'));
		case 'w':
			return set(unicode ? UNICODE_WORD : ASCII_WORD);
		default:
			return unicode ? set(UNICODE_WORD, true) : set(asciiComplement('word'));
	}
}

function wordBoundary(kind: string, flags: Flags): string {
	const w = `[${flags.u ? UNICODE_WORD : ASCII_WORD}]`;
	switch (kind) {
		case 'b':
			return `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`;
		case 'B':
			return `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))`;
		case 'start':
			return `(?<!${w})(?=${w})`;
		case 'end':
			return `(?<=${w})(?!${w})`;
		case 'start-half':
			return `(?<!${w})`;
		default:
			return `(?!${w})`;
	}
}

function hexDigits(sc: Scanner, count: number, start: number): number {
	let text: string;
	if (sc.eat('{')) {
		const inside = sc.until('}');
		if (inside === null) throw sc.fail('unclosed hexadecimal escape', start);
		sc.pos++;
		text = inside;
	} else {
		text = sc.pattern.slice(sc.pos, sc.pos + count);
		sc.pos += text.length;
		if (text.length !== count) text = '';
	}
	if (!/^[0-9A-Fa-f]{1,8}$/.test(text)) throw sc.fail('invalid hexadecimal escape', start);
	const cp = parseInt(text, 16);
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
		throw sc.fail(`\\x{${text}} is not a Unicode scalar value`, start);
	}
	return cp;
}

function property(sc: Scanner, negated: boolean, start: number): Escape {
	let name: string;
	if (sc.eat('{')) {
		const inside = sc.until('}');
		if (inside === null) throw sc.fail('unclosed Unicode property', start);
		sc.pos++;
		name = inside.trim();
	} else {
		name = sc.peekChar();
		if (!/^[A-Za-z]$/.test(name)) throw sc.fail('\\p needs a property such as \\pL', start);
		sc.pos++;
	}
	if (name.startsWith('^')) {
		negated = !negated;
		name = name.slice(1);
	}
	if (name.includes('!=')) {
		negated = !negated;
		name = name.replace('!=', '=');
	}
	const body = resolveProperty(name);
	if (body === null) throw sc.fail(`unknown Unicode property '${name}'`, start);
	return set(`\\${negated ? 'P' : 'p'}{${body}}`);
}

function backreference(sc: Scanner, start: number): Escape {
	let digits = '';
	while (sc.peek() >= 0x30 && sc.peek() <= 0x39) digits += String.fromCharCode(sc.next());
	if (digits.startsWith('0')) throw sc.fail('octal escapes and \\0 are not supported', start);
	return { type: 'backref', js: `(?:\\${digits})` };
}

function namedBackreference(sc: Scanner, start: number): Escape {
	if (!sc.eat('<')) throw sc.fail('\\k needs a group name: \\k<name>', start);
	const name = sc.until('>');
	if (name === null || name === '') throw sc.fail('unclosed group name in \\k<…>', start);
	sc.pos++;
	return { type: 'backref', js: /^\d+$/.test(name) ? `(?:\\${name})` : `\\k<${name}>` };
}

function specialWordBoundary(sc: Scanner, flags: Flags, start: number): Escape {
	const save = sc.pos;
	if (sc.eat('{')) {
		const name = sc.until('}');
		if (name !== null && /^[a-z-]*$/.test(name)) {
			if (!['start', 'end', 'start-half', 'end-half'].includes(name)) {
				throw sc.fail(`unknown word boundary \\b{${name}}`, start);
			}
			sc.pos++;
			return { type: 'assert', js: wordBoundary(name, flags) };
		}
		sc.pos = save;
	}
	return { type: 'assert', js: wordBoundary('b', flags) };
}

function assertion(sc: Scanner, letter: string, flags: Flags, start: number): Escape | null {
	switch (letter) {
		case 'A':
			return { type: 'assert', js: '^' };
		case 'z':
			return { type: 'assert', js: '$' };
		case 'Z':
			return { type: 'assert', js: '(?=\\n?$)' };
		case 'b':
			return specialWordBoundary(sc, flags, start);
		case 'B':
			return { type: 'assert', js: wordBoundary('B', flags) };
		case '<':
			return { type: 'assert', js: wordBoundary('start', flags) };
		case '>':
			return { type: 'assert', js: wordBoundary('end', flags) };
		default:
			return null;
	}
}

/**
 * Reads one escape; the cursor is just after the backslash. Inside a class, assertions and
 * backreferences are errors (and `\<`, `\>` are the literal characters).
 */
export function parseEscape(sc: Scanner, flags: Flags, inClass: boolean): Escape {
	const start = sc.pos - 1;
	if (sc.done) throw sc.fail('the pattern ends with a lone backslash', start);
	const cp = sc.next();
	const letter = String.fromCodePoint(cp);

	if (letter in CONTROL) return { type: 'char', cp: CONTROL[letter] };
	if ('dDsSwW'.includes(letter)) return perlClass(letter, flags);
	if (letter === 'p' || letter === 'P') return property(sc, letter === 'P', start);
	if (letter === 'x') return { type: 'char', cp: hexDigits(sc, 2, start) };
	if (letter === 'u') return { type: 'char', cp: hexDigits(sc, 4, start) };
	if (letter === 'U') return { type: 'char', cp: hexDigits(sc, 8, start) };

	if (!inClass) {
		const asserted = assertion(sc, letter, flags, start);
		if (asserted !== null) return asserted;
		if (cp >= 0x30 && cp <= 0x39) {
			sc.pos = start + 1;
			return backreference(sc, start);
		}
		if (letter === 'k') return namedBackreference(sc, start);
	}
	if (isAsciiPunctuation(cp) || cp === 0x20) return { type: 'char', cp };
	throw sc.fail(`unsupported escape '\\${letter}'`, start);
}
