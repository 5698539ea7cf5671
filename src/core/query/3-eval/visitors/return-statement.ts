import type { ReturnStatement as ReturnNode } from '../../1-parse/ast';
import type { EvalContext } from '../context';
import { evaluate } from '../interpreter';

/** `return expr;` assigns RETURN; execution goes on with the next statement (3, 5.6). */
export async function ReturnStatement(node: ReturnNode, ctx: EvalContext): Promise<void> {
	const value = await evaluate(node.value, ctx);
	ctx.scope.set('RETURN', value);
}
