import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../src/core/query/1-parse/lexer';
import { QueryError } from '../../../../src/core/query/errors';

const types = (text: string) => tokenize(text).map((t) => t.type);

function lexError(text: string): QueryError {
	try {
		tokenize(text);
	} catch (err) {
		if (err instanceof QueryError) return err;
		throw err;
	}
	throw new Error('no error');
}

describe('tokenize', () => {
	it('records offset, line and column of every token', () => {
		const tokens = tokenize('a = 1;\n  b\t= "x";');
		const shown = tokens.map((t) => [t.type, t.start, t.end, t.line, t.column]);
		expect(shown).toEqual([
			['identifier', 0, 1, 1, 1],
			['=', 2, 3, 1, 3],
			['number', 4, 5, 1, 5],
			[';', 5, 6, 1, 6],
			['identifier', 9, 10, 2, 3],
			['=', 11, 12, 2, 5],
			['string', 13, 16, 2, 7],
			[';', 16, 17, 2, 10],
			['eof', 17, 17, 2, 11]
		]);
	});

	it('counts lines inside multi-line strings for the tokens after them', () => {
		const tokens = tokenize('x = "a\nb\nc" ;');
		const semicolon = tokens.find((t) => t.type === ';')!;
		expect([semicolon.line, semicolon.column]).toEqual([3, 4]);
		expect(tokens[2].line).toBe(1);
	});

	it('keeps every backslash pair verbatim except the escaped quote', () => {
		const [, , str] = tokenize(String.raw`x = "\w\b\\ \n \" \' end";`);
		expect(str.value).toBe(String.raw`\w\b\\ \n " \' end`);
		const [, , single] = tokenize(String.raw`x = 'it\'s \" ok';`);
		expect(single.value).toBe(String.raw`it's \" ok`);
	});

	it('closes a string after a trailing backslash pair', () => {
		const tokens = tokenize(String.raw`["C:\\", "x"]`);
		expect(tokens.map((t) => t.value ?? t.type)).toEqual([
			'[',
			String.raw`C:\\`,
			',',
			'x',
			']',
			'eof'
		]);
	});

	it('reads numbers as integers or decimals without sign or exponent', () => {
		expect(tokenize('007 1. 1.25').map((t) => t.value)).toEqual([7, 1, 1.25, undefined]);
		expect(types('1e3')).toEqual(['number', 'identifier', 'eof']);
		expect(() => tokenize('1.5.2')).toThrow(/column 4/);
	});

	it('tells keywords from identifiers that start with them', () => {
		expect(types('if elif else return true True false False iffy returned Trueish _x9')).toEqual([
			'if',
			'elif',
			'else',
			'return',
			'boolean',
			'boolean',
			'boolean',
			'boolean',
			'identifier',
			'identifier',
			'identifier',
			'identifier',
			'eof'
		]);
	});

	it('skips comments up to the end of the line but not inside strings', () => {
		expect(types('a # b "c"\n# d\n"#e"')).toEqual(['identifier', 'string', 'eof']);
	});

	it('reads == as one token and = as another', () => {
		expect(types('a == b = c')).toEqual([
			'identifier',
			'==',
			'identifier',
			'=',
			'identifier',
			'eof'
		]);
	});

	it('accepts a leading byte-order mark, form feeds and vertical tabs', () => {
		expect(types('\ufeffa\f\vb')).toEqual(['identifier', 'identifier', 'eof']);
	});

	it('rejects any other character with its position', () => {
		const err = lexError('ok = 1;\nx = a < b;');
		expect(err.details).toMatchObject({
			kind: 'ParsingError',
			reason: 'unexpected_character',
			line: 2,
			column: 7,
			start: 14,
			end: 15
		});
		expect(err.message).toContain("'<'");
		expect(lexError('x = é;').details.column).toBe(5);
		expect(lexError('x = 😀;').details).toMatchObject({ start: 4, end: 6 });
		expect(lexError('x = \u0001;').message).toContain('U+0001');
	});

	it('rejects an unterminated string at its opening quote', () => {
		const err = lexError('a = 1;\nb = "abc');
		expect(err.details).toMatchObject({ reason: 'unterminated_string', line: 2, column: 5 });
		expect(lexError('a = "abc\\').details.reason).toBe('unterminated_string');
	});
});
