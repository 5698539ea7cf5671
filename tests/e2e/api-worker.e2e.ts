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
