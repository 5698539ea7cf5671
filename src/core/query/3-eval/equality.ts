/**
 * Equality of values (query-language.md sections 4.2 and 5.5). `==` demands the same type at
 * the top level and treats `None == None` as false there (a Rust quirk kept on purpose); inside
 * lists and dicts values of different types are simply unequal and None equals None. Events are
 * equal when timestamp, duration and data are equal; ids are ignored. Functions cannot be
 * compared at all.
 */
import type { Event } from '../../model/event';
import { jsonEqual } from '../../model/json';
import { functionsNotComparable, invalidOperands, type Span } from '../errors';
import { QueryFunction, typeName, type Value } from './values';

/** Deep, type-strict equality as used inside containers and by `contains`. */
export function deepEqual(a: Value, b: Value, span?: Span): boolean {
	if (a instanceof QueryFunction || b instanceof QueryFunction) functionsNotComparable(span);
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;

	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i], span)) return false;
		return true;
	}
	if (Array.isArray(b)) return false;

	if (a instanceof Map || b instanceof Map) {
		if (!(a instanceof Map) || !(b instanceof Map) || a.size !== b.size) return false;
		for (const [key, value] of a) {
			if (!b.has(key) || !deepEqual(value, b.get(key) as Value, span)) return false;
		}
		return true;
	}

	const x = a as Event;
	const y = b as Event;
	return x.timestamp === y.timestamp && x.duration === y.duration && jsonEqual(x.data, y.data);
}

/** The `==` operator: an InvalidType error across types, false for None == None. */
export function equalsOperator(a: Value, b: Value, span?: Span): boolean {
	const left = typeName(a);
	const right = typeName(b);
	if (left === 'Function' || right === 'Function') functionsNotComparable(span);
	if (left !== right) invalidOperands('==', `a ${left}`, `a ${right}`, span);
	if (left === 'None') return false;
	return deepEqual(a, b, span);
}
