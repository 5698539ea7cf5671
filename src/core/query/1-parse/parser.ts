/**
 * The parser (query-language.md section 3): a recursive descent over the tokens of lexer.ts.
 * Leniencies the engine allows on purpose: a missing `;` after the last statement of the program
 * or of a block, and empty statements anywhere. Rejections the reference servers do not all
 * make: trailing garbage, trailing commas, assignment to anything but a variable name, and
 * `return x = 1`.
 */
import {
	assignmentInReturn,
	invalidAssignmentTarget,
	nestedTooDeep,
	trailingComma,
	unexpectedToken,
	type Span
} from '../errors';
import type {
	BinaryOperator,
	CallExpression,
	DictEntry,
	DictExpression,
	Expression,
	IfStatement,
	ListExpression,
	Program,
	Statement,
	StringLiteral
} from './ast';
import { tokenize } from './lexer';
import type { Token, TokenType } from './tokens';

const BINARY: ReadonlySet<TokenType> = new Set(['+', '-', '*', '/', '%', '==']);

/**
 * How deep brackets, blocks and operator chains may nest. The parser and the evaluator recurse
 * once per level, so this keeps both far from the JavaScript stack limit.
 */
export const MAX_DEPTH = 1000;

const spanOf = (first: Span, last: Span): Span => ({
	start: first.start,
	end: last.end,
	line: first.line,
	column: first.column
});

class Parser {
	private index = 0;
	private depth = 0;

	constructor(
		private readonly text: string,
		private readonly tokens: Token[]
	) {}

	private peek(ahead = 0): Token {
		return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
	}

	private advance(): Token {
		const token = this.tokens[this.index];
		if (token.type !== 'eof') this.index++;
		return token;
	}

	/** The last token consumed, for the end of a node's span. */
	private previous(): Token {
		return this.tokens[this.index - 1];
	}

	private fail(expected: string, token = this.peek()): never {
		unexpectedToken(token.type === 'eof' ? null : token.text, expected, token);
	}

	private expect(type: TokenType, expected: string): Token {
		if (this.peek().type !== type) this.fail(expected);
		return this.advance();
	}

	program(): Program {
		const body = this.statements('eof');
		const end = this.peek();
		return { type: 'Program', body, start: 0, end: end.end, line: 1, column: 1 };
	}

	/** Statements up to (not including) a token of type `close`. */
	private statements(close: 'eof' | '}'): Statement[] {
		const body: Statement[] = [];
		while (this.peek().type !== close) {
			if (this.peek().type === 'eof') this.fail("'}'");
			if (this.peek().type === ';') {
				this.advance();
				continue;
			}
			body.push(this.statement(close));
		}
		return body;
	}

	private statement(close: 'eof' | '}'): Statement {
		if (this.peek().type === 'if') return this.ifStatement();
		const statement = this.simple();

		const next = this.peek();
		if (next.type === ';') this.advance();
		else if (next.type === '=') this.badAssignment(statement, next);
		else if (next.type !== close) this.fail(close === '}' ? "';' or '}'" : "';'");
		return statement;
	}

	private badAssignment(statement: Statement, equals: Token): never {
		if (statement.type === 'ReturnStatement') assignmentInReturn(equals);
		const target = this.text.slice(statement.start, statement.end);
		invalidAssignmentTarget(target, statement);
	}

	private simple(): Statement {
		const first = this.peek();
		if (first.type === 'return') {
			this.advance();
			const value = this.expression();
			return { type: 'ReturnStatement', value, ...spanOf(first, value) };
		}
		if (first.type === 'identifier' && this.peek(1).type === '=') {
			this.advance();
			this.advance();
			const target = { type: 'Identifier' as const, name: first.text, ...spanOf(first, first) };
			const value = this.expression();
			return { type: 'Assignment', target, value, ...spanOf(first, value) };
		}
		const expression = this.expression();
		return { type: 'ExpressionStatement', expression, ...spanOf(expression, expression) };
	}

	private ifStatement(): IfStatement {
		const first = this.advance();
		const branches = [{ test: this.expression(), body: this.block() }];
		while (this.peek().type === 'elif') {
			this.advance();
			branches.push({ test: this.expression(), body: this.block() });
		}
		let alternate: Statement[] | null = null;
		if (this.peek().type === 'else') {
			this.advance();
			alternate = this.block();
		}
		return { type: 'IfStatement', branches, alternate, ...spanOf(first, this.previous()) };
	}

