/**
 * Settings rules (rest-api.md 4.17 to 4.20, the Rust server's semantics): keys are compared
 * exactly, any JSON value is stored as given (`null` and `false` included). The router refuses
 * keys of 128 characters or more; the store refuses only what no caller should send.
 */
import { HindsightError } from '../core/errors';
import type { JsonValue } from '../core/model/json';

/** The longest key the store accepts. */
export const MAX_SETTING_KEY = 1024;

/** Nesting deeper than this is refused (a guard against pathological values). */
const MAX_DEPTH = 64;

/** The setting that names this device (`info().hostname`). */
export const DEVICE_NAME_SETTING = 'deviceName';

export function checkSettingKey(key: unknown): asserts key is string {
	if (typeof key !== 'string' || key.length === 0 || key.length > MAX_SETTING_KEY) {
		const shown =
			typeof key === 'string' ? `${key.slice(0, 40)}${key.length > 40 ? '…' : ''}` : String(key);
		throw new HindsightError(
			'invalid_argument',
			`The settings key '${shown}' is not a string of 1 to ${MAX_SETTING_KEY} characters`,
			{ field: 'key' }
		);
	}
}

function isJson(value: unknown, depth: number): boolean {
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
	if (typeof value === 'number') return Number.isFinite(value);
	if (typeof value !== 'object' || depth > MAX_DEPTH) return false;
	if (Array.isArray(value)) return value.every((item) => isJson(item, depth + 1));
	if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
		return false;
	}
	return Object.values(value).every((item) => isJson(item, depth + 1));
}

export function checkSettingValue(key: string, value: unknown): asserts value is JsonValue {
	if (!isJson(value, 0)) {
		throw new HindsightError(
			'invalid_argument',
			`The value for setting '${key}' is not plain JSON (strings, finite numbers, booleans, ` +
				'null, arrays and objects)',
			{ field: 'value', key }
		);
	}
}
