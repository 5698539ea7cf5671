/**
 * Utilities (query-language.md 8.8): `contains`, `print` and `nop`.
 */
import { createLogger } from '../../../log';
import { invalidParameter } from '../../errors';
import { deepEqual } from '../equality';
import { serialize } from '../serialize';
import { describe, isDict, typeName, type Value } from '../values';
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

/**
 * Returns None. The log only gets the types of the arguments, never their contents (event data
 * is private); a caller that wants to show the values passes `onPrint`.
 */
const print = defineVariadic('print', anyValue, (args, ctx) => {
	log.debug('print', { types: args.map(typeName).join(', ') });
	ctx.request.hooks.onPrint?.(
		args.map((arg) => (typeName(arg) === 'Function' ? `<function>` : serialize(arg)))
	);
	return null;
});

/** Returns 1 (a Python server function, kept for its tests). */
const nop = define('nop', [], () => 1);

export const UTILITIES = [contains, print, nop];
