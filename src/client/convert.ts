/**
 * Data conversion between the client's values and the wire (client.md section 8). Outgoing
 * events get defaults and ISO timestamps; incoming events and buckets get `Date`s. Query
 * results and export documents are passed through untouched.
 */
import { HindsightError } from '../core/errors';
import { createLogger } from '../core/log';
import { instantToDate, tryParseInstant } from '../core/model/time';
import type { EventInput, IBucket, IEvent } from './types';

const log = createLogger('client');

/** An event as it is posted. `id` is present only when it is a number. */
export type WireEvent = {
	id?: number;
	timestamp: string;
	duration: number;
	data: Record<string, unknown>;
};

/** Sends a `Date` as `toISOString()` and a string unchanged (it may carry microseconds). */
export function timestampText(value: Date | string, what = 'timestamp'): string {
	if (typeof value === 'string') return value;
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
	throw new HindsightError(
		'invalid_timestamp',
		`The ${what} must be a valid Date or an RFC 3339 string, got ${String(value)}`,
		{ field: what }
	);
}

export function toWireEvent(event: EventInput): WireEvent {
	if (typeof event !== 'object' || event === null) {
		throw new HindsightError('invalid_event', `An event must be an object, got ${String(event)}`, {
			field: 'event'
		});
	}
	const wire: WireEvent = {
		timestamp: timestampText(event.timestamp),
		duration: event.duration ?? 0,
		data: event.data ?? {}
	};
	if (typeof event.id === 'number') return { id: event.id, ...wire };
	return wire;
}

/** A `Date` from a server timestamp; sub-millisecond digits are dropped. */
export function parseDate(text: string): Date {
	const micros = tryParseInstant(text, 'lenient');
	return micros === null ? new Date(text) : instantToDate(micros);
}

type RawEvent = { id?: number; timestamp: string; duration?: number; data: IEvent['data'] };

export function fromWireEvent(raw: unknown): IEvent {
	const event = raw as RawEvent;
	return { ...event, timestamp: parseDate(event.timestamp) };
}

export function fromWireEvents(raw: unknown): IEvent[] {
	return Array.isArray(raw) ? raw.map(fromWireEvent) : [];
}

type RawBucket = Omit<IBucket, 'created' | 'last_updated' | 'last_update'> & {
	created: string;
	last_updated?: string | null;
	last_update?: string | null;
};

/** Converts `created`, `last_updated` and `last_update` to `Date`s where present. */
export function fromWireBucket(raw: unknown): IBucket {
	const { created, last_updated, last_update, ...rest } = raw as RawBucket;
	const bucket: IBucket = { ...rest, created: parseDate(created) };
	if (typeof last_updated === 'string') bucket.last_updated = parseDate(last_updated);
	if (typeof last_update === 'string') bucket.last_update = parseDate(last_update);
	return bucket;
}

/** `getBucketInfo`'s conversion: also fills a missing `data` (old servers) with a warning. */
export function fromWireBucketInfo(raw: unknown): IBucket {
	const bucket = fromWireBucket(raw);
	if (bucket.data === undefined || bucket.data === null) {
		log.warn('bucket has no data field; using {}', { bucket: bucket.id });
		bucket.data = {};
	}
	return bucket;
}
