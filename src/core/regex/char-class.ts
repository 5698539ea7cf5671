/**
 * Bracket classes of the Rust dialect (`[a-z]`, `[^]a]`, `[\w.-]`, `[[:alpha:]]`) translated to
 * JavaScript `u`-mode classes. Nested classes and set operations (`&&`, `--`, `~~`) have no
 * `u`-mode equivalent and raise `regex_compile`.
 */
import { parseEscape } from './escape';
import type { Flags } from './flags';
import type { Scanner } from './scanner';
import { codePointEscape, posixMembers } from './unicode';

type Atom = { type: 'char'; cp: number } | { type: 'set'; members: string; negated: boolean };

const CLASS_SPECIAL = '\\]-^[';

/** A code point written as a class member that means itself. */
export function classLiteral(cp: number): string {
	const ch = String.fromCodePoint(cp);
	if (CLASS_SPECIAL.includes(ch)) return '\\' + ch;
	return needsCodeEscape(cp) ? codePointEscape(cp) : ch;
}

/** Control characters, lone surrogates and line separators are written as `\u{…}`. */
export function needsCodeEscape(cp: number): boolean {
	return (
		cp < 0x20 ||
		(cp >= 0x7f && cp <= 0x9f) ||
		(cp >= 0xd800 && cp <= 0xdfff) ||
		cp === 0x2028 ||
		cp === 0x2029
	);
}

function parseAtom(sc: Scanner, flags: Flags): Atom {
	const cp = sc.next();
	if (cp !== 0x5c) return { type: 'char', cp };
	const escape = parseEscape(sc, flags, true);
	if (escape.type === 'char' || escape.type === 'set') return escape;
	throw sc.fail('this escape cannot be used inside a character class', sc.pos - 2);
}

const POSIX_ITEM = /^\[:(\^?)([a-z]+):\]/;

function posix(sc: Scanner): string {
	const m = POSIX_ITEM.exec(sc.pattern.slice(sc.pos, sc.pos + 16));
	if (m === null) {
		throw sc.fail('nested character classes are not supported; escape a literal [ as \\[');
	}
	const members = posixMembers(m[2], m[1] === '^');
	if (members === null) throw sc.fail(`unknown POSIX class [:${m[2]}:]`);
	sc.pos += m[0].length;
	return members;
}

function rangeEnd(sc: Scanner, flags: Flags, low: number, start: number): string {
	const high = parseAtom(sc, flags);
	if (high.type !== 'char') throw sc.fail('a class range must end with a single character', start);
	if (high.cp < low) throw sc.fail('a class range is out of order', start);
	return `${classLiteral(low)}-${classLiteral(high.cp)}`;
}

/** The JavaScript text for a class whose positive members and complemented sets are known. */
function assemble(negated: boolean, members: string, complemented: string | null): string {
	if (complemented === null) return `[${negated ? '^' : ''}${members}]`;
	if (!negated)
		return members === '' ? `[^${complemented}]` : `(?:[${members}]|[^${complemented}])`;
	return members === '' ? `[${complemented}]` : `(?:(?![${members}])[${complemented}])`;
}

/**
 * Reads a class; the cursor is just after `[`. Returns a JavaScript atom matching one character.
 * A `]` right after `[` or `[^` is a literal; a `-` that cannot form a range is a literal.
 */
export function parseClass(sc: Scanner, flags: Flags): string {
	const start = sc.pos - 1;
	const negated = sc.eat('^');
	let members = '';
	let complemented: string | null = null;
	let first = true;

	for (;;) {
		if (sc.done) throw sc.fail('unclosed character class', start);
		const at = sc.pos;
		if (sc.peekChar() === ']' && !first) {
			sc.pos++;
			break;
		}
		first = false;
		const pair = sc.pattern.slice(at, at + 2);
		if (pair === '&&' || pair === '--' || pair === '~~') {
			throw sc.fail(`class set operations ('${pair}') are not supported`, at);
		}
		if (sc.peekChar() === '[') {
			members += posix(sc);
			continue;
		}

		const atom = parseAtom(sc, flags);
		if (atom.type === 'set') {
			if (atom.negated) complemented = atom.members;
			else members += atom.members;
			if (sc.peekChar() === '-' && !']-'.includes(sc.peekChar(1))) {
				throw sc.fail('a class range cannot start with a class escape', at);
			}
			continue;
		}
		if (sc.peekChar() === '-' && !']-'.includes(sc.peekChar(1))) {
			sc.pos++;
			members += rangeEnd(sc, flags, atom.cp, at);
		} else {
			members += classLiteral(atom.cp);
		}
	}
	return assemble(negated, members, complemented);
}
