/**
 * Utilities (query-language.md 8.8): `contains`, `print` and `nop`.
 */
import { createLogger } from '../../../log';
import { invalidParameter } from '../../errors';
import { deepEqual } from '../equality';
import { serialize } from '../serialize';
import { describe, isDict, QueryFunction, typeName, type Value } from '../values';
import { anyValue, define, defineVariadic } from './signature';

const log = createLogger('query');

/** Membership in a List (deep, type-strict equality) or key presence in a Dict. */
const contains = define('contains', [anyValue, anyValue], ([container, value], _ctx, span) => {
	if (Array.isArray(container))
		return container.some((item: Value) => deepEqual(item, value, span));
	if (isDict(container)) {
		if (typeof value !== 'string') {
			invalidParameter(
				'contains',
				`a Dict's keys are Strings, so the value must be a String, got ${describe(value)}`,
				span
			);
		}
		return container.has(value);
	}
	invalidParameter(
		'contains',
		`the container must be a List or a Dict, got ${describe(container)}`,
		span
	);
});

/** The JSON form of a value for `onPrint`, with functions shown as `<function name>`. */
function printable(value: Value): unknown {
	if (value instanceof QueryFunction) return `<function ${value.name}>`;
	if (Array.isArray(value)) return value.map(printable);
	if (isDict(value)) return Object.fromEntries([...value].map(([k, v]) => [k, printable(v)]));
	return serialize(value);
}

/**
 * Returns None. The log only gets the types of the arguments, never their contents (event data
 * is private); a caller that wants to show the values passes `onPrint`.
 */
const print = defineVariadic('print', anyValue, (args, ctx) => {
	log.debug('print', { types: args.map(typeName).join(', ') });
	ctx.request.hooks.onPrint?.(args.map(printable));
	return null;
});

/** Returns 1 (a Python server function, kept for its tests). */
const nop = define('nop', [], () => 1);

/** `contains`, `print` and `nop`. */
export const UTILITIES = [contains, print, nop];
