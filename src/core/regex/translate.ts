/**
 * Translation of query-language patterns (the Rust `regex`/`fancy-regex` dialect) to JavaScript
 * RegExp source compiled with the `u` flag (query-language.md 11.3).
 *
 * A small tokenizer walks the pattern once, aware of escapes, classes and groups, and emits an
 * equivalent JavaScript pattern. Flags are tracked per group as Rust scopes them: `s`, `m`, `x`,
 * `u` and `R` are applied by the translation itself (`.`, `^`, `$` and the classes are spelled
 * out), so the JavaScript `s` and `m` flags are never used; `i` becomes the global `i` flag when
 * it holds for the whole pattern, and a modifier group `(?i:…)` elsewhere, which needs runtime
 * support. Anything without an exact JavaScript equivalent raises `regex_compile`.
 */
import { parseClass, needsCodeEscape } from './char-class';
import { parseEscape, type Escape } from './escape';
import { applyFlags, dot, initialFlags, lineEnd, lineStart, type Flags } from './flags';
import { Scanner } from './scanner';
import { codePointEscape } from './unicode';

export type TranslateOptions = {
	/** Whether the runtime supports RegExp modifier groups such as `(?i:…)`. */
	modifierGroups: boolean;
};

/** JavaScript source and flags (`u`, plus `i` when the whole pattern is case-insensitive). */
export type Translation = { source: string; flags: string };

type Frame = {
	/** Flags outside the group, restored when it closes. */
	saved: Flags;
	/** Whether JavaScript case folding is on outside the group. */
	savedFold: boolean;
	/** Whether JavaScript case folding is on at the start of the group's contents. */
	baseFold: boolean;
	/** A modifier group opened by a mid-group `(?i)` / `(?-i)` is open. */
	modifierOpen: boolean;
	/** The group is a look-around (not quantifiable in `u` mode). */
	lookaround: boolean;
	start: number;
};

const SYNTAX = '^$\\.*+?()[]{}|/';
const FLAG_GROUP = /^\(\?([a-zA-Z-]*)\)/;
const WHITE_SPACE = /^\p{White_Space}$/u;

/** A code point outside a class, written so that it means itself. */
function literal(cp: number): string {
	const ch = String.fromCodePoint(cp);
	if (SYNTAX.includes(ch)) return '\\' + ch;
	return needsCodeEscape(cp) ? codePointEscape(cp) : ch;
}

class Translator {
	private readonly sc: Scanner;
	private readonly out: string[] = [];
	private readonly frames: Frame[] = [];
	private flags: Flags;
	/** Whether JavaScript case folding is on at the current point of the output. */
	private fold = false;
	private quantifiable = false;

	constructor(
		pattern: string,
		ignoreCase: boolean,
		private readonly options: TranslateOptions
	) {
		this.sc = new Scanner(pattern);
		this.flags = initialFlags(ignoreCase);
	}

	run(): Translation {
		this.leadingFlags();
		const globalFold = this.flags.i;
		this.fold = globalFold;
		this.frames.push(this.frame(false, 0));

		while (!this.sc.done) this.step();

		if (this.frames.length > 1) {
			throw this.sc.fail(
				'unclosed group: add the missing )',
				this.frames[this.frames.length - 1].start
			);
		}
		if (this.frames[0].modifierOpen) this.out.push(')');
		return { source: this.out.join(''), flags: globalFold ? 'ui' : 'u' };
	}

	/** Flag groups at the very start set the flags of the whole pattern. */
	private leadingFlags(): void {
		for (;;) {
			this.skipVerbose();
			const m = FLAG_GROUP.exec(this.sc.pattern.slice(this.sc.pos));
			if (m === null) return;
			this.flags = applyFlags(this.sc, this.flags, m[1], this.sc.pos);
			this.sc.pos += m[0].length;
		}
	}

