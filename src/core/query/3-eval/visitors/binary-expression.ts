import type { BinaryExpression as BinaryNode } from '../../1-parse/ast';
import type { EvalContext } from '../context';
import { evaluate } from '../interpreter';
import { applyOperator } from '../operators';
import type { Value } from '../values';

/** Evaluates the left operand, then the right one, then applies the operator (5.3, 5.5). */
export async function BinaryExpression(node: BinaryNode, ctx: EvalContext): Promise<Value> {
	const left = await evaluate(node.left, ctx);
	const right = await evaluate(node.right, ctx);
	return applyOperator(node.operator, left, right, node);
}
