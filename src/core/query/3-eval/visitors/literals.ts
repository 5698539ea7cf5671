import type {
	BooleanLiteral as BooleanNode,
	NumberLiteral as NumberNode,
	StringLiteral as StringNode
} from '../../1-parse/ast';
import type { Value } from '../values';

/** A number literal: an IEEE-754 double. */
export function NumberLiteral(node: NumberNode): Value {
	return node.value;
}

/** A string literal: its body, with only the escaped quote decoded by the lexer. */
export function StringLiteral(node: StringNode): Value {
	return node.value;
}

/** A boolean literal. */
export function BooleanLiteral(node: BooleanNode): Value {
	return node.value;
}
