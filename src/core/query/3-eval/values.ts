/**
 * Run-time values (query-language.md section 4.1) and their JavaScript representation:
 *
 * | Query type | JavaScript                                   |
 * |------------|----------------------------------------------|
 * | None       | `null`                                       |
 * | Bool       | `boolean`                                    |
 * | Number     | `number` (IEEE-754 double)                   |
 * | String     | `string`                                     |
 * | List       | a frozen-by-convention array of values       |
 * | Dict       | a `Map` from string keys to values           |
 * | Event      | a model `Event` (plain object)               |
 * | Function   | a `QueryFunction` instance                   |
 *
 * Every value is immutable (section 5.4): no operation, function or transform modifies an array,
 * map or event it did not create itself, so variables can share values without copying.
 */
import type { Event } from '../../model/event';
import type { Span } from '../errors';
import type { EvalContext } from './context';

/** A Dict: string keys in insertion order. */
export type Dict = ReadonlyMap<string, Value>;

/** Any run-time value (see the table above). */
export type Value =
	null | boolean | number | string | readonly Value[] | Dict | Event | QueryFunction;

/** A value's type as messages name it. */
export type TypeName =
	'None' | 'Bool' | 'Number' | 'String' | 'List' | 'Dict' | 'Event' | 'Function';

/** A built-in function as a value: it can be assigned, aliased and called, never returned. */
export class QueryFunction {
	constructor(
		readonly name: string,
		readonly invoke: (
			args: readonly Value[],
			ctx: EvalContext,
			span?: Span
		) => Value | Promise<Value>
	) {}
}

/**
 * Lists known to hold only events. Lists built by functions are registered here, so checking an
 * argument of type Events is O(1) for them instead of a walk over thousands of events.
 */
const EVENT_LISTS = new WeakSet<readonly Value[]>();

/** Registers a list of events produced by the engine and returns it. */
export function eventList(events: readonly Event[]): readonly Value[] {
	EVENT_LISTS.add(events);
	return events;
}

/** True for an Event (a plain object that is no List, Dict or Function). */
export function isEvent(value: Value): value is Event {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		!(value instanceof Map) &&
		!(value instanceof QueryFunction)
	);
}

/** True for a Dict. */
export function isDict(value: Value): value is Dict {
	return value instanceof Map;
}

/** True when `value` is a List whose every element is an Event. */
export function isEventList(value: Value): value is readonly Event[] {
	if (!Array.isArray(value)) return false;
	if (EVENT_LISTS.has(value)) return true;
	for (const item of value) if (!isEvent(item)) return false;
	EVENT_LISTS.add(value);
	return true;
}

/** The type of a value. */
export function typeName(value: Value): TypeName {
	if (value === null) return 'None';
	switch (typeof value) {
		case 'boolean':
			return 'Bool';
		case 'number':
			return 'Number';
		case 'string':
			return 'String';
	}
	if (Array.isArray(value)) return 'List';
	if (value instanceof Map) return 'Dict';
	if (value instanceof QueryFunction) return 'Function';
	return 'Event';
}

/** A type name for messages: "a String", "a List of 3 items", "an Event". */
export function describe(value: Value): string {
	const name = typeName(value);
	if (name === 'List') {
		const n = (value as readonly Value[]).length;
		return `a List of ${n} item${n === 1 ? '' : 's'}`;
	}
	return name === 'Event' ? 'an Event' : `a ${name}`;
}
