/**
 * The queue dispatcher of queued mode (client.md 6.2, 6.3). It alternates two phases until it
 * is stopped: connect (server info, then every registered bucket) and drain (send the oldest
 * entry, act on the outcome). One context at a time drains a queue: the loop runs inside a
 * Web Lock named after it; other contexts with the same client name only enqueue.
 *
 * Delivery guarantee: at least once, in order. An entry is removed only after its response
 * arrived, so a crash or reload between the response and the removal sends that one entry
 * again. Only heartbeats are queued, and a heartbeat sent twice merges into the event it already
 * made (same data, start inside the stored event), so the replay adds no event: the server's
 * merge is the de-duplication.
 */
import { createLogger } from '../core/log';
import { pause } from './environment';
import { raceSignal } from './transport';
import { FetchError, serverMessage } from './fetch-error';
import type { QueueEntry, QueueStorage } from './queue-storage';
import type { QueueRejection, QueueTimings } from './types';

const log = createLogger('client');

/** The Python client's intervals (client.md 6.2, 6.3). */
export const DEFAULT_TIMINGS: QueueTimings = { reconnectMs: 10_000, retryMs: 500, idleMs: 200 };

export type DispatcherOptions = {
	queue: string;
	storage: QueueStorage;
	/** The connect phase: fetch info, create registered buckets; rejects when not connected. */
	connect(signal: AbortSignal): Promise<void>;
	/** Posts one entry; rejects with `FetchError` for status >= 400. */
	send(entry: QueueEntry, signal: AbortSignal): Promise<unknown>;
	isRegistered(bucketId: string): boolean;
	onRejected(rejection: QueueRejection): void;
	/** Resolves once the transport can reach the app (service-worker control). */
	ready?(signal: AbortSignal): Promise<void>;
	timings?: Partial<QueueTimings>;
};

/** The bucket id in an endpoint `buckets/<id>/heartbeat?...`, or null. */
export function endpointBucket(endpoint: string): string | null {
	const match = /^buckets\/([^/?]+)\//.exec(endpoint);
	return match ? decodeURIComponent(match[1]) : null;
}

/** Names an error for the log without its message, which may quote request data. */
function errorName(err: unknown): string {
	if (err instanceof FetchError) return `FetchError ${err.status}`;
	return err instanceof Error ? err.name : typeof err;
}

type LockManagerLike = {
	request(name: string, options: { signal: AbortSignal }, task: () => Promise<void>): Promise<void>;
};

/** Tails of the in-context lock chains, by lock name (see `contextLocks`). */
const chains = new Map<string, Promise<void>>();

/**
 * Where Web Locks are missing (Node), a lock that holds within this context only: tasks for
 * one name run one after another, so two clients with the same name never drain at once.
 */
const contextLocks: LockManagerLike = {
	request(name, { signal }, task) {
		const previous = chains.get(name) ?? Promise.resolve();
		let release: () => void = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		const tail = previous.then(() => held);
		chains.set(name, tail);
		void tail.then(() => {
			if (chains.get(name) === tail) chains.delete(name);
		});
		// A request aborted while it waits gives up its turn at once; the next one still waits
		// for the current holder.
		return raceSignal(previous, signal)
			.then(() => task())
			.finally(release);
	}
};

function lockManager(): LockManagerLike {
	const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
	return nav?.locks ?? contextLocks;
}

export class Dispatcher {
	private readonly stopper = new AbortController();
	/** Requests of the dispatcher: never aborted by `abort()`, only bounded by the timeout. */
	private readonly requests = new AbortController();
	private readonly retried = new Set<number>();
	private wake: (() => void) | null = null;
	private loop: Promise<void> | null = null;
	private failures = 0;
	private serverErrors = 0;
	private readonly timings: QueueTimings;
	connected = false;

	constructor(private readonly options: DispatcherOptions) {
		this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
	}

	get stopped(): boolean {
		return this.stopper.signal.aborted;
	}

	start(): void {
		this.loop ??= this.run();
	}

	/** Interrupts the waits, lets the request in flight finish, releases the lock. */
	async stop(): Promise<void> {
		this.stopper.abort();
		this.wake?.();
		await this.loop;
	}

