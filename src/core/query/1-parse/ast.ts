/**
 * The syntax tree of a query program (query-language.md section 3). Node kinds are PascalCase
 * literals; each has one handler in 3-eval/visitors. Every node carries its source span: `start`
 * and `end` offsets (end exclusive) and the line and column of its first character.
 */
import type { Span } from '../errors';

export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '==';

export type Program = Span & { type: 'Program'; body: Statement[] };

export type Statement = Assignment | ReturnStatement | ExpressionStatement | IfStatement;

export type Assignment = Span & { type: 'Assignment'; target: Identifier; value: Expression };

/** `return expr;`: assigns RETURN and does not stop the program. */
export type ReturnStatement = Span & { type: 'ReturnStatement'; value: Expression };

export type ExpressionStatement = Span & { type: 'ExpressionStatement'; expression: Expression };

export type IfBranch = { test: Expression; body: Statement[] };

/** `if` with its `elif` branches in order; `alternate` is the `else` block or null. */
export type IfStatement = Span & {
	type: 'IfStatement';
	branches: IfBranch[];
	alternate: Statement[] | null;
};

export type Expression =
	| BinaryExpression
	| CallExpression
	| Identifier
	| NumberLiteral
	| StringLiteral
	| BooleanLiteral
	| ListExpression
	| DictExpression;

export type BinaryExpression = Span & {
	type: 'BinaryExpression';
	operator: BinaryOperator;
	left: Expression;
	right: Expression;
};

export type CallExpression = Span & {
	type: 'CallExpression';
	callee: Identifier;
	arguments: Expression[];
};

export type Identifier = Span & { type: 'Identifier'; name: string };

export type NumberLiteral = Span & { type: 'NumberLiteral'; value: number; raw: string };

/** `value` is the literal's body with only the escaped quote decoded. */
export type StringLiteral = Span & { type: 'StringLiteral'; value: string; raw: string };

export type BooleanLiteral = Span & { type: 'BooleanLiteral'; value: boolean };

export type ListExpression = Span & { type: 'ListExpression'; elements: Expression[] };

export type DictEntry = { key: StringLiteral; value: Expression };

/** Entries in source order; a repeated key is kept here and the last one wins at run time. */
export type DictExpression = Span & { type: 'DictExpression'; entries: DictEntry[] };

export type Node = Program | Statement | Expression;
