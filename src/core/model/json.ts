/** JSON values as they appear in event data, bucket data and settings. */
import { HindsightError } from '../errors';

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue };

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep equality of JSON values as ActivityWatch's data comparisons need it: same key set
 * regardless of order, arrays element by element, numbers by value, strings exactly, and `true`
 * never equal to `1`.
 */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;

	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
		return true;
	}
	if (Array.isArray(b)) return false;

	let count = 0;
	for (const key in a) {
		if (!Object.hasOwn(b, key) || !jsonEqual(a[key], b[key])) return false;
		count++;
	}
	for (const key in b) if (Object.hasOwn(b, key)) count--;
	return count === 0;
}

/**
 * Parses JSON text that a user handed in (a file, a field); `what` names it in the error, as in
 * "The settings file is not valid JSON: <the parser's reason>" (`invalid_json`).
 */
export function parseJson(text: string, what: string): unknown {
	try {
		return JSON.parse(text);
	} catch (err) {
		const reason = err instanceof Error ? err.message : String(err);
		throw new HindsightError('invalid_json', `The ${what} is not valid JSON: ${reason}`);
	}
}
