/**
 * The client library's queued mode in a real extension: a test extension's background worker
 * (tests/e2e/lib/client-extension-worker.ts) runs `ActivityWatchClient` with its default queue
 * storage, which must be `chrome.storage.local` there. The server is the project's REST router
 * over a real datastore behind a Node `http` server (tests/e2e/lib/api-server.ts), down at
 * first. Heartbeats queued during the outage survive a browser restart on the same profile and
 * land once, in order, when the server comes up; the ones the server refuses (404, a bucket
 * nobody registered; 400, an event with a negative duration) are reported and dropped, and the
 * heartbeats behind them still land.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { QueueEntry } from '../../src/client/queue-storage';
import { createApiServer, type ApiServer } from './lib/api-server';
import { launchChromium } from './lib/chromium';
import { backgroundWorker, buildClientExtension } from './lib/client-extension';
import type { QueuedHeartbeat, Setup } from './lib/client-extension-worker';
import { removeDir, waitFor } from './lib/extension';

const CLIENT = 'e2e-extension-queue';
const BUCKET = 'e2e-extension-bucket';
const MISSING = 'e2e-unregistered-bucket';
const KEY_PREFIX = `aw-client-queue:${CLIENT}.v1:`;

const HEARTBEATS: QueuedHeartbeat[] = [
	{ bucket: BUCKET, label: 'a', at: 0 },
	{ bucket: BUCKET, label: 'b', at: 2 },
	{ bucket: MISSING, label: 'refused', at: 3 },
	{ bucket: BUCKET, label: 'c', at: 4 },
	{ bucket: BUCKET, label: 'invalid', at: 5, duration: -1 },
	{ bucket: BUCKET, label: 'd', at: 6 }
];
const endpoint = (bucket: string) => `buckets/${bucket}/heartbeat?pulsetime=0`;
const QUEUED = HEARTBEATS.map((h): [string, string] => [endpoint(h.bucket), h.label]);

let server: ApiServer;
let extensionDir: string;
let profile: string;

beforeAll(async () => {
	server = await createApiServer();
	extensionDir = await buildClientExtension();
	profile = mkdtempSync(join(tmpdir(), 'hindsight-client-extension-profile-'));
});

afterAll(async () => {
	await server?.close();
	for (const dir of [extensionDir, profile]) if (dir) removeDir(dir);
});

/** The queue's entries in `chrome.storage.local`, in key order, as [endpoint, label]. */
async function queuedIn(worker: Worker): Promise<[string, string][]> {
	const items = await worker.evaluate(() => globalThis.queueScenarios.storage());
	return Object.keys(items)
		.filter((key) => key.startsWith(KEY_PREFIX))
		.sort()
		.map((key) => {
			const entry = items[key] as QueueEntry;
			return [entry.endpoint, (entry.data as { data: { label: string } }).data.label];
		});
}

/** The labels of the heartbeats the server received, in the order it received them. */
function heartbeatsReceived(): string[] {
	return server.requests
		.filter((r) => r.line.includes('/heartbeat'))
		.map((r) => (JSON.parse(r.body) as { data: { label: string } }).data.label);
}

/** The labels of the bucket's stored events in the order they were stored (by id). */
async function storedLabels(bucket: string): Promise<string[]> {
	const doc = await server.datastore.exportBuckets([bucket]);
	return doc.buckets[bucket].events
		.toSorted((x, y) => Number(x.id) - Number(y.id))
		.map((e) => String(e.data.label));
}

it('keeps queued heartbeats in chrome.storage.local through a browser restart, then delivers them once and in order, dropping the ones the server refuses', async () => {
	const setup: Setup = { baseURL: server.origin, clientName: CLIENT, bucket: BUCKET };

	const first = await launchChromium({ extensionDir, userDataDir: profile });
	try {
		const { worker, resumed } = await backgroundWorker(first.context);
		expect(resumed).toBe(false);
		await worker.evaluate((s) => globalThis.queueScenarios.start(s), setup);
		const queued = await worker.evaluate((h) => globalThis.queueScenarios.queue(h), HEARTBEATS);
		expect(queued).toEqual({ connected: false });
		expect(await queuedIn(worker)).toEqual(QUEUED);
		expect(await worker.evaluate(() => globalThis.queueScenarios.hasQueueDatabase())).toBe(false);
	} finally {
		await first.close();
	}

	const second = await launchChromium({ extensionDir, userDataDir: profile });
	try {
		const { worker, resumed } = await backgroundWorker(second.context);
		expect(resumed).toBe(true);
		expect(await queuedIn(worker)).toEqual(QUEUED);
		expect(server.requests).toEqual([]);

		await server.start();
		await waitFor(
			() => queuedIn(worker),
			(left) => left.length === 0,
			'the queue to drain',
			15_000
		);

		expect(await storedLabels(BUCKET)).toEqual(['a', 'b', 'c', 'd']);
		expect(server.requests.map((r) => r.line)).toEqual([
			'GET /api/0/info',
			`POST /api/0/buckets/${BUCKET}`,
			...QUEUED.map(([path]) => `POST /api/0/${path}`)
		]);
		expect(heartbeatsReceived()).toEqual(['a', 'b', 'refused', 'c', 'invalid', 'd']);
		expect(await server.datastore.getBucket(MISSING)).toBeNull();
		expect(await worker.evaluate(() => globalThis.queueScenarios.rejections())).toEqual([
			{
				queue: `${CLIENT}.v1`,
				seq: expect.any(Number),
				endpoint: endpoint(MISSING),
				status: 404,
				message: expect.stringContaining(MISSING)
			},
			{
				queue: `${CLIENT}.v1`,
				seq: expect.any(Number),
				endpoint: endpoint(BUCKET),
				status: 400,
				message: expect.stringMatching(/duration/i)
			}
		]);
		expect(await worker.evaluate(() => globalThis.queueScenarios.connected())).toBe(true);
		expect(await worker.evaluate(() => globalThis.queueScenarios.hasQueueDatabase())).toBe(false);
	} finally {
		await second.close();
	}
});
