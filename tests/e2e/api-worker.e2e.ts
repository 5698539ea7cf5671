/**
 * The dashboard's dedicated worker in Chromium, reached through src/ui/platform from a test
 * page built with the app: errors keep their code and details across the worker boundary,
 * exports come back as Blobs, imports report progress through a callback, and changes made
 * through the service worker reach the worker's subscribers.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, controlledPage, pageFetch } from './lib/app';
import { launchChromium, type Launched } from './lib/chromium';
import { startAppServer, type AppServer } from './lib/server';

let dir: string;
let server: AppServer;
let browser: Launched;
let page: Page;

type Harness = {
	api: Record<string, (...args: unknown[]) => Promise<unknown>>;
	notices: { kind: string; bucketId?: string }[];
	attempt(run: () => Promise<unknown>): Promise<unknown>;
};

beforeAll(async () => {
	dir = await buildTestApp({ workerTest: 'tests/e2e/lib/worker-page.html' });
	server = await startAppServer(dir);
	browser = await launchChromium();
	page = await controlledPage(browser.context, server.origin, '/tests/e2e/lib/worker-page.html', {
		register: true
	});
	await page.waitForFunction(() => 'hindsight' in window);
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

it('keeps HindsightError codes and details across the worker boundary', async () => {
	const outcome = await page.evaluate(() => {
		const { api, attempt } = (window as unknown as { hindsight: Harness }).hindsight;
		return Promise.all([
			attempt(() => api.getEvents('missing', {})),
			attempt(() =>
				api.query({
					query: 'RETURN = (',
					timeperiods: ['2024-01-01T00:00:00Z/2024-01-02T00:00:00Z']
				})
			)
		]);
	});
	expect(outcome).toEqual([
		{ error: expect.objectContaining({ isHindsightError: true, code: 'bucket_not_found' }) },
		{
			error: expect.objectContaining({
				isHindsightError: true,
				code: 'query_failed',
				details: expect.objectContaining({ kind: 'ParsingError', line: 1 })
			})
		}
	]);
});

it('exports a Blob and imports it back with progress reported through a callback', async () => {
	const outcome = await page.evaluate(async () => {
		const { api } = (window as unknown as { hindsight: Harness }).hindsight;
		const bucket = {
			id: 'w1',
			name: null,
			type: 't',
			client: 'c',
			hostname: 'h',
			created: 0,
			data: {}
		};
		await api.createBucket(bucket);
		await api.insertEvents('w1', [{ id: null, timestamp: 1e15, duration: 5e6, data: { n: 1 } }]);
		const blob = (await api.exportBuckets(['w1'])) as Blob;
		await api.deleteBucket('w1');
		const progress: number[][] = [];
		const summary = await api.importFile(blob, (done: number, total: number) =>
			progress.push([done, total])
		);
		return {
			isBlob: blob instanceof Blob,
			type: blob.type,
			summary,
			progress,
			events: await api.getEvents('w1', {})
		};
	});
	expect(outcome.isBlob).toBe(true);
	expect(outcome.type).toBe('application/json');
	expect(outcome.summary).toEqual({
		buckets: [{ id: 'w1', created: true, added: 1, duplicates: 0, invalid: 0 }]
	});
	expect(outcome.progress.length).toBeGreaterThan(0);
	expect(outcome.events).toMatchObject([{ timestamp: 1e15, duration: 5e6, data: { n: 1 } }]);
});

it('delivers changes made through the service worker to the worker subscribers', async () => {
	const created = await pageFetch(page, 'POST', '/api/0/buckets/from-sw', {
		type: 't',
		client: 'c',
		hostname: 'h'
	});
	expect(created.status).toBe(200);
	await pageFetch(page, 'POST', '/api/0/buckets/from-sw/heartbeat?pulsetime=5', {
		timestamp: '2024-05-01T10:00:00Z'
	});
	const notices = () =>
		page.evaluate(() => (window as unknown as { hindsight: Harness }).hindsight.notices);
	await expect
		.poll(notices)
		.toEqual(
			expect.arrayContaining([
				expect.objectContaining({ kind: 'bucket-created', bucketId: 'from-sw' }),
				expect.objectContaining({ kind: 'events', bucketId: 'from-sw' })
			])
		);
	const events = await page.evaluate(() =>
		(window as unknown as { hindsight: Harness }).hindsight.api.getEvents('from-sw', {})
	);
	expect((events as unknown[]).length).toBe(1);
});

it('loses and doubles nothing when the service worker and the worker take turns on one bucket', async () => {
	const created = await pageFetch(page, 'POST', '/api/0/buckets/shared', {
		type: 't',
		client: 'c',
		hostname: 'h'
	});
	expect(created.status).toBe(200);
	// Each heartbeat goes through the other context than the one before, so the head each
	// context last wrote is always stale when its next heartbeat arrives (optimistic reads).
	const answered = await page.evaluate(async () => {
		const { api } = (window as unknown as { hindsight: Harness }).hindsight;
		const T0 = Date.parse('2024-05-01T10:00:00Z');
		const ids: number[] = [];
		for (let i = 0; i < 40; i++) {
			const data = { app: i < 20 ? 'x' : 'y' };
			if (i % 2 === 0) {
				const response = await fetch('/api/0/buckets/shared/heartbeat?pulsetime=5', {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({
						timestamp: new Date(T0 + i * 1000).toISOString(),
						duration: 0,
						data
					})
				});
				ids.push(((await response.json()) as { id: number }).id);
			} else {
				const event = { id: null, timestamp: (T0 + i * 1000) * 1000, duration: 0, data };
				ids.push(((await api.heartbeat('shared', event, 5)) as { id: number }).id);
			}
		}
		return ids;
	});
	expect(new Set(answered.slice(0, 20)).size).toBe(1);
	expect(new Set(answered.slice(20)).size).toBe(1);
	expect(answered[20]).not.toBe(answered[0]);
	const stored = await pageFetch(page, 'GET', '/api/0/buckets/shared/events');
	expect(stored.body).toEqual([
		{ id: answered[20], timestamp: '2024-05-01T10:00:20Z', duration: 19, data: { app: 'y' } },
		{ id: answered[0], timestamp: '2024-05-01T10:00:00Z', duration: 19, data: { app: 'x' } }
	]);
});
