/**
 * Turning a result value into JSON-ready data (query-language.md section 4.3): None → null,
 * non-finite numbers → null, Dicts → objects in insertion order, Events → exactly
 * `{id, timestamp, duration, data}` with a `Z` timestamp and the duration in seconds. A function
 * anywhere in the value is an InvalidType error.
 *
 * The `data` objects of events are passed through, not copied: they may be shared with the
 * event source, so callers must treat results as read-only (structured cloning across the
 * worker boundary or JSON encoding makes the copy).
 */
import { eventToJson } from '../../model/event';
import { functionNotReturnable } from '../errors';
import { QueryFunction, type Value } from './values';

function setKey(out: Record<string, unknown>, key: string, value: unknown): void {
	// Assigning `__proto__` would change the object's prototype instead of adding a key.
	if (key === '__proto__')
		Object.defineProperty(out, key, {
			value,
			enumerable: true,
			writable: true,
			configurable: true
		});
	else out[key] = value;
}

/** The JSON-ready form of a result value; InvalidType if it holds a function. */
export function serialize(value: Value): unknown {
	if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (Array.isArray(value)) return value.map(serialize);
	if (value instanceof Map) {
		const out: Record<string, unknown> = {};
		for (const [key, item] of value) setKey(out, key, serialize(item));
		return out;
	}
	if (value instanceof QueryFunction) functionNotReturnable(value.name);
	return eventToJson(value as never);
}
