/**
 * The background service worker of the test extension of tests/e2e/client-extension.e2e.ts,
 * bundled with the client library. Like a watcher, it starts a queued-mode client whenever the
 * worker starts (browser start included), from a setup kept in `chrome.storage.local`. It
 * exposes a few steps on `globalThis.queueScenarios` for the test to run with
 * `worker.evaluate`. The client gets no `queueStorage` option, so it picks its queue backend
 * by itself.
 */
import { ActivityWatchClient, QUEUE_DATABASE } from '../../../src/client/index';
import type { QueueRejection } from '../../../src/client/types';

/** Where the test's setup is kept, so that a restarted worker starts the same client. */
const SETUP_KEY = 'e2e-setup';

/** The client to start: server root, client name, and the bucket it registers. */
export type Setup = { baseURL: string; clientName: string; bucket: string };

/**
 * A heartbeat to queue: its bucket, its label, its start in seconds after T0, and its duration
 * in seconds (0 unless given; a negative one is an event the server refuses with a 400).
 */
export type QueuedHeartbeat = { bucket: string; label: string; at: number; duration?: number };

/** Short dispatcher intervals, so reconnecting after the outage takes milliseconds. */
const FAST = { reconnectMs: 50, retryMs: 20, idleMs: 20 };
const T0 = Date.parse('2024-05-01T10:00:00Z');

let client: ActivityWatchClient | null = null;
const rejections: QueueRejection[] = [];

/** Makes the client (once), registers its bucket for deferred creation and connects. */
async function startClient(setup: Setup): Promise<ActivityWatchClient> {
	client ??= new ActivityWatchClient(setup.clientName, {
		baseURL: setup.baseURL,
		queueTimings: FAST,
		onQueueRejected: (rejection) => rejections.push(rejection)
	});
	await client.create_bucket(setup.bucket, 'test', true);
	await client.connect();
	return client;
}

/** Keeps the setup for later worker starts and starts the client now. */
async function start(setup: Setup): Promise<{ connected: boolean }> {
	await chrome.storage.local.set({ [SETUP_KEY]: setup });
	return { connected: (await startClient(setup)).connected };
}

/** Starts the client of a setup kept by an earlier run, if there is one. */
async function resume(): Promise<boolean> {
	const setup = (await chrome.storage.local.get(SETUP_KEY))[SETUP_KEY] as Setup | undefined;
	if (setup) await startClient(setup);
	return setup !== undefined;
}

/**
 * Queues each heartbeat as an entry of its own, in this order: `flush` hands the pre-merged
 * heartbeat to the persistent queue before the next one is offered.
 */
async function queue(heartbeats: QueuedHeartbeat[]): Promise<{ connected: boolean }> {
	if (!client) throw new Error('call start() first');
	for (const { bucket, label, at, duration = 0 } of heartbeats) {
		const event = { timestamp: new Date(T0 + at * 1000), duration, data: { label } };
		await client.heartbeat(bucket, event, 0, true);
		await client.flush();
	}
	return { connected: client.connected };
}

/** Everything in the extension's `chrome.storage.local`. */
function storage(): Promise<Record<string, unknown>> {
	return chrome.storage.local.get(null);
}

/** Whether the library's IndexedDB queue database exists in this extension. */
async function hasQueueDatabase(): Promise<boolean> {
	const databases = await indexedDB.databases();
	return databases.some((d) => d.name === QUEUE_DATABASE);
}

const resumed = resume();

const scenarios = {
	start,
	queue,
	storage,
	hasQueueDatabase,
	/** Resolves once the start-up `resume` finished: true if it started a client. */
	resumed: () => resumed,
	rejections: () => rejections,
	connected: () => client?.connected ?? false
};

declare global {
	var queueScenarios: typeof scenarios;
}

globalThis.queueScenarios = scenarios;

// As a watcher does, ask to be woken when the profile starts; whatever started the worker, the
// start-up `resume` above does the work.
chrome.runtime.onStartup.addListener(() => void resumed);
