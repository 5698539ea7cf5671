import { describe, expect, it } from 'vitest';
import { codeFrame, toDiagnostic } from '../../../src/core/query/diagnostics';
import { HindsightError } from '../../../src/core/errors';
import { QueryError } from '../../../src/core/query/errors';
import { parseQuery } from '../../../src/core/query/run';

function failure(text: string): QueryError {
	try {
		parseQuery(text);
	} catch (err) {
		return err as QueryError;
	}
	throw new Error('parsed');
}

describe('codeFrame', () => {
	it('shows up to two lines around the culprit with carets under it', () => {
		const text = 'a = 1;\nb = 2;\nc = [1,];\nd = 4;\ne = 5;\nf = 6;';
		expect(codeFrame(text, text.indexOf(',]'), text.indexOf(',]') + 1)).toBe(
			['1: a = 1;', '2: b = 2;', '3: c = [1,];', '         ^', '4: d = 4;', '5: e = 5;'].join('\n')
		);
	});

	it('marks the whole range on its first line and widens line numbers as needed', () => {
		const text = Array.from({ length: 10 }, (_, i) => `x${i} = ${i};`).join('\n');
		const start = text.indexOf('x9');
		const frame = codeFrame(text, start, start + 2).split('\n');
		expect(frame.slice(-2)).toEqual(['10: x9 = 9;', '    ^^']);
		expect(frame[0]).toBe(' 8: x7 = 7;');
	});

	it('points at the end of the text for an error at the end of input', () => {
		expect(codeFrame('a =', 3, 3)).toBe('1: a =\n      ^');
	});
});

describe('toDiagnostic', () => {
	it('carries code, kind, message, position and frame of a parse error', () => {
		const text = 'RETURN = [1 2];';
		const diagnostic = toDiagnostic(failure(text), text);
		expect(diagnostic).toMatchObject({
			code: 'unexpected_token',
			kind: 'ParsingError',
			position: [12, 13],
			line: 1,
			column: 13
		});
		expect(diagnostic.message).toContain("'2'");
		expect(diagnostic.frame).toBe('1: RETURN = [1 2];\n               ^');
	});

	it('has an empty frame for an error without a position', () => {
		const error = new QueryError('EmptyQuery', 'return_not_assigned', 'no RETURN');
		expect(toDiagnostic(error, 'a = 1;')).toEqual({
			code: 'return_not_assigned',
			kind: 'EmptyQuery',
			message: 'no RETURN',
			frame: ''
		});
	});

	it('survives serialization to JSON with code and details intact', () => {
		const error = failure('x = @;');
		expect(JSON.parse(JSON.stringify(error))).toMatchObject({
			name: 'HindsightError',
			code: 'query_failed',
			details: {
				kind: 'ParsingError',
				reason: 'unexpected_character',
				line: 1,
				column: 5,
				offset: 4
			}
		});
	});
});

describe('toDiagnostic across the worker boundary', () => {
	it('reads the position from a rebuilt HindsightError', () => {
		const text = 'RETURN = [1,];';
		const rebuilt = HindsightError.fromJSON(JSON.parse(JSON.stringify(failure(text))));
		expect(toDiagnostic(rebuilt, text)).toMatchObject({
			code: 'trailing_comma',
			kind: 'ParsingError',
			line: 1,
			column: 12
		});
	});

	it('gives other errors their code and no kind', () => {
		const timeout = new HindsightError('timeout', 'too slow');
		expect(toDiagnostic(timeout, 'x')).toEqual({
			code: 'timeout',
			kind: null,
			message: 'too slow',
			frame: ''
		});
	});
});
