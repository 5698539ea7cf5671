/**
 * The Python-style (snake_case) methods (client.md section 4): they behave like the Python
 * client's methods of the same names and reject for HTTP status >= 400, as the Python client
 * raises on 4xx and 5xx only.
 */
import { HindsightError } from '../core/errors';
import { ClientBase } from './client-base';
import {
	fromWireBucketInfo,
	fromWireEvent,
	fromWireEvents,
	timestampText,
	toWireEvent
} from './convert';
import { FetchError } from './fetch-error';
import { segment } from './transport';
import type { EventInput, ExportDocument, IBucket, IEvent } from './types';

/** A bucket with its events, as `import_bucket` takes it (one bucket of an export). */
export type ImportableBucket = { id: string; events?: EventInput[] } & Record<string, unknown>;

export class PythonStyleClient extends ClientBase {
	// Buckets

	/** `GET /0/buckets/`: bucket id to bucket, exactly as received (strings stay strings). */
	get_buckets(): Promise<Record<string, Record<string, unknown>>> {
		return this.fetchData({ method: 'GET', path: '/0/buckets/', errorFrom: 400 }) as Promise<
			Record<string, Record<string, unknown>>
		>;
	}

	protected async fetchBucket(bucketId: string, errorFrom: 300 | 400): Promise<IBucket> {
		return fromWireBucketInfo(
			await this.fetchData({ method: 'GET', path: `/0/buckets/${segment(bucketId)}`, errorFrom })
		);
	}

	/** `GET /0/buckets/{id}` with `created` as a `Date` (the same as `getBucketInfo`). */
	get_bucket(bucket_id: string): Promise<IBucket> {
		return this.fetchBucket(bucket_id, 400);
	}

	/**
	 * Creates the bucket (resolving also when it exists, 304). Queued: registers it instead, to
	 * be created on every connect phase of the dispatcher (client.md 6.4).
	 */
	async create_bucket(bucket_id: string, event_type: string, queued = false): Promise<void> {
		if (!queued) {
			await this.postBucket(bucket_id, this.pythonBucketBody(event_type), 400);
			return;
		}
		await this.queued.registerBucket(bucket_id, event_type);
	}

	/** `create_bucket(bucket_id, event_type, true)`. */
	setup_bucket(bucket_id: string, event_type: string): Promise<void> {
		return this.create_bucket(bucket_id, event_type, true);
	}

	/** `DELETE /0/buckets/{id}`, with `?force=1` only when `force` is true. */
	async delete_bucket(bucket_id: string, force = false): Promise<void> {
		const query = force ? { force: 1 } : undefined;
		await this.call({
			method: 'DELETE',
			path: `/0/buckets/${segment(bucket_id)}`,
			query,
			errorFrom: 400
		});
	}

	// Events

	/** `GET /0/buckets/{id}/events/{eid}`; null when the server answers 404. */
	async get_event(bucket_id: string, event_id: number): Promise<IEvent | null> {
		const path = `/0/buckets/${segment(bucket_id)}/events/${segment(event_id)}`;
		try {
			return fromWireEvent(await this.fetchData({ method: 'GET', path, errorFrom: 400 }));
		} catch (err) {
			if (err instanceof FetchError && err.status === 404) return null;
			throw err;
		}
	}

	/** Newest first; `limit` is always sent (`-1`: no limit), `start`/`end` when given. */
	async get_events(
		bucket_id: string,
		limit = -1,
		start?: Date | string,
		end?: Date | string
	): Promise<IEvent[]> {
		const query = {
			limit: String(limit),
			start: start === undefined ? undefined : timestampText(start, 'start'),
			end: end === undefined ? undefined : timestampText(end, 'end')
		};
		const path = `/0/buckets/${segment(bucket_id)}/events`;
		return fromWireEvents(await this.fetchData({ method: 'GET', path, query, errorFrom: 400 }));
	}

	protected async countRequest(
		bucketId: string,
		errorFrom: 300 | 400,
		start?: Date | string,
		end?: Date | string
	) {
		const query = {
			start: start ? timestampText(start, 'start') : undefined,
			end: end ? timestampText(end, 'end') : undefined
		};
		const path = `/0/buckets/${segment(bucketId)}/events/count`;
		return Number((await this.fetchData({ method: 'GET', path, query, errorFrom })) ?? 0);
	}

