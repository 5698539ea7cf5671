/**
 * The state of a client and its Python-style (snake_case) methods (client.md sections 2-4 and
 * 6). `ActivityWatchClient` in client.ts adds the aw-client-js (camelCase) methods and the two
 * overloaded ones, `heartbeat` and `query`. Snake_case methods reject for HTTP status >= 400,
 * as the Python client raises on 4xx and 5xx only.
 */
import { HindsightError } from '../core/errors';
import { createLogger } from '../core/log';
import {
	fromWireBucketInfo,
	fromWireEvent,
	fromWireEvents,
	timestampText,
	toWireEvent
} from './convert';
import { Dispatcher } from './dispatcher';
import { needsServiceWorker, pause, resolveBaseURL, serviceWorkerControl } from './environment';
import { FetchError } from './fetch-error';
import { HeartbeatPremerge, SerialQueues, type Commit } from './heartbeats';
import { defaultQueueStorage, type QueueEntry, type QueueStorage } from './queue-storage';
import {
	boundedSignal,
	callApi,
	segment,
	type ApiRequest,
	type ApiResult,
	type TransportConfig
} from './transport';
import type {
	ClientOptions,
	EventInput,
	ExportDocument,
	FetchLike,
	IBucket,
	IEvent,
	IInfo,
	QueueRejection,
	QueueTimings
} from './types';

const log = createLogger('client');

const DEFAULT_TIMEOUT_MS = 30_000;
const WAIT_FIRST_DELAY_MS = 100;

/** A request as the methods describe it; the client adds signal and timeout. */
export type CallSpec = Omit<ApiRequest, 'signal' | 'timeout'> & { signal?: AbortSignal };

/** A bucket with its events, as `import_bucket` takes it (one bucket of an export). */
export type ImportableBucket = { id: string; events?: EventInput[] } & Record<string, unknown>;

function isAbort(err: unknown): boolean {
	return err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError');
}

export class ClientCore {
	/** The client's name: the `client` of the buckets it creates; also names its queue. */
	client_name: string;
	testing: boolean;
	/** The server root, without `/api`. */
	baseURL: string;
	/** Per-request timeout in milliseconds. */
	timeout: number;
	/** Aborted by `abort()`, which then installs a fresh one. */
	controller: AbortController;
	/** API key, sent as `Authorization: Bearer <token>` when set. */
	token: string | undefined;
	/** Pre-merge commit interval in seconds (queued heartbeats). */
	commit_interval: number;
	/** The `hostname` option, else the server's host name once `get_info()` succeeded. */
	client_hostname: string;

	protected readonly sendQueues = new SerialQueues();
	protected readonly premerge = new HeartbeatPremerge();
	/** Buckets registered for creation on connect (queued `create_bucket`), id to type. */
	protected readonly registered = new Map<string, string>();
	protected readonly transport: TransportConfig;

	private readonly hostnameGiven: boolean;
	private hostnameKnown: boolean;
	private readonly customFetch: boolean;
	private readonly queueStorageOption: QueueStorage | undefined;
	private readonly onQueueRejected: ((rejection: QueueRejection) => void) | undefined;
	private readonly queueTimings: Partial<QueueTimings> | undefined;
	private dispatcher: Dispatcher | null = null;
	private warnedNotConnected = false;
	private enqueueTail: Promise<unknown> = Promise.resolve();
	private pagehideListener: (() => void) | null = null;

	constructor(clientName = 'unknown', options: boolean | ClientOptions = {}) {
		const opts: ClientOptions =
			typeof options === 'boolean' ? { testing: options } : (options ?? {});
		this.client_name = clientName;
		this.testing = opts.testing ?? false;
		this.baseURL = resolveBaseURL(opts, this.testing);
		this.timeout = opts.timeout ?? DEFAULT_TIMEOUT_MS;
		this.controller = opts.controller ?? new AbortController();
		this.token = opts.token;
		this.commit_interval = opts.commitInterval ?? (this.testing ? 5 : 10);
		this.hostnameGiven = opts.hostname !== undefined;
		this.hostnameKnown = this.hostnameGiven;
		this.client_hostname = opts.hostname ?? 'unknown';
		this.customFetch = opts.fetch !== undefined;
		this.queueStorageOption = opts.queueStorage;
		this.onQueueRejected = opts.onQueueRejected;
		this.queueTimings = opts.queueTimings;

		const fetcher: FetchLike = opts.fetch ?? ((request) => globalThis.fetch(request));
		this.transport = Object.defineProperties({ fetch: fetcher } as TransportConfig, {
			baseURL: { get: () => this.baseURL, enumerable: true },
			token: { get: () => this.token, enumerable: true }
		});
	}

