import type { Assignment as AssignmentNode } from '../../1-parse/ast';
import type { EvalContext } from '../context';
import { evaluate } from '../interpreter';

/** `name = expr;`: creates or overwrites a variable, which may shadow a function (5.2). */
export async function Assignment(node: AssignmentNode, ctx: EvalContext): Promise<void> {
	const value = await evaluate(node.value, ctx);
	ctx.scope.set(node.target.name, value);
}
