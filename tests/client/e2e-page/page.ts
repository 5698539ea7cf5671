/**
 * The test page of tests/e2e/client.e2e.ts, bundled with the client library and served next to
 * the built app, so the app's service worker controls it. It registers the service worker
 * itself (as bridge.html does) and exposes the scenarios below to the test, which runs them
 * with `page.evaluate` and checks what they report.
 */
import * as lib from '../../../src/client/index';
import { askToBeClaimed } from '../../../src/sw/protocol';

const { ActivityWatchClient, AWClient, FetchError, createIndexedDbQueueStorage } = lib;

const FAST = { reconnectMs: 50, retryMs: 20, idleMs: 20 };
const T0 = Date.parse('2024-05-01T10:00:00Z');
const at = (seconds: number, label: string) => ({
	timestamp: new Date(T0 + seconds * 1000),
	duration: 0,
	data: { label }
});

async function statusOf(promise: Promise<unknown>): Promise<number | string> {
	try {
		await promise;
		return 'resolved';
	} catch (err) {
		if (err instanceof FetchError) return err.status;
		return err instanceof Error ? err.name : String(err);
	}
}

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error('condition not reached in time');
		await new Promise((r) => setTimeout(r, 20));
	}
}

/** Buckets, events, heartbeats, queries, export and import, settings, the req shim, abort. */
async function everyMethod() {
	const c = new AWClient('e2e-client');
	await c.waitForStart(30);
	const id = 'e2e-client-bucket';
	const r: Record<string, unknown> = { baseURL: c.baseURL, origin: location.origin };

	r.info = await c.getInfo();
	r.snakeInfo = await c.get_info();
	r.hostname = c.client_hostname;

	r.ensure = [await c.ensureBucket(id, 'test', 'host'), await c.ensureBucket(id, 'test', 'host')];
	r.createExisting = [
		await statusOf(c.createBucket(id, 'test', 'host')),
		await statusOf(c.create_bucket(id, 'test'))
	];
	const info = await c.getBucketInfo(id);
	r.bucket = {
		created: info.created instanceof Date,
		client: info.client,
		data: info.data,
		snake: (await c.get_bucket(id)).id
	};
	r.listed = [Object.keys(await c.getBuckets()), Object.keys(await c.get_buckets())];

	const stored = await c.insertEvents(id, [at(0, 'a'), at(10, 'b')]);
	await c.insert_event(id, at(20, 'c'));
	await c.send_events(id, [at(30, 'd')]);
	const [fetched] = await c.getEvents(id, { limit: 1 });
	fetched.data.label = 'd2';
	await c.replaceEvent(id, fetched);
	r.byId = [(await c.getEvent(id, stored[0].id!)).data, (await c.get_event(id, 999_999)) ?? 'null'];
	r.counts = [
		await c.countEvents(id),
		await c.get_eventcount(id),
		await c.countEvents(id, new Date(T0 + 5000), new Date(T0 + 25_000))
	];
	r.ranged = (await c.get_events(id, -1, new Date(T0 + 5000), new Date(T0 + 25_000))).map(
		(e) => e.data.label
	);
	r.idChecks = [
		await statusOf(c.insertEvent(id, { ...at(0, 'x'), id: 1 })),
		await statusOf(c.replaceEvent(id, at(0, 'x')))
	];
	await c.deleteEvent(id, stored[0].id!);
	await c.delete_event(id, stored[1]);
	r.afterDelete = (await c.get_events(id)).map((e) => e.data.label);

	const hb = 'e2e-client-heartbeats';
	await c.create_bucket(hb, 'test');
	await Promise.all(
		Array.from({ length: 10 }, (_, i) => c.heartbeat(hb, 5, at(100 + i * 0.1, 'same')))
	);
	r.pythonHeartbeat = await c.heartbeat(hb, at(102, 'same'), 5);
	r.heartbeatEvents = (await c.getEvents(hb)).map((e) => [e.timestamp.toISOString(), e.duration]);

	const lines = [`bucket = "${id}";`, 'RETURN = query_bucket(bucket);'];
	const day = { start: new Date('2024-05-01T00:00:00Z'), end: new Date('2024-05-02T00:00:00Z') };
	r.queries = [
		(await c.query([day], lines))[0].length,
		(await c.query(lines.join('\n'), [[day.start, day.end]]))[0].length,
		(await c.query(lines.join('\n'), day.start, '2024-05-02T00:00:00+00:00', 'e2e', true))[0].length
	];

	const doc = await c.exportBucket(id);
	r.exportAll = Object.keys((await c.export_all()).buckets).sort();
	await c.delete_bucket(id);
	r.deleted = await statusOf(c.getBucketInfo(id));
	await c.importBucket(doc.buckets[id] as never);
	r.reimported = (await c.get_events(id)).length;
	await c.import_all({
		buckets: { 'e2e-client-copy': { ...doc.buckets[id], id: 'e2e-client-copy' } }
	});
	r.copied = await c.get_eventcount('e2e-client-copy');
	await c.deleteBucket('e2e-client-copy');

	await c.set_setting('e2eSetting', { nested: [1, 'two'] });
	r.settings = [
		await c.get_setting('e2eSetting'),
		await c.getSetting('e2eUnset'),
		(await c.get_settings()).e2eSetting
	];

	const shim = await c.req.get('/0/buckets/' + encodeURIComponent(id) + '/events', {
		params: { limit: 1 }
	});
	r.shim = [
		shim.status,
		(shim.data as unknown[]).length,
		await statusOf(c.req.get('/0/buckets/nope'))
	];

	const pending = c.getBuckets();
	await c.abort();
	r.aborted = await statusOf(pending);
	r.afterAbort = (await c.getInfo()).hostname === r.hostname;
	return r;
}