	private frame(lookaround: boolean, start: number): Frame {
		const fold = this.fold;
		const saved = { ...this.flags };
		return { saved, savedFold: fold, baseFold: fold, modifierOpen: false, lookaround, start };
	}

	private get top(): Frame {
		return this.frames[this.frames.length - 1];
	}

	private atom(js: string): void {
		this.out.push(js);
		this.quantifiable = true;
	}

	private assertion(js: string): void {
		this.out.push(js);
		this.quantifiable = false;
	}

	/** In verbose mode, skips whitespace and `#` comments; true when something was skipped. */
	private skipVerbose(): boolean {
		if (!this.flags.x) return false;
		const ch = this.sc.peekChar();
		if (ch === '#') {
			const rest = this.sc.until('\n');
			this.sc.pos = rest === null ? this.sc.pattern.length : this.sc.pos + 1;
			return true;
		}
		if (ch !== '' && WHITE_SPACE.test(ch)) {
			this.sc.next();
			return true;
		}
		return false;
	}

	private step(): void {
		if (this.skipVerbose()) return;
		const sc = this.sc;
		const ch = sc.peekChar();
		switch (ch) {
			case '\\':
				sc.pos++;
				return this.escape(parseEscape(sc, this.flags, false));
			case '[':
				sc.pos++;
				return this.atom(parseClass(sc, this.flags));
			case '(':
				return this.openGroup();
			case ')':
				return this.closeGroup();
			case '|':
				return this.alternation();
			case '.':
				sc.pos++;
				return this.atom(dot(this.flags));
			case '^':
				sc.pos++;
				return this.assertion(lineStart(this.flags));
			case '$':
				sc.pos++;
				return this.assertion(lineEnd(this.flags));
			case '*':
			case '+':
			case '?':
			case '{':
				return this.quantifier();
			default:
				this.atom(literal(sc.next()));
		}
	}

	private escape(escape: Escape): void {
		if (escape.type === 'char') this.atom(literal(escape.cp));
		else if (escape.type === 'set') {
			this.atom(`[${escape.negated ? '^' : ''}${escape.members}]`);
		} else if (escape.type === 'assert') this.assertion(escape.js);
		else this.atom(escape.js);
	}

	private quantifier(): void {
		const sc = this.sc;
		const start = sc.pos;
		if (!this.quantifiable) {
			throw sc.fail(
				'a repetition operator needs something to repeat; escape it to match it',
				start
			);
		}
		let text = String.fromCodePoint(sc.next());
		if (text === '{') text = this.counted(start);
		if (sc.eat('?')) text += '?';
		else if (sc.peekChar() === '+') {
			throw sc.fail('possessive quantifiers are not supported', start);
		}
		this.out.push(text);
		this.quantifiable = false;
	}

	private counted(start: number): string {
		const body = this.sc.until('}');
		const m = body === null ? null : /^\s*(\d+)\s*(?:(,)\s*(\d*)\s*)?$/.exec(body);
		if (m === null) {
			throw this.sc.fail(
				'invalid counted repetition; write {n}, {n,} or {n,m}, or escape {',
				start
			);
		}
		this.sc.pos++;
		const [, min, comma, max] = m;
		if (max !== undefined && max !== '' && Number(max) < Number(min)) {
			throw this.sc.fail('a counted repetition has its minimum above its maximum', start);
		}
		return `{${Number(min)}${comma ?? ''}${max ? Number(max) : ''}}`;
	}

	private requireModifiers(at: number): void {
		if (!this.options.modifierGroups) {
			throw this.sc.fail(
				'changing case sensitivity inside the pattern needs RegExp modifier groups, which ' +
					'this JavaScript engine lacks; put (?i) at the very start instead',
				at
			);
		}
	}

