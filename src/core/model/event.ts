/**
 * The Event model. In memory an event's times are integer microseconds (see time.ts); on the
 * wire (REST API, query results, exports) an event is exactly
 * `{"id", "timestamp", "duration", "data"}` with an RFC 3339 timestamp and seconds.
 *
 * Events are treated as immutable values everywhere: a function that changes an event builds a
 * new object, and a `data` object is never modified once it belongs to an event, so sharing data
 * objects between events is safe and cheap.
 */
import { HindsightError } from '../errors';
import { isJsonObject, type JsonObject } from './json';
import {
	formatInstant,
	MAX_INSTANT,
	microsToSeconds,
	parseInstant,
	secondsToMicros,
	type Instant,
	type Micros
} from './time';

export type EventData = JsonObject;

export type Event = {
	/** Storage id, unique across the datastore; null for events made by transforms. */
	id: number | null;
	/** Start, microseconds since the epoch (UTC). */
	timestamp: Instant;
	/** Length in microseconds; normally >= 0. */
	duration: Micros;
	data: EventData;
};

/** An event as it travels in JSON. */
export type EventJson = {
	id: number | null;
	timestamp: string;
	duration: number;
	data: EventData;
};

/** The end of an event: timestamp + duration. */
export function endOf(event: Event): Instant {
	return event.timestamp + event.duration;
}

/** The wire form of an event, with exactly the four keys in ActivityWatch's order. */
export function eventToJson(event: Event): EventJson {
	return {
		id: event.id,
		timestamp: formatInstant(event.timestamp),
		duration: microsToSeconds(event.duration),
		data: event.data
	};
}

/**
 * The in-memory form of a wire event that needs no validation (a query result, an export this
 * app wrote): the inverse of `eventToJson`. Untrusted input goes through `parseEvent`.
 */
export function eventFromJson(json: EventJson): Event {
	return {
		id: json.id ?? null,
		timestamp: parseInstant(json.timestamp, 'lenient'),
		duration: secondsToMicros(json.duration),
		data: json.data
	};
}

function invalidEvent(message: string, field: string): HindsightError {
	return new HindsightError('invalid_event', message, { field });
}

/**
 * Validates an untrusted JSON value into an Event (rest-api.md 1.1):
 * - `timestamp` required, an RFC 3339 string (lenient forms allowed);
 * - `duration` optional (default 0, `null` counts as absent), a finite number of seconds >= 0;
 * - `data` optional (default `{}`, `null` counts as absent), a JSON object;
 * - `id` optional, an integer or `null`; other keys are ignored.
 * The event's end must stay within the year 9999. Throws `invalid_event` naming the field.
 */
export function parseEvent(raw: unknown): Event {
	if (!isJsonObject(raw)) throw invalidEvent('An event must be a JSON object', 'event');

	const { timestamp, duration, data, id } = raw;
	if (typeof timestamp !== 'string') {
		throw invalidEvent('The event has no timestamp string', 'timestamp');
	}
	let start: Instant;
	try {
		start = parseInstant(timestamp, 'lenient');
	} catch (err) {
		throw invalidEvent(`The event's timestamp is invalid: ${(err as Error).message}`, 'timestamp');
	}

	let length: Micros = 0;
	if (duration !== undefined && duration !== null) {
		if (typeof duration !== 'number' || !Number.isFinite(duration)) {
			throw invalidEvent(
				`The event's duration must be a number of seconds, got ${JSON.stringify(duration)}`,
				'duration'
			);
		}
		if (duration < 0)
			throw invalidEvent(`The event's duration is negative (${duration})`, 'duration');
		length = secondsToMicros(duration);
	}
	if (start + length > MAX_INSTANT) {
		throw invalidEvent('The event ends after the year 9999', 'duration');
	}

	if (data !== undefined && data !== null && !isJsonObject(data)) {
		throw invalidEvent("The event's data must be a JSON object", 'data');
	}
	if (id !== undefined && id !== null && !(typeof id === 'number' && Number.isSafeInteger(id))) {
		throw invalidEvent(
			`The event's id must be an integer or null, got ${JSON.stringify(id)}`,
			'id'
		);
	}

	return {
		id: typeof id === 'number' ? id : null,
		timestamp: start,
		duration: length,
		data: (data as EventData | null | undefined) ?? {}
	};
}
