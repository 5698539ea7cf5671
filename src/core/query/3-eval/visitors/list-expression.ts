import type { ListExpression as ListNode } from '../../1-parse/ast';
import type { EvalContext } from '../context';
import { evaluate } from '../interpreter';
import type { Value } from '../values';

/** `[a, b, ...]`: the elements evaluated left to right. */
export async function ListExpression(node: ListNode, ctx: EvalContext): Promise<Value> {
	const out: Value[] = [];
	for (const element of node.elements) out.push(await evaluate(element, ctx));
	return out;
}
