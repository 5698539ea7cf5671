/**
 * The tree walker: dispatches each node to the handler named after its kind (visitors/), runs
 * statements top to bottom, and produces a period's result (sections 5.3 and 5.6).
 */
import type { Expression, Program, Statement } from '../1-parse/ast';
import { emptyQuery } from '../errors';
import type { EvalContext } from './context';
import { serialize } from './serialize';
import type { Value } from './values';
import { Assignment } from './visitors/assignment';
import { BinaryExpression } from './visitors/binary-expression';
import { CallExpression } from './visitors/call-expression';
import { DictExpression } from './visitors/dict-expression';
import { ExpressionStatement } from './visitors/expression-statement';
import { Identifier } from './visitors/identifier';
import { IfStatement } from './visitors/if-statement';
import { ListExpression } from './visitors/list-expression';
import { BooleanLiteral, NumberLiteral, StringLiteral } from './visitors/literals';
import { ReturnStatement } from './visitors/return-statement';

type Handlers<N extends { type: string }, R> = {
	[K in N['type']]: (node: Extract<N, { type: K }>, ctx: EvalContext) => R;
};

const STATEMENTS: Handlers<Statement, Promise<void>> = {
	Assignment,
	ReturnStatement,
	ExpressionStatement,
	IfStatement
};

const EXPRESSIONS: Handlers<Expression, Value | Promise<Value>> = {
	BinaryExpression,
	CallExpression,
	Identifier,
	NumberLiteral,
	StringLiteral,
	BooleanLiteral,
	ListExpression,
	DictExpression
};

/** Evaluates an expression to a value. */
export function evaluate(node: Expression, ctx: EvalContext): Value | Promise<Value> {
	const handler = EXPRESSIONS[node.type] as (
		node: Expression,
		ctx: EvalContext
	) => Value | Promise<Value>;
	return handler(node, ctx);
}

/** Runs statements in order, checking the budget before each one. */
export async function execute(statements: readonly Statement[], ctx: EvalContext): Promise<void> {
	for (const statement of statements) {
		ctx.request.budget.check();
		const handler = STATEMENTS[statement.type] as (
			node: Statement,
			ctx: EvalContext
		) => Promise<void>;
		await handler(statement, ctx);
	}
}

/** Runs a whole program and serializes RETURN; EmptyQuery when RETURN was never assigned. */
export async function runProgram(program: Program, ctx: EvalContext): Promise<unknown> {
	await execute(program.body, ctx);
	const result = ctx.scope.get('RETURN');
	if (result === undefined) emptyQuery();
	return serialize(result);
}
