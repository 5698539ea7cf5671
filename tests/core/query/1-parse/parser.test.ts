import { describe, expect, it } from 'vitest';
import type { BinaryExpression, Expression } from '../../../../src/core/query/1-parse/ast';
import { joinQuery, parse } from '../../../../src/core/query/1-parse/parser';
import { QueryError } from '../../../../src/core/query/errors';

function parseError(text: string): QueryError {
	try {
		parse(text);
	} catch (err) {
		if (err instanceof QueryError) return err;
		throw err;
	}
	throw new Error(`parsed: ${text}`);
}

/** A compact form of an expression: binary operations as nested arrays. */
function shape(node: Expression): unknown {
	switch (node.type) {
		case 'BinaryExpression':
			return [shape(node.left), node.operator, shape(node.right)];
		case 'NumberLiteral':
		case 'StringLiteral':
		case 'BooleanLiteral':
			return node.value;
		case 'Identifier':
			return node.name;
		case 'CallExpression':
			return { call: node.callee.name, args: node.arguments.map(shape) };
		case 'ListExpression':
			return node.elements.map(shape);
		case 'DictExpression':
			return Object.fromEntries(node.entries.map((e) => [e.key.value, shape(e.value)]));
	}
}

function expression(text: string): Expression {
	const [statement] = parse(`RETURN = ${text};`).body;
	if (statement.type !== 'Assignment') throw new Error('not an assignment');
	return statement.value;
}

describe('parse', () => {
	it('gives every operator one precedence level, associating to the left', () => {
		expect(shape(expression('1 + 2 * 3'))).toEqual([[1, '+', 2], '*', 3]);
		expect(shape(expression('1 == 1 + 1'))).toEqual([[1, '==', 1], '+', 1]);
		expect(shape(expression('1 - (2 - 3)'))).toEqual([1, '-', [2, '-', 3]]);
	});

	it('reads calls, lists and dicts, with whitespace allowed before the parenthesis', () => {
		expect(shape(expression('f (a, [1, "x"], {"k": g()})'))).toEqual({
			call: 'f',
			args: ['a', [1, 'x'], { k: { call: 'g', args: [] } }]
		});
	});

	it('gives nodes the span of their source text', () => {
		const text = 'x = 1;\nRETURN = foo(x,\n  [2]) + 3;';
		const [, statement] = parse(text).body;
		expect(statement).toMatchObject({ type: 'Assignment', line: 2, column: 1 });
		const value = (statement as { value: BinaryExpression }).value;
		expect(text.slice(value.start, value.end)).toBe('foo(x,\n  [2]) + 3');
		expect(text.slice(value.left.start, value.left.end)).toBe('foo(x,\n  [2])');
		expect([value.right.line, value.right.column]).toEqual([3, 10]);
	});

	it('builds if statements with their elif branches and else block', () => {
		const [node] = parse('if a { x = 1; } elif b { } elif c { y = 2 } else { z = 3; }').body;
		expect(node.type).toBe('IfStatement');
		if (node.type !== 'IfStatement') return;
		expect(node.branches.map((b) => [shape(b.test), b.body.length])).toEqual([
			['a', 1],
			['b', 0],
			['c', 1]
		]);
		expect(node.alternate).toHaveLength(1);
	});

	it('reads a dict right after the if keyword as the condition and the next brace as the block', () => {
		const [node] = parse('if {"a": 1} == {"a": 1} { x = 1; }').body;
		expect(node.type === 'IfStatement' && shape(node.branches[0].test)).toEqual([
			{ a: 1 },
			'==',
			{ a: 1 }
		]);
	});

	it('accepts empty statements and a missing final semicolon in the program and in blocks', () => {
		expect(parse(';; a = 1;; ;').body).toHaveLength(1);
		expect(parse('a = 1').body).toHaveLength(1);
		expect(parse('if true { a = 1 } b = 2').body).toHaveLength(2);
		expect(parse('').body).toEqual([]);
	});

	it('names the offending token or the end of input, with its position', () => {
		const err = parseError('a = 1;\nb = (1 + ;');
		expect(err.details).toMatchObject({
			kind: 'ParsingError',
			reason: 'unexpected_token',
			line: 2,
			column: 10
		});
		expect(err.message).toMatch(
			/Unexpected token ';' at line 2, column 10: expected an expression/
		);
		expect(parseError('a = f(1').message).toContain('end of input');
	});

	it('rejects trailing commas, pointing at the comma', () => {
		for (const text of ['x = [1,];', 'x = {"a": 1,};', 'x = f(1,);']) {
			expect(parseError(text).details.reason).toBe('trailing_comma');
		}
	});

	it('rejects assignment to anything but a variable, and return with an assignment', () => {
		expect(parseError('f() = 1;').message).toContain("'f()'");
		expect(parseError('"a" = 1;').details.reason).toBe('invalid_assignment_target');
		expect(parseError('return x = 1;').details).toMatchObject({
			reason: 'assignment_in_return',
			column: 10
		});
	});

	it('rejects assignments used as expressions', () => {
		expect(parseError('x = (y = 1);').details.reason).toBe('unexpected_token');
		expect(parseError('f(y = 1);').details.reason).toBe('unexpected_token');
	});

	it('rejects dict keys that are not string literals', () => {
		expect(parseError('x = {1: 2};').message).toContain('expected a string key');
	});

	it('joins request lines with line feeds', () => {
		expect(joinQuery(['a = 1;', 'b = 2;'])).toBe('a = 1;\nb = 2;');
		expect(parse(['a = 1;', '# c', 'RETURN = a;']).body).toHaveLength(2);
	});
});
