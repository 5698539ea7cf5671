/**
 * Event routes (rest-api.md 4.7-4.12): list with range and limit, insert or replace, count,
 * get and delete by id, and heartbeats. Range selection, ordering and clipping (section 6) and
 * heartbeat merging (section 5) are the datastore's; this layer reads parameters and bodies.
 */
import { HindsightError } from '../../core/errors';
import { eventToJson, parseEvent, type Event } from '../../core/model/event';
import type { JsonValue } from '../../core/model/json';
import { emptyResponse, jsonResponse, textResponse } from '../http';
import { limitParam, optionalTimeParam, pulsetimeParam, readJson } from '../params';
import type { Handler, RouteContext } from '../types';
import { bucketNotFound, requireBucket } from './buckets';

function rangeOf(url: URL, withLimit: boolean) {
	const start = optionalTimeParam(url, 'start', 'starttime');
	const end = optionalTimeParam(url, 'end', 'endtime');
	return withLimit ? { start, end, limit: limitParam(url) } : { start, end };
}

export const listEvents: Handler = async ({ datastore, params, url }) => {
	const events = await datastore.getEvents(params.bid, rangeOf(url, true));
	return jsonResponse(events.map(eventToJson));
};

/** A bare integer body (the Python client parses it with `int()`). */
export const countEvents: Handler = async ({ datastore, params, url }) => {
	const count = await datastore.countEvents(params.bid, rangeOf(url, false));
	return textResponse(String(count));
};

/**
 * Validates an insert body: one event object or an array of them. Every event is checked
 * before anything is stored; the first invalid one fails the request, naming its position.
 */
function parseEventList(raw: JsonValue): Event[] {
	if (!Array.isArray(raw)) return [parseEvent(raw)];
	return raw.map((item, index) => {
		try {
			return parseEvent(item);
		} catch (err) {
			if (!(err instanceof HindsightError)) throw err;
			throw new HindsightError('invalid_event', `Event ${index}: ${err.message}`, {
				...err.details,
				index
			});
		}
	});
}

export const insertEvents: Handler = async ({ datastore, params, request }) => {
	const events = parseEventList(await readJson(request));
	const stored = await datastore.insertEvents(params.bid, events);
	return jsonResponse(stored.map(eventToJson));
};

/** The event id segment as an integer, or null (a non-integer id is a 404, rest-api.md 0.1). */
function eventIdOf(context: RouteContext): number | null {
	const text = context.params.eid;
	if (!/^\d+$/.test(text)) return null;
	const id = Number(text);
	return Number.isSafeInteger(id) ? id : null;
}

function eventNotFound(bucketId: string, eventId: string): HindsightError {
	return new HindsightError(
		'event_not_found',
		`Bucket '${bucketId}' has no event with id '${eventId}'`,
		{ bucketId, eventId }
	);
}

export const getEvent: Handler = async (context) => {
	const { datastore, params } = context;
	const id = eventIdOf(context);
	const event = id === null ? null : await datastore.getEvent(params.bid, id);
	if (event) return jsonResponse(eventToJson(event));

	if (!(await datastore.getBucket(params.bid))) throw bucketNotFound(params.bid);
	throw eventNotFound(params.bid, params.eid);
};

/** 200 also when no such event exists (the Rust server's behaviour); 404 for a missing bucket. */
export const deleteEvent: Handler = async (context) => {
	const { datastore, params } = context;
	await requireBucket(datastore, params.bid);
	const id = eventIdOf(context);
	if (id === null) throw eventNotFound(params.bid, params.eid);
	await datastore.deleteEvent(params.bid, id);
	return emptyResponse();
};

/** The heartbeat's own id is ignored: it is never a replace target (rest-api.md 4.12). */
export const heartbeat: Handler = async ({ datastore, params, url, request }) => {
	const pulsetime = pulsetimeParam(url);
	const event = parseEvent(await readJson(request));
	const stored = await datastore.heartbeat(params.bid, { ...event, id: null }, pulsetime);
	return jsonResponse(eventToJson(stored));
};
