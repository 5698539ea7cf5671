/**
 * The syntax tree of a query program (query-language.md section 3). Node kinds are PascalCase
 * literals; each has one handler in 3-eval/visitors. Every node carries its source span: `start`
 * and `end` offsets (end exclusive) and the line and column of its first character.
 */
import type { Span } from '../errors';

/** The binary operators, all of one precedence level. */
export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '==';

/** A whole program: its statements in order. */
export type Program = Span & { type: 'Program'; body: Statement[] };

/** Any statement. */
export type Statement = Assignment | ReturnStatement | ExpressionStatement | IfStatement;

/** `name = expr;`. */
export type Assignment = Span & { type: 'Assignment'; target: Identifier; value: Expression };

/** `return expr;`: assigns RETURN and does not stop the program. */
export type ReturnStatement = Span & { type: 'ReturnStatement'; value: Expression };

/** An expression whose value is dropped (`print(x);`). */
export type ExpressionStatement = Span & { type: 'ExpressionStatement'; expression: Expression };

/** One `if` or `elif` condition and its block. */
export type IfBranch = { test: Expression; body: Statement[] };

/** `if` with its `elif` branches in order; `alternate` is the `else` block or null. */
export type IfStatement = Span & {
	type: 'IfStatement';
	branches: IfBranch[];
	alternate: Statement[] | null;
};

/** Any expression. */
export type Expression =
	| BinaryExpression
	| CallExpression
	| Identifier
	| NumberLiteral
	| StringLiteral
	| BooleanLiteral
	| ListExpression
	| DictExpression;

/** `left operator right`. */
export type BinaryExpression = Span & {
	type: 'BinaryExpression';
	operator: BinaryOperator;
	left: Expression;
	right: Expression;
};

/** `name(args...)`; the callee is always an identifier. */
export type CallExpression = Span & {
	type: 'CallExpression';
	callee: Identifier;
	arguments: Expression[];
};

/** A variable or function name. */
export type Identifier = Span & { type: 'Identifier'; name: string };

/** A number; `raw` is the source text. */
export type NumberLiteral = Span & { type: 'NumberLiteral'; value: number; raw: string };

/** `value` is the literal's body with only the escaped quote decoded. */
export type StringLiteral = Span & { type: 'StringLiteral'; value: string; raw: string };

/** `true`/`True` or `false`/`False`. */
export type BooleanLiteral = Span & { type: 'BooleanLiteral'; value: boolean };

/** `[a, b, ...]`. */
export type ListExpression = Span & { type: 'ListExpression'; elements: Expression[] };

/** One `"key": value` entry. */
export type DictEntry = { key: StringLiteral; value: Expression };

/** Entries in source order; a repeated key is kept here and the last one wins at run time. */
export type DictExpression = Span & { type: 'DictExpression'; entries: DictEntry[] };

/** Any node. */
export type Node = Program | Statement | Expression;
