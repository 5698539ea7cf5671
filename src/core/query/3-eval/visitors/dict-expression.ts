import type { DictExpression as DictNode } from '../../1-parse/ast';
import type { EvalContext } from '../context';
import { evaluate } from '../interpreter';
import type { Value } from '../values';

/** `{"k": v, ...}`: values evaluated in source order; a repeated key keeps the last value. */
export async function DictExpression(node: DictNode, ctx: EvalContext): Promise<Value> {
	const out = new Map<string, Value>();
	for (const entry of node.entries) out.set(entry.key.value, await evaluate(entry.value, ctx));
	return out;
}
