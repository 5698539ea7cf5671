import type { Identifier as IdentifierNode } from '../../1-parse/ast';
import { variableNotDefined } from '../../errors';
import type { EvalContext } from '../context';
import type { Value } from '../values';

/** Reads a variable; a function name yields the function itself (5.2). */
export function Identifier(node: IdentifierNode, ctx: EvalContext): Value {
	const value = ctx.scope.get(node.name);
	if (value === undefined) variableNotDefined(node.name, node);
	return value;
}
