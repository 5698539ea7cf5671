/**
 * Tokens of the query language (query-language.md section 2). Every token records where it sits
 * in the program text, so parse errors and the query explorer can point at it.
 */
import type { Span } from '../errors';

/** Punctuation and operator tokens. */
export type Punctuation =
	'(' | ')' | '[' | ']' | '{' | '}' | ',' | ':' | ';' | '=' | '==' | '+' | '-' | '*' | '/' | '%';

/** Keywords other than the booleans. */
export type Keyword = 'if' | 'elif' | 'else' | 'return';

/** The type of a token. */
export type TokenType =
	'identifier' | 'number' | 'string' | 'boolean' | Keyword | Punctuation | 'eof';

/**
 * One token. `text` is the exact source text (for strings: with the quotes); `value` is the
 * decoded value of literals: the number, the string body (only the escaped quote is decoded), or
 * the boolean.
 */
export type Token = Span & {
	type: TokenType;
	text: string;
	value?: number | string | boolean;
};

/** Reserved words and what they read as; `true`/`True`/`false`/`False` are boolean literals. */
export const KEYWORDS: ReadonlyMap<string, { type: TokenType; value?: boolean }> = new Map([
	['if', { type: 'if' }],
	['elif', { type: 'elif' }],
	['else', { type: 'else' }],
	['return', { type: 'return' }],
	['true', { type: 'boolean', value: true }],
	['True', { type: 'boolean', value: true }],
	['false', { type: 'boolean', value: false }],
	['False', { type: 'boolean', value: false }]
]);
