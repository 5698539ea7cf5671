import type { ExpressionStatement as ExpressionNode } from '../../1-parse/ast';
import type { EvalContext } from '../context';
import { evaluate } from '../interpreter';

/** An expression used as a statement (`print(x);`): evaluated, its value dropped. */
export async function ExpressionStatement(node: ExpressionNode, ctx: EvalContext): Promise<void> {
	await evaluate(node.expression, ctx);
}