	private openGroup(): void {
		const sc = this.sc;
		const start = sc.pos;
		sc.pos++;
		if (!sc.eat('?')) return this.pushGroup('(', false, start);
		if (sc.eat('#')) {
			if (sc.until(')') === null) throw sc.fail('unclosed comment group (?#…)', start);
			sc.pos++;
			return;
		}
		if (sc.eat(':')) return this.pushGroup('(?:', false, start);
		for (const look of ['=', '!', '<=', '<!']) {
			if (sc.eat(look)) return this.pushGroup(`(?${look}`, true, start);
		}
		if (sc.eat('P<') || sc.eat('<')) return this.namedGroup(start);
		if (sc.eat('P=')) return this.namedBackreference(start);
		if (sc.eat('>')) throw sc.fail('atomic groups (?>…) are not supported', start);
		if (sc.peekChar() === 'P') throw sc.fail('unsupported group syntax (?P…)', start);
		this.flagGroup(start);
	}

	private pushGroup(js: string, lookaround: boolean, start: number): void {
		this.frames.push(this.frame(lookaround, start));
		this.out.push(js);
		this.quantifiable = false;
	}

	private namedGroup(start: number): void {
		const name = this.sc.until('>');
		if (name === null || name === '') throw this.sc.fail('unclosed or empty group name', start);
		this.sc.pos++;
		this.pushGroup(`(?<${name}>`, false, start);
	}

	private namedBackreference(start: number): void {
		const name = this.sc.until(')');
		if (name === null || name === '') throw this.sc.fail('unclosed (?P=name)', start);
		this.sc.pos++;
		this.atom(`\\k<${name}>`);
	}

	private flagGroup(start: number): void {
		const sc = this.sc;
		const m = /^([a-zA-Z-]*)([:)])/.exec(sc.pattern.slice(sc.pos));
		if (m === null) throw sc.fail('unknown group syntax after (?', start);
		const flags = applyFlags(this.sc, this.flags, m[1], start);
		sc.pos += m[0].length;
		if (m[2] === ':') return this.scopedFlags(flags, start);

		const top = this.top;
		if (flags.i !== this.flags.i) {
			if (top.modifierOpen) {
				this.out.push(')');
				top.modifierOpen = false;
				this.fold = top.baseFold;
			}
			if (flags.i !== this.fold) {
				this.requireModifiers(start);
				this.out.push(flags.i ? '(?i:' : '(?-i:');
				top.modifierOpen = true;
				this.fold = flags.i;
			}
		}
		this.flags = flags;
		this.quantifiable = false;
	}

	private scopedFlags(flags: Flags, start: number): void {
		const frame = this.frame(false, start);
		let js = '(?:';
		if (flags.i !== this.fold) {
			this.requireModifiers(start);
			js = flags.i ? '(?i:' : '(?-i:';
			this.fold = flags.i;
		}
		frame.baseFold = this.fold;
		this.frames.push(frame);
		this.flags = flags;
		this.out.push(js);
		this.quantifiable = false;
	}

	private alternation(): void {
		this.sc.pos++;
		const top = this.top;
		this.out.push(top.modifierOpen ? `)|${this.flags.i ? '(?i:' : '(?-i:'}` : '|');
		this.quantifiable = false;
	}

	private closeGroup(): void {
		if (this.frames.length === 1) {
			throw this.sc.fail('unbalanced ): there is no group to close', this.sc.pos);
		}
		this.sc.pos++;
		const frame = this.frames.pop()!;
		this.out.push(frame.modifierOpen ? '))' : ')');
		this.flags = frame.saved;
		this.fold = frame.savedFold;
		this.quantifiable = !frame.lookaround;
	}
}

/**
 * Translates a query-language pattern into JavaScript RegExp source and flags. `ignoreCase`
 * starts the pattern case-insensitive (a rule's `ignore_case`). Throws `regex_compile` for
 * constructs without an exact JavaScript equivalent; the caller still compiles the result,
 * which catches what the translation passes through (undefined backreferences, invalid group
 * names).
 */
export function translatePattern(
	pattern: string,
	ignoreCase: boolean,
	options: TranslateOptions
): Translation {
	return new Translator(pattern, ignoreCase, options).run();
}
