import { describe, expect, it } from 'vitest';
import { joinStatements, splitStatements } from '../../../src/core/queries';

describe('splitStatements', () => {
	it('cuts at semicolons, trims, drops empty statements and puts the semicolon back', () => {
		expect(splitStatements('  a = 1;\n\n b = 2 ;;; c = 3')).toEqual(['a = 1;', 'b = 2;', 'c = 3;']);
	});

	it('keeps semicolons inside double-quoted strings, honouring backslash escapes', () => {
		expect(splitStatements('a = "x;y"; b = "say \\"hi;\\" ok"; c = 1;')).toEqual([
			'a = "x;y";',
			'b = "say \\"hi;\\" ok";',
			'c = 1;'
		]);
	});

	it('keeps line feeds inside a statement', () => {
		expect(splitStatements('RETURN = {\n  "a": 1\n};')).toEqual(['RETURN = {\n  "a": 1\n};']);
	});

	it('joins statements with line feeds', () => {
		expect(joinStatements(['a = 1;', 'b = 2;'])).toBe('a = 1;\nb = 2;');
	});
});
