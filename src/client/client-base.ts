/**
 * The state every client shares (client.md sections 2, 3 and 6): configuration and public
 * properties, the transport, server info and lifecycle (`wait_for_start`, `abort`), the
 * per-bucket heartbeat sending queue, and queued mode (`connect`, `flush`, `disconnect`).
 * client-python.ts adds the snake_case methods and client.ts the camelCase ones.
 */
import { HindsightError } from '../core/errors';
import { KeyedQueue } from '../core/keyed-queue';
import { createLogger } from '../core/log';
import { fromWireEvent, toWireEvent } from './convert';
import { needsServiceWorker, pause, resolveBaseURL, serviceWorkerControl } from './environment';
import { FetchError } from './fetch-error';
import { QueuedMode, type QueuedModeHost } from './queued-mode';
import { defaultQueueStorage, type QueueEntry, type QueueStorage } from './queue-storage';
import {
	boundedSignal,
	callApi,
	segment,
	type ApiRequest,
	type ApiResult,
	type TransportConfig
} from './transport';
import type { ClientOptions, EventInput, FetchLike, IInfo } from './types';

const log = createLogger('client');

const DEFAULT_TIMEOUT_MS = 30_000;
const WAIT_FIRST_DELAY_MS = 100;

/** A request as the methods describe it; the client adds signal and timeout. */
export type CallSpec = Omit<ApiRequest, 'signal' | 'timeout'> & { signal?: AbortSignal };

function isAbort(err: unknown): boolean {
	return err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError');
}

export class ClientBase {
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

	protected readonly sendQueues = new KeyedQueue();
	protected readonly transport: TransportConfig;
	protected readonly queued: QueuedMode;

	private readonly hostnameGiven: boolean;
	private hostnameKnown: boolean;
	private readonly customFetch: boolean;
	private readonly queueStorageOption: QueueStorage | undefined;

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

		const fetcher: FetchLike = opts.fetch ?? ((request) => globalThis.fetch(request));
		this.transport = Object.defineProperties({ fetch: fetcher } as TransportConfig, {
			baseURL: { get: () => this.baseURL, enumerable: true },
			token: { get: () => this.token, enumerable: true }
		});
		this.queued = new QueuedMode(this.queuedModeHost(opts));
	}

	private queuedModeHost(opts: ClientOptions): QueuedModeHost {
		return {
			queueName: () => this.queueName,
			clientName: () => this.client_name,
			ready: () =>
				needsServiceWorker(this.baseURL, this.customFetch) ? serviceWorkerControl : undefined,
			storage: () => this.queueStorage(),
			connectPhase: (signal) => this.connectPhase(signal),
			createBucket: (id, type, signal) =>
				this.postBucket(id, this.pythonBucketBody(type), 400, signal),
			send: (entry, signal) => this.sendQueued(entry, signal),
			onRejected: opts.onQueueRejected,
			timings: opts.queueTimings
		};
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

	// Requests that both naming styles make

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

	/** The Python client's bucket body: `!local` as host name until the real one is known. */
	protected pythonBucketBody(eventType: string): Record<string, unknown> {
		const hostname = this.hostnameKnown ? this.client_hostname : '!local';
		return { client: this.client_name, type: eventType, hostname };
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

	/** Hands every pending pre-merged heartbeat to the queue now. */
	flush(): Promise<void> {
		return this.queued.flush();
	}

	// Queued mode

	protected queueStorage(): QueueStorage {
		return this.queueStorageOption ?? defaultQueueStorage();
	}

	/**
	 * Starts the queue dispatcher (idempotent) and resolves once it has started, not once the
	 * server is reachable. It then connects (info, registered buckets) and drains the queue.
	 */
	connect(): Promise<void> {
		return this.queued.connect();
	}

	private async connectPhase(signal: AbortSignal): Promise<void> {
		await this.fetchInfo(400, signal);
		for (const [id, type] of this.queued.registered) {
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
	disconnect(): Promise<void> {
		return this.queued.disconnect();
	}

	/** `await using client = new ActivityWatchClient(...)` disconnects at the end of the block. */
	async [Symbol.asyncDispose](): Promise<void> {
		await this.disconnect();
	}

	/** True while the dispatcher runs and its last connect phase succeeded. */
	get connected(): boolean {
		return this.queued.connected;
	}
}
