/**
 * The binary operators (query-language.md section 5.5), all of one precedence level. Any operand
 * combination not listed there is an InvalidType error naming both types.
 */
import { divisionByZero, invalidOperands, type Span } from '../errors';
import type { BinaryOperator } from '../1-parse/ast';
import { equalsOperator } from './equality';
import { describe, type Value } from './values';

function reject(operator: BinaryOperator, left: Value, right: Value, span?: Span): never {
	invalidOperands(operator, describe(left), describe(right), span);
}

function plus(left: Value, right: Value, span?: Span): Value {
	if (typeof left === 'number' && typeof right === 'number') return left + right;
	if (typeof left === 'string' && typeof right === 'string') return left + right;
	if (Array.isArray(left) && Array.isArray(right)) return [...left, ...right];
	reject('+', left, right, span);
}

function arithmetic(operator: BinaryOperator, left: Value, right: Value, span?: Span): number {
	if (typeof left !== 'number' || typeof right !== 'number') reject(operator, left, right, span);
	switch (operator) {
		case '-':
			return left - right;
		case '*':
			return left * right;
		case '/':
			if (right === 0) divisionByZero(span);
			return left / right;
		default:
			// The sign follows the left operand; a zero divisor gives NaN (serialized as null).
			return left % right;
	}
}

/** Applies `operator` to two evaluated operands. */
export function applyOperator(
	operator: BinaryOperator,
	left: Value,
	right: Value,
	span?: Span
): Value {
	if (operator === '+') return plus(left, right, span);
	if (operator === '==') return equalsOperator(left, right, span);
	return arithmetic(operator, left, right, span);
}