	/** Tells the drain that an entry was added, so it need not wait for its next look. */
	notify(): void {
		this.wake?.();
	}

	private async run(): Promise<void> {
		const signal = this.stopper.signal;
		try {
			const name = `aw-client-queue:${this.options.queue}`;
			await lockManager().request(name, { signal }, () => this.work());
		} catch (err) {
			if (!signal.aborted)
				log.error('queue dispatcher stopped', { queue: this.options.queue, error: errorName(err) });
		} finally {
			this.connected = false;
		}
	}

	private async work(): Promise<void> {
		await this.options.ready?.(this.stopper.signal);
		while (!this.stopped) await this.step();
	}

	private async step(): Promise<void> {
		if (!this.connected && !(await this.tryConnect())) {
			await pause(this.timings.reconnectMs, this.stopper.signal);
			return;
		}

		let entry: QueueEntry | null;
		try {
			entry = await this.options.storage.first(this.options.queue);
		} catch (err) {
			log.error('cannot read the request queue', {
				queue: this.options.queue,
				error: errorName(err)
			});
			await pause(this.timings.retryMs, this.stopper.signal);
			return;
		}
		if (entry) await this.deliver(entry);
		else await this.idle();
	}

	private async tryConnect(): Promise<boolean> {
		try {
			await this.options.connect(this.requests.signal);
		} catch (err) {
			const level = this.failures++ === 0 ? 'info' : 'debug';
			log[level]('server not reachable; queued requests wait', {
				queue: this.options.queue,
				error: errorName(err)
			});
			return false;
		}
		if (this.failures > 0) log.info('server reachable again', { queue: this.options.queue });
		this.failures = 0;
		this.connected = true;
		return true;
	}

	private idle(): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(done, this.timings.idleMs);
			function done() {
				clearTimeout(timer);
				resolve();
			}
			this.wake = () => {
				this.wake = null;
				done();
			};
		});
	}

	private async deliver(entry: QueueEntry): Promise<void> {
		try {
			await this.options.send(entry, this.requests.signal);
		} catch (err) {
			if (err instanceof FetchError) return this.refused(entry, err);
			log.debug('queued request failed to reach the server', {
				seq: entry.seq,
				error: errorName(err)
			});
			this.connected = false;
			await pause(this.timings.retryMs, this.stopper.signal);
			return;
		}
		await this.drop(entry);
	}

	/** Acts on a status >= 400 (6.3): retry 5xx, reconnect once on 404, drop other 4xx. */
	private async refused(entry: QueueEntry, err: FetchError): Promise<void> {
		if (err.status >= 500) {
			// Warn once per run of failures; the retries every half second stay at debug.
			const level = this.serverErrors++ === 0 ? 'warn' : 'debug';
			log[level]('server error on a queued request; retrying', {
				seq: entry.seq,
				status: err.status
			});
			await pause(this.timings.retryMs, this.stopper.signal);
			return;
		}
		const bucket = endpointBucket(entry.endpoint);
		if (
			err.status === 404 &&
			bucket !== null &&
			this.options.isRegistered(bucket) &&
			!this.retried.has(entry.seq)
		) {
			this.retried.add(entry.seq);
			this.connected = false;
			return;
		}
		log.warn('server refused a queued request; dropping it', {
			queue: entry.queue,
			seq: entry.seq,
			status: err.status
		});
		await this.drop(entry);
		const rejection = {
			queue: entry.queue,
			seq: entry.seq,
			endpoint: entry.endpoint,
			status: err.status,
			message: serverMessage(err.data)
		};
		try {
			this.options.onRejected(rejection);
		} catch (callbackError) {
			log.error('onQueueRejected callback failed', { error: errorName(callbackError) });
		}
	}

	private async drop(entry: QueueEntry): Promise<void> {
		this.retried.delete(entry.seq);
		this.serverErrors = 0;
		try {
			await this.options.storage.remove(entry);
		} catch (err) {
			log.error('cannot remove a delivered entry; it will be sent again', {
				seq: entry.seq,
				error: errorName(err)
			});
			await pause(this.timings.retryMs, this.stopper.signal);
		}
	}
}
