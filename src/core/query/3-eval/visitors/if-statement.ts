import type { IfStatement as IfNode } from '../../1-parse/ast';
import { conditionNotBool } from '../../errors';
import type { EvalContext } from '../context';
import { evaluate, execute } from '../interpreter';
import { describe } from '../values';

/**
 * Tries the conditions in order and runs the first block whose condition is true, else the
 * `else` block. Conditions must be Bools. Blocks open no scope: their assignments stay (5.3).
 */
export async function IfStatement(node: IfNode, ctx: EvalContext): Promise<void> {
	for (const branch of node.branches) {
		const test = await evaluate(branch.test, ctx);
		if (typeof test !== 'boolean') conditionNotBool(describe(test), branch.test);
		if (test) return execute(branch.body, ctx);
	}
	if (node.alternate) await execute(node.alternate, ctx);
}