/** Step 1: with the server unreachable, queue heartbeats; the page is then reloaded. */
async function queueWhileUnreachable(unreachableBase: string) {
	const c = new ActivityWatchClient('e2e-queue', { baseURL: unreachableBase, queueTimings: FAST });
	await c.connect();
	for (const [s, label] of [
		[0, 'a'],
		[1, 'a'],
		[2, 'b'],
		[5, 'c']
	] as const)
		await c.heartbeat('e2e-queue-bucket', at(s, label), 10, true);
	await c.flush();
	await new Promise((r) => setTimeout(r, 300));
	const entries = await createIndexedDbQueueStorage(indexedDB).list('e2e-queue.v1');
	return {
		connected: c.connected,
		queued: entries.map((e) => (e.data as { data: { label: string } }).data.label)
	};
}

/** Step 2, after the reload: a new client with the same name sends the queue to the app. */
async function drainAfterReload() {
	const c = new ActivityWatchClient('e2e-queue', { queueTimings: FAST });
	await c.waitForStart(30);
	await c.setup_bucket('e2e-queue-bucket', 'test');
	await c.connect();
	const storage = createIndexedDbQueueStorage(indexedDB);
	await until(async () => (await storage.list('e2e-queue.v1')).length === 0);
	await c.disconnect();
	return (await c.get_events('e2e-queue-bucket')).map((e) => [
		e.timestamp.toISOString(),
		e.duration,
		e.data.label
	]);
}

/** Starts a dispatcher for `name` and queues one heartbeat with this label. */
async function connectAndQueue(name: string, label: string) {
	const c = new ActivityWatchClient(name, { queueTimings: FAST });
	await c.waitForStart(30);
	await c.create_bucket('e2e-lock-bucket', 'test');
	await c.connect();
	await c.heartbeat('e2e-lock-bucket', at(label === 'first' ? 0 : 100, label), 10, true);
	await c.flush();
	return true;
}

/** Leaves one pre-merged heartbeat pending (nothing queued yet); `pagehide` must flush it. */
async function pendingHeartbeat() {
	const c = new ActivityWatchClient('e2e-pagehide');
	await c.heartbeat('e2e-pagehide-bucket', at(0, 'a'), 10, true);
	await c.heartbeat('e2e-pagehide-bucket', at(3, 'a'), 10, true);
	return queueLength('e2e-pagehide');
}

/** What a page left behind: its stash, then the queue after a new client took the stash over. */
async function takeOverStash(name: string) {
	const stashed = JSON.parse(localStorage.getItem(`aw-client-stash:${name}.v1`) ?? '[]').length;
	await new ActivityWatchClient(name).flush();
	const queued = await createIndexedDbQueueStorage(indexedDB).list(`${name}.v1`);
	return { stashed, queued: queued.map((e) => e.data) };
}

async function locks() {
	const state = await navigator.locks.query();
	const names = (list: LockInfo[] | undefined) =>
		(list ?? []).map((l) => l.name).filter((n) => n?.startsWith('aw-client-queue:'));
	return { held: names(state.held), pending: names(state.pending) };
}

async function queueLength(name: string) {
	return (await createIndexedDbQueueStorage(indexedDB).list(`${name}.v1`)).length;
}

async function lockBucketEvents() {
	const c = new ActivityWatchClient('reader');
	return (await c.get_events('e2e-lock-bucket')).map((e) => e.data.label);
}

/** Registers the service worker and, as the app's pages do, asks it to claim this page. */
async function register(): Promise<void> {
	await navigator.serviceWorker.register('/sw.js', { scope: '/' });
	await askToBeClaimed(navigator.serviceWorker);
}

async function controlled(): Promise<boolean> {
	await register();
	if (navigator.serviceWorker.controller) return true;
	await new Promise((r) =>
		navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
	);
	return navigator.serviceWorker.controller !== null;
}

const scenarios = {
	pendingHeartbeat,
	takeOverStash,
	everyMethod,
	queueWhileUnreachable,
	drainAfterReload,
	connectAndQueue,
	locks,
	queueLength,
	lockBucketEvents,
	controlled
};

declare global {
	interface Window {
		clientScenarios: typeof scenarios;
		clientLibrary: typeof lib;
	}
}

window.clientLibrary = lib;
window.clientScenarios = scenarios;
void register();
