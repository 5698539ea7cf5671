/**
 * Queued mode of one client (client.md 5.4 and section 6): the pre-merge of queued
 * heartbeats, the persistent queue they go into, the buckets registered for creation, and the
 * dispatcher that sends the queue once `connect()` started it. The client supplies the HTTP
 * side (the connect phase, bucket creation, sending one entry) through `QueuedModeHost`.
 */
import { createLogger } from '../core/log';
import { Dispatcher } from './dispatcher';
import { HeartbeatPremerge, type Commit } from './heartbeats';
import type { NewQueueEntry, QueueEntry, QueueStorage } from './queue-storage';
import { segment } from './transport';
import type { EventInput, QueueRejection, QueueTimings } from './types';
import { stash, takeStash } from './unload-stash';

const log = createLogger('client');

export type QueuedModeHost = {
	queueName(): string;
	clientName(): string;
	storage(): QueueStorage;
	/** Fetches the server info and creates every registered bucket; rejects when not connected. */
	connectPhase(signal: AbortSignal): Promise<void>;
	createBucket(id: string, type: string, signal: AbortSignal): Promise<unknown>;
	send(entry: QueueEntry, signal: AbortSignal): Promise<unknown>;
	/** What to wait for before the transport reaches the app (service-worker control), if any. */
	ready(): ((signal: AbortSignal) => Promise<void>) | undefined;
	onRejected?: (rejection: QueueRejection) => void;
	timings?: Partial<QueueTimings>;
};

type Listener = () => void;

export class QueuedMode {
	/** Buckets registered for creation on every connect phase, id to event type. */
	readonly registered = new Map<string, string>();
	private readonly premerge = new HeartbeatPremerge();
	private dispatcher: Dispatcher | null = null;
	private warned = false;
	private storeTail: Promise<unknown> = Promise.resolve();
	private pageListeners: [string, Listener][] = [];

	constructor(private readonly host: QueuedModeHost) {}

	/** True while the dispatcher runs and its last connect phase succeeded. */
	get connected(): boolean {
		return this.dispatcher?.connected ?? false;
	}

	/** Deferred creation (6.4): register, and create at once when connected. */
	async registerBucket(id: string, type: string): Promise<void> {
		if (!this.registered.has(id)) this.registered.set(id, type);
		this.warnIfNotConnected();
		const dispatcher = this.dispatcher;
		if (!dispatcher?.connected) return;
		try {
			// Dispatcher work: not cancelled by abort(), only bounded by the timeout.
			await this.host.createBucket(id, type, new AbortController().signal);
		} catch (err) {
			log.info('deferred bucket creation failed; reconnecting', {
				bucket: id,
				error: err instanceof Error ? err.name : typeof err
			});
			dispatcher.connected = false;
		}
	}

	/** A queued heartbeat (5.4): pre-merged; finished runs go to the persistent queue. */
	async heartbeat(bucketId: string, event: EventInput, pulsetime: number, commitInterval: number) {
		this.warnIfNotConnected();
		this.watchPage();
		const commit = this.premerge.offer(bucketId, event, pulsetime, commitInterval);
		if (commit) await this.store([this.entryOf(commit)]);
	}

	/** Queues every pending pre-merged heartbeat now (and anything a closed page stashed). */
	async flush(): Promise<void> {
		await this.store([
			...takeStash(this.host.queueName()),
			...this.premerge.drain().map((c) => this.entryOf(c))
		]);
	}

	/** Starts the dispatcher unless it runs; resolves once it started. */
	async connect(): Promise<void> {
		if (this.dispatcher) return;
		this.dispatcher = new Dispatcher({
			queue: this.host.queueName(),
			storage: this.host.storage(),
			connect: (signal) => this.host.connectPhase(signal),
			send: (entry, signal) => this.host.send(entry, signal),
			isRegistered: (id) => this.registered.has(id),
			onRejected: (rejection) => this.host.onRejected?.(rejection),
			ready: this.host.ready(),
			timings: this.host.timings
		});
		this.dispatcher.start();
		await this.store(takeStash(this.host.queueName()));
	}

	/** Flushes, stops the dispatcher (the request in flight may finish) and keeps the queue. */
	async disconnect(): Promise<void> {
		await this.flush();
		const dispatcher = this.dispatcher;
		this.dispatcher = null;
		await dispatcher?.stop();
		this.warned = false;
		this.unwatchPage();
	}

	private entryOf(commit: Commit): NewQueueEntry {
		const endpoint = `buckets/${segment(commit.bucketId)}/heartbeat?pulsetime=${commit.pulsetime}`;
		return { queue: this.host.queueName(), endpoint, data: commit.event, added: Date.now() };
	}

	/** Adds entries in call order (one add after the other), then wakes the dispatcher. */
	private store(entries: NewQueueEntry[]): Promise<void> {
		if (entries.length === 0) return Promise.resolve();
		const stored = this.storeTail.then(async () => {
			for (const entry of entries) await this.host.storage().add(entry);
		});
		this.storeTail = stored.catch(() => undefined);
		return stored.then(() => this.dispatcher?.notify());
	}

	private warnIfNotConnected(): void {
		if (this.dispatcher || this.warned) return;
		this.warned = true;
		log.warn('queued requests are only sent after connect(); call client.connect()', {
			client: this.host.clientName()
		});
	}

	/**
	 * In a window: on `pagehide`, stash the pending heartbeats synchronously (unload-stash.ts
	 * says why the queue cannot take them then); on `pageshow` after a back/forward restore,
	 * move them into the queue again.
	 */
	private watchPage(): void {
		const page = globalThis as Partial<Pick<Window, 'addEventListener' | 'document'>>;
		if (this.pageListeners.length > 0 || !page.document || !page.addEventListener) return;
		const onHide = () => {
			const entries = this.premerge.drain().map((c) => this.entryOf(c));
			if (entries.length > 0 && !stash(this.host.queueName(), entries)) void this.store(entries);
		};
		const onShow = () => void this.store(takeStash(this.host.queueName()));
		this.pageListeners = [
			['pagehide', onHide],
			['pageshow', onShow]
		];
		for (const [type, listener] of this.pageListeners) page.addEventListener(type, listener);
	}

	private unwatchPage(): void {
		for (const [type, listener] of this.pageListeners)
			globalThis.removeEventListener?.(type, listener);
		this.pageListeners = [];
	}
}