	/** aw-client-js's name for `client_name`. */
	get clientname(): string {
		return this.client_name;
	}
	set clientname(value: string) {
		this.client_name = value;
	}

	/** The Python client's name for `baseURL`. */
	get server_address(): string {
		return this.baseURL;
	}
	set server_address(value: string) {
		this.baseURL = value;
	}

	get apiURL(): string {
		return `${this.baseURL}/api`;
	}

	/** The persistent queue's name: `<client>[-testing].v1`. */
	get queueName(): string {
		return `${this.client_name}${this.testing ? '-testing' : ''}.v1`;
	}

	/** Sends one request with the client's controller (unless a signal is given) and timeout. */
	protected call(spec: CallSpec): Promise<ApiResult> {
		const signal = spec.signal ?? this.controller.signal;
		return callApi(this.transport, { ...spec, signal, timeout: this.timeout });
	}

	protected async fetchData(spec: CallSpec): Promise<unknown> {
		return (await this.call(spec)).data;
	}

	// Server and lifecycle

	protected async fetchInfo(errorFrom: 300 | 400, signal?: AbortSignal): Promise<IInfo> {
		const info = (await this.fetchData({
			method: 'GET',
			path: '/0/info',
			errorFrom,
			signal
		})) as IInfo;
		if (!this.hostnameGiven && typeof info?.hostname === 'string') {
			this.client_hostname = info.hostname;
			this.hostnameKnown = true;
		}
		return info;
	}

	/** `GET /0/info`; also learns `client_hostname` when no `hostname` option was given. */
	get_info(): Promise<IInfo> {
		return this.fetchInfo(400);
	}

	/**
	 * Calls `get_info()` until it succeeds, sleeping 0.1 s after the first network failure and
	 * doubling each time; rejects with `timeout` after `timeoutSeconds`. HTTP errors are not
	 * retried. Against the app's own origin it first waits for service-worker control.
	 */
	async wait_for_start(timeoutSeconds = 10): Promise<void> {
		const deadline = Date.now() + timeoutSeconds * 1000;
		const timedOut = () =>
			new HindsightError(
				'timeout',
				`The server at ${this.baseURL} did not answer within ${timeoutSeconds} s; is it running?`,
				{
					baseURL: this.baseURL
				}
			);
		if (needsServiceWorker(this.baseURL, this.customFetch)) {
			const limit = boundedSignal(this.controller.signal, Math.max(1, deadline - Date.now()));
			try {
				await serviceWorkerControl(limit.signal);
			} catch (err) {
				throw isAbort(err) && !this.controller.signal.aborted ? timedOut() : err;
			} finally {
				limit.done();
			}
		}

		for (let delay = WAIT_FIRST_DELAY_MS; ; delay *= 2) {
			try {
				await this.get_info();
				return;
			} catch (err) {
				if (err instanceof FetchError || (isAbort(err) && this.controller.signal.aborted))
					throw err;
				const left = deadline - Date.now();
				if (left <= 0) throw timedOut();
				await pause(Math.min(delay, left));
			}
		}
	}

	/** Cancels every request in flight (they reject with `AbortError`), then renews the controller. */
	async abort(msg?: string): Promise<void> {
		log.info(msg ?? 'requests cancelled', { client: this.client_name });
		this.controller.abort();
		this.controller = new AbortController();
	}

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

	protected postBucket(
		bucketId: string,
		body: Record<string, unknown>,
		errorFrom: 300 | 400,
		signal?: AbortSignal
	) {
		return this.call({
			method: 'POST',
			path: `/0/buckets/${segment(bucketId)}`,
			json: body,
			errorFrom,
			signal
		});
	}

