import type { CallExpression as CallNode } from '../../1-parse/ast';
import { functionNotDefined, notAFunction } from '../../errors';
import type { EvalContext } from '../context';
import { evaluate } from '../interpreter';
import { QueryFunction, typeName, type Value } from '../values';

/**
 * A call, in the order of section 5.3: every argument is evaluated first (left to right), then
 * the name is looked up (unknown: VariableNotDefined; not a function: InvalidType), and only then
 * does the function count and convert its arguments.
 */
export async function CallExpression(node: CallNode, ctx: EvalContext): Promise<Value> {
	const args: Value[] = [];
	for (const argument of node.arguments) args.push(await evaluate(argument, ctx));

	const name = node.callee.name;
	const callee = ctx.scope.get(name);
	if (callee === undefined) functionNotDefined(name, node.callee);
	if (!(callee instanceof QueryFunction)) notAFunction(name, typeName(callee), node.callee);

	ctx.request.budget.check();
	return callee.invoke(args, ctx, node);
}