	/** The number of events overlapping `[start, end]`; `limit` is accepted and ignored. */
	get_eventcount(
		bucket_id: string,
		_limit = -1,
		start?: Date | string,
		end?: Date | string
	): Promise<number> {
		return this.countRequest(bucket_id, 400, start, end);
	}

	protected async postEvents(
		bucketId: string,
		events: EventInput[],
		errorFrom: 300 | 400
	): Promise<IEvent[]> {
		const path = `/0/buckets/${segment(bucketId)}/events`;
		const json = events.map(toWireEvent);
		return fromWireEvents(await this.fetchData({ method: 'POST', path, json, errorFrom }));
	}

	/** Inserts (or, with an id, replaces) one event; resolves to what the server stored. */
	insert_event(bucket_id: string, event: EventInput): Promise<IEvent[]> {
		return this.postEvents(bucket_id, [event], 400);
	}

	insert_events(bucket_id: string, events: EventInput[]): Promise<IEvent[]> {
		return this.postEvents(bucket_id, events, 400);
	}

	/** The Python client's old name of `insert_event`. */
	send_event(bucket_id: string, event: EventInput): Promise<IEvent[]> {
		return this.insert_event(bucket_id, event);
	}

	/** The Python client's old name of `insert_events`. */
	send_events(bucket_id: string, events: EventInput[]): Promise<IEvent[]> {
		return this.insert_events(bucket_id, events);
	}

	protected async removeEvent(
		bucketId: string,
		event: number | { id?: number | null },
		errorFrom: 300 | 400
	) {
		const id = typeof event === 'object' && event !== null ? event.id : event;
		if (typeof id !== 'number') {
			throw new HindsightError(
				'invalid_argument',
				`delete_event needs an event id, got ${JSON.stringify(id)}`,
				{ field: 'event_id' }
			);
		}
		await this.call({
			method: 'DELETE',
			path: `/0/buckets/${segment(bucketId)}/events/${segment(id)}`,
			errorFrom
		});
	}

	/** Deletes one event; `event_id` may also be an event object carrying the id. */
	delete_event(bucket_id: string, event_id: number | { id?: number | null }): Promise<void> {
		return this.removeEvent(bucket_id, event_id, 400);
	}

	// Export and import

	/** `GET /0/export`: the export document of every bucket, timestamps as strings. */
	export_all(): Promise<ExportDocument> {
		return this.fetchData({
			method: 'GET',
			path: '/0/export',
			errorFrom: 400
		}) as Promise<ExportDocument>;
	}

	/** `GET /0/buckets/{id}/export`: the export document holding that bucket. */
	export_bucket(bucket_id: string): Promise<ExportDocument> {
		const path = `/0/buckets/${segment(bucket_id)}/export`;
		return this.fetchData({ method: 'GET', path, errorFrom: 400 }) as Promise<ExportDocument>;
	}

	/** Imports one bucket with its events (for example one bucket taken out of an export). */
	async import_bucket(bucket: ImportableBucket): Promise<void> {
		const events = Array.isArray(bucket.events) ? bucket.events.map(toWireEvent) : bucket.events;
		await this.import_all({ buckets: { [bucket.id]: { ...bucket, events } } });
	}

	/** Imports a whole export document (`POST /0/import`). */
	async import_all(doc: ExportDocument | Record<string, unknown>): Promise<void> {
		await this.call({ method: 'POST', path: '/0/import', json: doc, errorFrom: 400 });
	}

	// Settings

	/** With a key: its value (null when unset). Without: every setting. */
	async get_setting(key?: string): Promise<unknown> {
		if (key === undefined) return this.get_settings();
		const value = await this.fetchData({
			method: 'GET',
			path: `/0/settings/${segment(key)}`,
			errorFrom: 400
		});
		return value ?? null;
	}

	get_settings(): Promise<Record<string, unknown>> {
		return this.fetchData({ method: 'GET', path: '/0/settings', errorFrom: 400 }).then(
			(v) => (v ?? {}) as Record<string, unknown>
		);
	}

	/** Stores `value` under `key` (sent as its JSON encoding, whatever its type). */
	async set_setting(key: string, value: unknown): Promise<void> {
		await this.call({
			method: 'POST',
			path: `/0/settings/${segment(key)}`,
			json: value ?? null,
			errorFrom: 400
		});
	}
}
