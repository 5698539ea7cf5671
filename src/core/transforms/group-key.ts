/**
 * Exact grouping keys for JSON values: two values get the same key exactly when they are deeply
 * equal (query-language.md 4.2): objects regardless of key order, arrays element by element,
 * numbers by value, `true` never equal to `1`, and no collisions between tuples such as
 * `"1"` and `1`. (Tuples of values are keyed level by level, see merge.ts.)
 *
 * Strings, the common case, take a fast path that copies the string without escaping.
 */
import type { JsonValue } from '../model/json';

function hasObject(value: JsonValue): boolean {
	if (typeof value !== 'object' || value === null) return false;
	if (!Array.isArray(value)) return true;
	for (let i = 0; i < value.length; i++) if (hasObject(value[i])) return true;
	return false;
}

/** JSON text with object keys sorted (by UTF-16 code units; any fixed order will do). */
function sortedJson(value: JsonValue): string {
	if (typeof value !== 'object' || value === null) return JSON.stringify(value);
	if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
	const keys = Object.keys(value).sort();
	return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJson(value[k])}`).join(',')}}`;
}

/**
 * A canonical text for one value. Canonical JSON never starts with `s`, so a raw string marked
 * `s` cannot meet any other value's text. Numbers go through JSON.stringify, which writes every
 * double by value (`1` and `1.0` are the same number; `-0` becomes `0`). Arrays without objects
 * are already canonical JSON.
 */
export function valueKey(value: JsonValue): string {
	if (typeof value === 'string') return 's' + value;
	return hasObject(value) ? sortedJson(value) : JSON.stringify(value);
}
