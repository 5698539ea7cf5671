/**
 * `ActivityWatchClient` (alias `AWClient`): one class for code written against either public
 * ActivityWatch client (client.md). Snake_case names behave like the Python client's methods
 * (in client-python.ts); camelCase names that aw-client-js has behave like aw-client-js's and
 * reject for every HTTP status >= 300; other camelCase names are aliases of the snake_case
 * methods; `heartbeat` and `query` pick their call form from the argument types.
 */
import { HindsightError } from '../core/errors';
import { PythonStyleClient, type ImportableBucket } from './client-python';
import { fromWireBucket, fromWireEvent, fromWireEvents, timestampText } from './convert';
import { FetchError } from './fetch-error';
import { QueryCache, resolveQuery, type QueryOptions } from './query';
import { createReqShim, type ReqShim } from './req-shim';
import { segment } from './transport';
import type { EventInput, ExportDocument, IBucket, IEvent, IInfo, Timeperiod } from './types';

/** aw-client-js's `getEvents` options; only truthy values are sent. */
export type GetEventsOptions = { start?: Date | string; end?: Date | string; limit?: number };

type Bound = Date | string;

function checkPulsetime(pulsetime: unknown): number {
	if (typeof pulsetime === 'number' && Number.isFinite(pulsetime) && pulsetime >= 0)
		return pulsetime;
	throw new TypeError(
		`heartbeat(): pulsetime must be a number of seconds >= 0, got ${String(pulsetime)}`
	);
}

function requireNoIds(events: EventInput[], method: string): void {
	const withId = events.find((e) => e?.id !== undefined);
	if (!withId) return;
	throw new HindsightError(
		'invalid_event',
		`${method}: the event has an id (${String(withId.id)}); leave id out to insert, or use replaceEvent to change a stored event`,
		{ field: 'id' }
	);
}

function requireIds(events: EventInput[], method: string): void {
	if (events.every((e) => e?.id !== undefined)) return;
	throw new HindsightError(
		'invalid_event',
		`${method}: the event has no id; pass the id of the stored event to replace, or use insertEvent`,
		{ field: 'id' }
	);
}

export class ActivityWatchClient extends PythonStyleClient {
	private readonly queryCache = new QueryCache();
	private reqShim: ReqShim | null = null;

	/** aw-client 0.3's `req` (an axios instance), reduced to what callers use (client.md 10). */
	get req(): ReqShim {
		this.reqShim ??= createReqShim(
			this.transport,
			() => this.controller.signal,
			() => this.timeout
		);
		return this.reqShim;
	}

	// aw-client-js methods: every status >= 300 rejects.

	getInfo(): Promise<IInfo> {
		return this.fetchInfo(300);
	}

	/** Bucket id to bucket, with `created` and `last_updated`/`last_update` as `Date`s. */
	async getBuckets(): Promise<Record<string, IBucket>> {
		const raw =
			(await this.fetchData({ method: 'GET', path: '/0/buckets/', errorFrom: 300 })) ?? {};
		const entries = Object.entries(raw as Record<string, unknown>);
		return Object.fromEntries(entries.map(([id, bucket]) => [id, fromWireBucket(bucket)]));
	}

	getBucketInfo(bucketId: string): Promise<IBucket> {
		return this.fetchBucket(bucketId, 300);
	}

	/** Creates the bucket; rejects with a `FetchError` of status 304 when it already exists. */
	async createBucket(bucketId: string, type: string, hostname: string): Promise<undefined> {
		await this.postBucket(bucketId, { client: this.clientname, type, hostname }, 300);
		return undefined;
	}

	/** Creates the bucket unless it exists; tells which of the two happened. */
	async ensureBucket(
		bucketId: string,
		type: string,
		hostname: string
	): Promise<{ alreadyExist: boolean }> {
		try {
			await this.createBucket(bucketId, type, hostname);
			return { alreadyExist: false };
		} catch (err) {
			if (err instanceof FetchError && err.status === 304) return { alreadyExist: true };
			throw err;
		}
	}

	/** Deletes the bucket and its events (always with `?force=1`, as aw-client-js does). */
	async deleteBucket(bucketId: string): Promise<undefined> {
		await this.call({
			method: 'DELETE',
			path: `/0/buckets/${segment(bucketId)}`,
			query: { force: 1 },
			errorFrom: 300
		});
		return undefined;
	}

	/** The event with that id; rejects with a `FetchError` (404) when there is none. */
	async getEvent(bucketId: string, eventId: number): Promise<IEvent> {
		const path = `/0/buckets/${segment(bucketId)}/events/${segment(eventId)}`;
		return fromWireEvent(await this.fetchData({ method: 'GET', path, errorFrom: 300 }));
	}

	async getEvents(bucketId: string, params: GetEventsOptions = {}): Promise<IEvent[]> {
		const query = {
			start: params.start ? timestampText(params.start, 'start') : undefined,
			end: params.end ? timestampText(params.end, 'end') : undefined,
			limit: params.limit ? params.limit : undefined
		};
		const data = await this.fetchData({
			method: 'GET',
			path: `/0/buckets/${segment(bucketId)}/events`,
			query,
			errorFrom: 300
		});
		return fromWireEvents(data);
	}

	/** The number of events overlapping `[startTime, endTime]` (sent as `start`/`end`). */
	countEvents(
		bucketId: string,
		startTime?: Date | string,
		endTime?: Date | string
	): Promise<number> {
		return this.countRequest(bucketId, 300, startTime, endTime);
	}