	private pythonBucketBody(eventType: string): Record<string, unknown> {
		const hostname = this.hostnameKnown ? this.client_hostname : '!local';
		return { client: this.client_name, type: eventType, hostname };
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
		if (!this.registered.has(bucket_id)) this.registered.set(bucket_id, event_type);
		this.warnIfNotConnected();
		const dispatcher = this.dispatcher;
		if (!dispatcher?.connected) return;
		try {
			// The dispatcher's work: not cancelled by abort(), only bounded by the timeout.
			const signal = new AbortController().signal;
			await this.postBucket(bucket_id, this.pythonBucketBody(event_type), 400, signal);
		} catch (err) {
			log.info('deferred bucket creation failed; reconnecting', {
				bucket: bucket_id,
				error: String((err as Error)?.name)
			});
			dispatcher.connected = false;
		}
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

	// Heartbeats shared by both call forms

	/** Sends one heartbeat through the bucket's sending queue; resolves to the stored event. */
	protected sendHeartbeat(
		bucketId: string,
		event: EventInput,
		pulsetime: number,
		errorFrom: 300 | 400
	) {
		const signal = this.controller.signal;
		const json = toWireEvent(event);
		const path = `/0/buckets/${segment(bucketId)}/heartbeat`;
		return this.sendQueues.run(bucketId, async () => {
			const data = await this.fetchData({
				method: 'POST',
				path,
				query: { pulsetime },
				json,
				errorFrom,
				signal
			});
			return fromWireEvent(data);
		});
	}

	/** Queued form: pre-merges and hands finished runs to the persistent queue (5.4). */
	protected async queueHeartbeat(
		bucketId: string,
		event: EventInput,
		pulsetime: number,
		commitInterval: number
	) {
		this.warnIfNotConnected();
		this.watchPagehide();
		const commit = this.premerge.offer(bucketId, event, pulsetime, commitInterval);
		if (commit) await this.enqueue(commit);
	}

	private enqueue(commit: Commit): Promise<void> {
		const endpoint = `buckets/${segment(commit.bucketId)}/heartbeat?pulsetime=${commit.pulsetime}`;
		const entry = { queue: this.queueName, endpoint, data: commit.event, added: Date.now() };
		const stored = this.enqueueTail.then(() => this.queueStorage().add(entry));
		this.enqueueTail = stored.catch(() => undefined);
		return stored.then(() => this.dispatcher?.notify());
	}

	/** Hands every pending pre-merged heartbeat to the queue now. */
	async flush(): Promise<void> {
		await Promise.all(this.premerge.drain().map((commit) => this.enqueue(commit)));
	}

	// Queued mode

	protected queueStorage(): QueueStorage {
		return this.queueStorageOption ?? defaultQueueStorage();
	}

	private warnIfNotConnected(): void {
		if (this.dispatcher || this.warnedNotConnected) return;
		this.warnedNotConnected = true;
		log.warn('queued requests are only sent after connect(); call client.connect()', {
			client: this.client_name
		});
	}

	private watchPagehide(): void {
		const target = globalThis as {
			addEventListener?: Window['addEventListener'];
			document?: unknown;
		};
		if (this.pagehideListener || !target.document || !target.addEventListener) return;
		this.pagehideListener = () => void this.flush();
		target.addEventListener('pagehide', this.pagehideListener);
	}

	private unwatchPagehide(): void {
		if (!this.pagehideListener) return;
		globalThis.removeEventListener?.('pagehide', this.pagehideListener);
		this.pagehideListener = null;
	}

	/**
	 * Starts the queue dispatcher (idempotent) and resolves once it has started, not once the
	 * server is reachable. It then connects (info, registered buckets) and drains the queue.
	 */
	async connect(): Promise<void> {
		if (this.dispatcher) return;
		const ready = needsServiceWorker(this.baseURL, this.customFetch)
			? serviceWorkerControl
			: undefined;
		this.dispatcher = new Dispatcher({
			queue: this.queueName,
			storage: this.queueStorage(),
			connect: (signal) => this.connectPhase(signal),
			send: (entry, signal) => this.sendQueued(entry, signal),
			isRegistered: (id) => this.registered.has(id),
			onRejected: (rejection) => this.onQueueRejected?.(rejection),
			ready,
			timings: this.queueTimings
		});
		this.dispatcher.start();
	}

	private async connectPhase(signal: AbortSignal): Promise<void> {
		await this.fetchInfo(400, signal);
		for (const [id, type] of this.registered) {
			await this.postBucket(id, this.pythonBucketBody(type), 400, signal);
		}
	}

	private sendQueued(entry: QueueEntry, signal: AbortSignal): Promise<ApiResult> {
		return this.call({
			method: 'POST',
			path: `/0/${entry.endpoint}`,
			json: entry.data,
			errorFrom: 400,
			signal
		});
	}

	/**
	 * Queues every pending pre-merged heartbeat, stops the dispatcher (the request in flight may
	 * finish) and keeps the persisted queue for a later `connect()`.
	 */
	async disconnect(): Promise<void> {
		await this.flush();
		const dispatcher = this.dispatcher;
		this.dispatcher = null;
		await dispatcher?.stop();
		this.warnedNotConnected = false;
		this.unwatchPagehide();
	}

	/** `await using client = new ActivityWatchClient(...)` disconnects at the end of the block. */
	async [Symbol.asyncDispose](): Promise<void> {
		await this.disconnect();
	}

	/** True while the dispatcher runs and its last connect phase succeeded. */
	get connected(): boolean {
		return this.dispatcher?.connected ?? false;
	}
}
