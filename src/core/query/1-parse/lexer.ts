/**
 * The lexer (query-language.md section 2). Rules that matter for compatibility:
 * - string literals keep every backslash pair verbatim except the escaped quote (`\"` in double
 *   quotes, `\'` in single quotes), because regular expressions travel inside them; a pair is a
 *   unit, so `"C:\\"` closes after the second backslash;
 * - numbers are `[0-9]+(\.[0-9]*)?`, with no sign, exponent or leading dot;
 * - `#` starts a comment up to the end of the line;
 * - any other character outside a string is a ParsingError (the Rust server silently stops
 *   reading there instead).
 */
import { invalidNumber, unexpectedCharacter, unterminatedString, type Span } from '../errors';
import { KEYWORDS, type Punctuation, type Token } from './tokens';

const SINGLE: ReadonlySet<string> = new Set('()[]{},:;+-*/%');

const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdentPart = (c: number) => isIdentStart(c) || isDigit(c);
/** Space, tab, line feed, carriage return, and the form feed and vertical tab leniencies. */
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;

class Lexer {
	private pos = 0;
	private line = 1;
	private lineStart = 0;
	readonly tokens: Token[] = [];

	constructor(private readonly text: string) {
		if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
	}

	run(): Token[] {
		for (;;) {
			this.skipSpaceAndComments();
			if (this.pos >= this.text.length) break;
			this.tokens.push(this.next());
		}
		this.tokens.push({ type: 'eof', text: '', ...this.span(this.pos, this.pos) });
		return this.tokens;
	}

	private span(start: number, end: number): Span {
		return { start, end, line: this.line, column: start - this.lineStart + 1 };
	}

	private newline(at: number): void {
		this.line++;
		this.lineStart = at + 1;
	}

	private skipSpaceAndComments(): void {
		const text = this.text;
		while (this.pos < text.length) {
			const c = text.charCodeAt(this.pos);
			if (isSpace(c)) {
				if (c === 10) this.newline(this.pos);
				this.pos++;
			} else if (c === 35) {
				while (this.pos < text.length && text.charCodeAt(this.pos) !== 10) this.pos++;
			} else {
				return;
			}
		}
	}

	private next(): Token {
		const c = this.text.charCodeAt(this.pos);
		if (isIdentStart(c)) return this.word();
		if (isDigit(c)) return this.number();
		if (c === 34 || c === 39) return this.string();

		const start = this.pos;
		const char = this.text[start];
		if (char === '=') {
			const type: Punctuation = this.text[start + 1] === '=' ? '==' : '=';
			this.pos += type.length;
			return { type, text: type, ...this.span(start, this.pos) };
		}
		if (SINGLE.has(char)) {
			this.pos++;
			return { type: char as Punctuation, text: char, ...this.span(start, this.pos) };
		}
		const whole = String.fromCodePoint(this.text.codePointAt(start) ?? c);
		unexpectedCharacter(whole, this.span(start, start + whole.length));
	}

	private word(): Token {
		const start = this.pos;
		while (this.pos < this.text.length && isIdentPart(this.text.charCodeAt(this.pos))) this.pos++;
		const text = this.text.slice(start, this.pos);
		const span = this.span(start, this.pos);
		const keyword = KEYWORDS.get(text);
		if (!keyword) return { type: 'identifier', text, value: text, ...span };
		return { type: keyword.type, text, value: keyword.value, ...span };
	}

	private number(): Token {
		const start = this.pos;
		const text = this.text;
		while (this.pos < text.length && isDigit(text.charCodeAt(this.pos))) this.pos++;
		if (text[this.pos] === '.') {
			this.pos++;
			while (this.pos < text.length && isDigit(text.charCodeAt(this.pos))) this.pos++;
		}
		const raw = text.slice(start, this.pos);
		const span = this.span(start, this.pos);
		const value = Number(raw.endsWith('.') ? raw.slice(0, -1) : raw);
		if (!Number.isFinite(value)) invalidNumber(raw, span);
		return { type: 'number', text: raw, value, ...span };
	}

	private string(): Token {
		const text = this.text;
		const start = this.pos;
		const quote = text[start];
		const span = this.span(start, start + 1);
		let body = '';
		let chunkStart = start + 1;
		let i = chunkStart;

		for (;;) {
			if (i >= text.length) unterminatedString(span);
			const ch = text[i];
			if (ch === quote) break;
			if (ch === '\n') this.newline(i);
			if (ch === '\\') {
				if (i + 1 >= text.length) unterminatedString(span);
				const escaped = text[i + 1];
				if (escaped === '\n') this.newline(i + 1);
				if (escaped === quote) {
					body += text.slice(chunkStart, i) + quote;
					chunkStart = i + 2;
				}
				i += 2;
				continue;
			}
			i++;
		}

		body += text.slice(chunkStart, i);
		this.pos = i + 1;
		return {
			type: 'string',
			text: text.slice(start, this.pos),
			value: body,
			...span,
			end: this.pos
		};
	}
}

/** Splits program text into tokens, ending with an `eof` token. Throws a ParsingError. */
export function tokenize(text: string): Token[] {
	return new Lexer(text).run();
}