	/** Inserts a new event; rejects before any request when the event has an `id`. */
	async insertEvent(bucketId: string, event: EventInput): Promise<IEvent[]> {
		return this.insertEvents(bucketId, [event]);
	}

	async insertEvents(bucketId: string, events: EventInput[]): Promise<IEvent[]> {
		requireNoIds(events, 'insertEvent');
		return this.postEvents(bucketId, events, 300);
	}

	/** Replaces the stored event with the same id; rejects before any request without an `id`. */
	async replaceEvent(bucketId: string, event: EventInput): Promise<IEvent[]> {
		return this.replaceEvents(bucketId, [event]);
	}

	async replaceEvents(bucketId: string, events: EventInput[]): Promise<IEvent[]> {
		requireIds(events, 'replaceEvent');
		return this.postEvents(bucketId, events, 300);
	}

	deleteEvent(bucketId: string, eventId: number | { id?: number | null }): Promise<void> {
		return this.removeEvent(bucketId, eventId, 300);
	}

	// The two overloaded names.

	/**
	 * aw-client-js form `(bucketId, pulsetime, event)`: sent through the bucket's sending queue,
	 * resolves to undefined. Python form `(bucket_id, event, pulsetime, queued?,
	 * commit_interval?)`: not queued, sent the same way and resolves to the stored event; queued,
	 * pre-merged and handed to the persistent queue (client.md section 5).
	 */
	heartbeat(bucketId: string, pulsetime: number, heartbeat: EventInput): Promise<void>;
	heartbeat(
		bucket_id: string,
		event: EventInput,
		pulsetime: number,
		queued?: boolean,
		commit_interval?: number
	): Promise<IEvent | void>;
	async heartbeat(
		bucketId: string,
		second: number | EventInput,
		third: EventInput | number,
		queued = false,
		commitInterval?: number
	): Promise<IEvent | void> {
		if (typeof second === 'number') {
			await this.sendHeartbeat(bucketId, third as EventInput, checkPulsetime(second), 300);
			return;
		}
		if (typeof second !== 'object' || second === null) {
			throw new TypeError(
				`heartbeat(): the second argument must be a pulsetime or an event, got ${String(second)}`
			);
		}
		const pulsetime = checkPulsetime(third);
		if (!queued) return this.sendHeartbeat(bucketId, second, pulsetime, 400);
		return this.queued.heartbeat(
			bucketId,
			second,
			pulsetime,
			commitInterval ?? this.commit_interval
		);
	}

	/* eslint-disable @typescript-eslint/no-explicit-any -- aw-client-js types results as any[] */

	/**
	 * Runs a query once per period; resolves to one result per period, in order. Forms:
	 * `(timeperiods, lines, { cache, cacheEmpty, verbose, name })` (aw-client-js, cached),
	 * `(text, [[start, end], ...], name?, cache?)` and `(text, start, end, name?, cache?)`
	 * (Python). See client.md section 7.
	 */
	query(timeperiods: Timeperiod[], query: string[], params?: QueryOptions): Promise<any[]>;
	query(
		query: string,
		timeperiods: [Bound, Bound][],
		name?: string,
		cache?: boolean
	): Promise<any[]>;
	query(query: string, start: Bound, end: Bound, name?: string, cache?: boolean): Promise<any[]>;
	async query(...args: unknown[]): Promise<any[]> {
		const call = resolveQuery(args);
		return this.queryCache.run(call, async (timeperiods) => {
			const json = { query: call.lines, timeperiods };
			const data = await this.fetchData({
				method: 'POST',
				path: '/0/query/',
				query: call.params,
				json,
				errorFrom: call.errorFrom
			});
			return data as unknown[];
		});
	}

	/* eslint-enable @typescript-eslint/no-explicit-any */

	// camelCase aliases of snake_case methods (same arguments, status >= 400 rejects).

	waitForStart(timeoutSeconds = 10): Promise<void> {
		return this.wait_for_start(timeoutSeconds);
	}

	getBucket(bucketId: string): Promise<IBucket> {
		return this.get_bucket(bucketId);
	}

	setupBucket(bucketId: string, eventType: string): Promise<void> {
		return this.setup_bucket(bucketId, eventType);
	}

	getEventCount(
		bucketId: string,
		limit = -1,
		start?: Date | string,
		end?: Date | string
	): Promise<number> {
		return this.get_eventcount(bucketId, limit, start, end);
	}

	sendEvent(bucketId: string, event: EventInput): Promise<IEvent[]> {
		return this.send_event(bucketId, event);
	}

	sendEvents(bucketId: string, events: EventInput[]): Promise<IEvent[]> {
		return this.send_events(bucketId, events);
	}

	exportAll(): Promise<ExportDocument> {
		return this.export_all();
	}

	exportBucket(bucketId: string): Promise<ExportDocument> {
		return this.export_bucket(bucketId);
	}

	importBucket(bucket: ImportableBucket): Promise<void> {
		return this.import_bucket(bucket);
	}

	importAll(doc: ExportDocument | Record<string, unknown>): Promise<void> {
		return this.import_all(doc);
	}

	getSetting(key?: string): Promise<unknown> {
		return this.get_setting(key);
	}

	getSettings(): Promise<Record<string, unknown>> {
		return this.get_settings();
	}

	setSetting(key: string, value: unknown): Promise<void> {
		return this.set_setting(key, value);
	}
}

/** The same class under aw-client-js's name: `AWClient === ActivityWatchClient`. */
export const AWClient = ActivityWatchClient;
/** So `AWClient` also works as a type, as with aw-client-js. */
export type AWClient = ActivityWatchClient;
