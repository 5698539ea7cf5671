/**
 * The Activity view's Top Bucket Data box (dashboard spec 2.2): one bucket's raw events of the
 * period (no AFK filtering) grouped by the value of one data field and summed. The field is a
 * dotted path into the event data (`a.b` reads `data.a.b`), picked from the fields of the
 * bucket's newest events or typed in. The grouping runs as a query in the worker: merging by
 * the path's first key there leaves one event per distinct value of that key, and the page
 * regroups those few by the full path.
 */
import type { EventJson, EventData } from '../../core/model/event';
import type { JsonValue } from '../../core/model/json';
import { quoteId } from '../../core/queries';
import { hashColor, type BarRow } from './bar-rows';

/** How many events the field list is discovered from. */
export const DISCOVERY_LIMIT = 100;

/** How many rows the box lists, as the other lists of the page. */
export const ROW_LIMIT = 100;

/** The box's choice, as stored in its `props`. */
export type BucketDataChoice = { bucketId: string; field: string; customField: string };

const isObject = (v: unknown): v is Record<string, JsonValue> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a box's `props`; anything missing or of the wrong type is empty. */
export function readChoice(props: Record<string, unknown> | undefined): BucketDataChoice {
	const text = (v: unknown) => (typeof v === 'string' ? v : '');
	return {
		bucketId: text(props?.bucketId),
		field: text(props?.field),
		customField: text(props?.customField)
	};
}

/** The path the box groups by: the picked field, or else the custom path. */
export function chosenPath(choice: BucketDataChoice): string {
	return choice.field !== '' ? choice.field : choice.customField.trim();
}

function collectPaths(value: JsonValue, prefix: string, out: Set<string>): void {
	if (!isObject(value) || Object.keys(value).length === 0) {
		if (prefix !== '') out.add(prefix);
		return;
	}
	for (const [key, inner] of Object.entries(value)) {
		collectPaths(inner, prefix === '' ? key : `${prefix}.${key}`, out);
	}
}

/** The dotted paths to every non-object value in the events' data, sorted. */
export function dataFields(events: readonly { data: EventData }[]): string[] {
	const out = new Set<string>();
	for (const e of events) collectPaths(e.data, '', out);
	return [...out].sort();
}

/** The value at a dotted path of `data`, or undefined when the path leads nowhere. */
export function valueAt(data: EventData, path: string): JsonValue | undefined {
	let value: JsonValue | undefined = data;
	for (const key of path.split('.')) {
		if (!isObject(value) || !Object.hasOwn(value, key)) return undefined;
		value = value[key];
	}
	return value;
}

/**
 * Events summed by their value at `path`, longest first, at most `ROW_LIMIT` rows; events
 * without a value there are left out. Durations in seconds, as query results give them.
 */
export function groupByPath(events: readonly EventJson[], path: string): BarRow[] {
	const sums = new Map<string, number>();
	for (const e of events) {
		const value = valueAt(e.data, path);
		if (value === undefined) continue;
		const name = typeof value === 'string' ? value : JSON.stringify(value);
		sums.set(name, (sums.get(name) ?? 0) + e.duration);
	}
	return [...sums]
		.sort((a, b) => b[1] - a[1])
		.slice(0, ROW_LIMIT)
		.map(([name, seconds]) => ({ name, seconds, color: hashColor(name) }));
}

/** The query that merges the bucket's events of the period by the first key of `path`. */
export function bucketDataQuery(bucketId: string, path: string): string[] {
	const key = path.split('.')[0];
	return [
		`events = query_bucket(${quoteId(bucketId)});`,
		`events = merge_events_by_keys(events, [${quoteId(key)}]);`,
		'RETURN = sort_by_duration(events);'
	];
}