	/** Runs `parse` one nesting level deeper, failing past MAX_DEPTH. */
	private nested<T>(levels: number, parse: () => T): T {
		this.depth += levels;
		if (this.depth > MAX_DEPTH) nestedTooDeep(MAX_DEPTH, this.peek());
		try {
			return parse();
		} finally {
			this.depth -= levels;
		}
	}

	private block(): Statement[] {
		this.expect('{', "'{' to open the block");
		const body = this.nested(1, () => this.statements('}'));
		this.advance();
		return body;
	}

	private expression(): Expression {
		return this.nested(1, () => {
			let left = this.operand();
			let chain = 0;
			while (BINARY.has(this.peek().type)) {
				// A chain evaluates left-deep: each operator is one more level.
				if (++chain + this.depth > MAX_DEPTH) nestedTooDeep(MAX_DEPTH, this.peek());
				const operator = this.advance().type as BinaryOperator;
				const right = this.operand();
				left = { type: 'BinaryExpression', operator, left, right, ...spanOf(left, right) };
			}
			return left;
		});
	}

	private operand(): Expression {
		const token = this.peek();
		switch (token.type) {
			case 'identifier':
				this.advance();
				if (this.peek().type === '(') return this.call(token);
				return { type: 'Identifier', name: token.text, ...spanOf(token, token) };
			case 'number':
				this.advance();
				return {
					type: 'NumberLiteral',
					value: token.value as number,
					raw: token.text,
					...spanOf(token, token)
				};
			case 'string':
				return this.stringLiteral();
			case 'boolean':
				this.advance();
				return { type: 'BooleanLiteral', value: token.value as boolean, ...spanOf(token, token) };
			case '(':
				return this.parenthesized();
			case '[':
				return this.list();
			case '{':
				return this.dict();
			default:
				this.fail('an expression');
		}
	}

	private stringLiteral(): StringLiteral {
		const token = this.advance();
		return {
			type: 'StringLiteral',
			value: token.value as string,
			raw: token.text,
			...spanOf(token, token)
		};
	}

	private parenthesized(): Expression {
		this.advance();
		const inner = this.expression();
		this.expect(')', "')'");
		return inner;
	}

	/** Comma-separated items up to `close`, rejecting trailing commas. */
	private items<T>(close: ')' | ']' | '}', item: () => T): T[] {
		const out: T[] = [];
		if (this.peek().type === close) {
			this.advance();
			return out;
		}
		for (;;) {
			out.push(item());
			const next = this.peek();
			if (next.type === close) {
				this.advance();
				return out;
			}
			if (next.type !== ',') this.fail(`',' or '${close}'`);
			this.advance();
			if (this.peek().type === close) trailingComma(next);
		}
	}

	private call(name: Token): CallExpression {
		this.advance();
		const args = this.items(')', () => this.expression());
		const callee = { type: 'Identifier' as const, name: name.text, ...spanOf(name, name) };
		return { type: 'CallExpression', callee, arguments: args, ...spanOf(name, this.previous()) };
	}

	private list(): ListExpression {
		const first = this.advance();
		const elements = this.items(']', () => this.expression());
		return { type: 'ListExpression', elements, ...spanOf(first, this.previous()) };
	}

	private dict(): DictExpression {
		const first = this.advance();
		const entries = this.items('}', (): DictEntry => {
			if (this.peek().type !== 'string') this.fail('a string key');
			const key = this.stringLiteral();
			this.expect(':', "':' after the key");
			return { key, value: this.expression() };
		});
		return { type: 'DictExpression', entries, ...spanOf(first, this.previous()) };
	}
}

/** Joins a request's query lines with line feeds, as the Rust server does (section 1). */
export function joinQuery(query: string | readonly string[]): string {
	return typeof query === 'string' ? query : query.join('\n');
}

/**
 * Parses program text (or the request's list of lines) into a Program. Throws a QueryError of
 * kind ParsingError with the position of the offending token; nothing is evaluated.
 */
export function parse(query: string | readonly string[]): Program {
	const text = joinQuery(query);
	return new Parser(text, tokenize(text)).program();
}
