/**
 * A cursor over a pattern, by code point, that raises `regex_compile` errors pointing at the
 * current offset.
 */
import type { HindsightError } from '../errors';
import { regexCompileError } from './errors';

/** The position in a pattern being translated, moved forward by the parsers. */
export class Scanner {
	pos = 0;

	constructor(readonly pattern: string) {}

	get done(): boolean {
		return this.pos >= this.pattern.length;
	}

	/** The code point at the cursor (or `offset` code units after it), -1 at the end. */
	peek(offset = 0): number {
		const cp = this.pattern.codePointAt(this.pos + offset);
		return cp === undefined ? -1 : cp;
	}

	/** The character at the cursor as a string ('' at the end). */
	peekChar(offset = 0): string {
		const cp = this.peek(offset);
		return cp === -1 ? '' : String.fromCodePoint(cp);
	}

	/** Consumes and returns the code point at the cursor. */
	next(): number {
		const cp = this.peek();
		if (cp === -1) throw this.fail('the pattern ends too early');
		this.pos += cp > 0xffff ? 2 : 1;
		return cp;
	}

	/** Consumes `text` when the pattern continues with it. */
	eat(text: string): boolean {
		if (!this.pattern.startsWith(text, this.pos)) return false;
		this.pos += text.length;
		return true;
	}

	/** Consumes characters up to (not including) `stop`; null when `stop` never comes. */
	until(stop: string): string | null {
		const at = this.pattern.indexOf(stop, this.pos);
		if (at < 0) return null;
		const text = this.pattern.slice(this.pos, at);
		this.pos = at;
		return text;
	}

	fail(reason: string, at = this.pos): HindsightError {
		return regexCompileError(this.pattern, reason, at);
	}
}
