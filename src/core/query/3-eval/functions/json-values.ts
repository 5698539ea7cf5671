/**
 * Converting query values into the JSON values that transforms compare with event data. Only
 * None, Bool, Number, String and (nested) Lists of those qualify (filter_keyvals, section 8.2);
 * a Dict, Event or Function is an InvalidFunctionParameters error.
 */
import type { JsonValue } from '../../../model/json';
import { invalidParameter } from '../../errors';
import { describe, type Value } from '../values';
import type { ArgSite, Converter } from './signature';
import { mismatch } from './signature';

function toJson(value: Value, at: ArgSite, index: number): JsonValue {
	if (value === null || typeof value !== 'object') return value as JsonValue;
	if (Array.isArray(value)) return value.map((item) => toJson(item, at, index));
	invalidParameter(
		at.fn,
		`the values to compare may hold only None, Bool, Number, String or Lists of those, but item ${index + 1} holds ${describe(value)}`,
		at.span
	);
}

/** A List of comparable values, as JSON. */
export const jsonValues: Converter<JsonValue[]> = (value, at) => {
	if (!Array.isArray(value)) mismatch(at, 'a List of values', value);
	return value.map((item, i) => toJson(item, at, i));
};
