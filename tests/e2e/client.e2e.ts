/**
 * The client library in Chromium against the real service-worker API: a test page bundling
 * the library (tests/client/e2e-page) is served next to the built app, so the app's service
 * worker controls it. Needs `npm run build` first (it serves a copy of `dist`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addTestPage } from './lib/app';
import { launchChromium } from './lib/chromium';
import { useAppAndBrowser } from './lib/fixtures';
import { freePort } from './lib/server';

const app = useAppAndBrowser();
let pagePath: string;

beforeAll(async () => {
	pagePath = await addTestPage(app.dir, 'client-e2e', 'tests/client/e2e-page/page.ts');
});

/** Opens the test page and waits until the app's service worker controls it. */
async function openPage(context: BrowserContext): Promise<Page> {
	const page = await context.newPage();
	await page.goto(app.server.origin + pagePath);
	await page.waitForFunction(() => 'clientScenarios' in window);
	expect(await page.evaluate(() => window.clientScenarios.controlled())).toBe(true);
	return page;
}

/** The labels of the heartbeats the page sends from now on, in the order it sends them. */
function heartbeatsSentBy(page: Page): string[] {
	const labels: string[] = [];
	page.on('request', (request) => {
		if (request.method() !== 'POST' || !request.url().includes('/heartbeat')) return;
		labels.push((request.postDataJSON() as { data: { label: string } }).data.label);
	});
	return labels;
}

const DRAINED = [
	['2024-05-01T10:00:05.000Z', 0, 'c'],
	['2024-05-01T10:00:02.000Z', 0, 'b'],
	['2024-05-01T10:00:00.000Z', 1, 'a']
];

describe('ActivityWatchClient in a page controlled by the service worker', () => {
	it('answers every method through the service-worker API', async () => {
		const page = await openPage(app.browser.context);
		const r = await page.evaluate(() => window.clientScenarios.everyMethod());
		expect(r.baseURL).toBe(app.server.origin);
		expect(r.info).toMatchObject({
			version: expect.stringContaining('hindsight'),
			device_id: expect.any(String)
		});
		expect(r.snakeInfo).toEqual(r.info);
		expect(r.hostname).toBe((r.info as { hostname: string }).hostname);
		expect(r.ensure).toEqual([{ alreadyExist: false }, { alreadyExist: true }]);
		expect(r.createExisting).toEqual([304, 'resolved']);
		expect(r.bucket).toEqual({
			created: true,
			client: 'e2e-client',
			data: {},
			snake: 'e2e-client-bucket'
		});
		expect(r.listed).toEqual([['e2e-client-bucket'], ['e2e-client-bucket']]);
		expect(r.byId).toEqual([{ label: 'a' }, 'null']);
		expect(r.counts).toEqual([4, 4, 2]);
		expect(r.ranged).toEqual(['c', 'b']);
		expect(r.idChecks).toEqual(['HindsightError', 'HindsightError']);
		expect(r.afterDelete).toEqual(['d2', 'c']);
		expect(r.pythonHeartbeat).toMatchObject({ duration: 2, data: { label: 'same' } });
		expect(r.heartbeatEvents).toEqual([['2024-05-01T10:01:40.000Z', 2]]);
		expect(r.queries).toEqual([2, 2, 2]);
		expect(r.exportAll).toEqual(['e2e-client-bucket', 'e2e-client-heartbeats']);
		expect(r.deleted).toBe(404);
		expect(r.reimported).toBe(2);
		expect(r.copied).toBe(2);
		expect(r.settings).toEqual([{ nested: [1, 'two'] }, null, { nested: [1, 'two'] }]);
		expect(r.shim).toEqual([200, 1, 404]);
		expect(r.aborted).toBe('AbortError');
		expect(r.afterAbort).toBe(true);
		await page.close();
	});

	it('keeps the IndexedDB queue through a reload while the server is unreachable, then delivers it in order', async () => {
		const page = await openPage(app.browser.context);
		const unreachable = `http://127.0.0.1:${await freePort()}`;
		const before = await page.evaluate(
			(base) => window.clientScenarios.queueWhileUnreachable(base),
			unreachable
		);
		expect(before).toEqual({ connected: false, queued: ['a', 'b', 'c'] });

		await page.reload();
		await page.waitForFunction(() => 'clientScenarios' in window);
		expect(await page.evaluate(() => window.clientScenarios.queueLength('e2e-queue'))).toBe(3);
		const sent = heartbeatsSentBy(page);
		const events = await page.evaluate(() => window.clientScenarios.drainAfterReload());
		expect(events).toEqual(DRAINED);
		expect(sent).toEqual(['a', 'b', 'c']);
		await page.close();
	});

	it('keeps the IndexedDB queue through a browser restart on the same profile, then delivers it once, in order', async () => {
		const profile = mkdtempSync(join(tmpdir(), 'hindsight-client-profile-'));
		const unreachable = `http://127.0.0.1:${await freePort()}`;
		try {
			const first = await launchChromium({ userDataDir: profile });
			try {
				const page = await openPage(first.context);
				const before = await page.evaluate(
					(base) => window.clientScenarios.queueWhileUnreachable(base),
					unreachable
				);
				expect(before).toEqual({ connected: false, queued: ['a', 'b', 'c'] });
			} finally {
				await first.close();
			}

			const second = await launchChromium({ userDataDir: profile });
			try {
				const page = await openPage(second.context);
				expect(await page.evaluate(() => window.clientScenarios.queueLength('e2e-queue'))).toBe(3);
				const sent = heartbeatsSentBy(page);
				const events = await page.evaluate(() => window.clientScenarios.drainAfterReload());
				expect(events).toEqual(DRAINED);
				expect(sent).toEqual(['a', 'b', 'c']);
				expect(await page.evaluate(() => window.clientScenarios.queueLength('e2e-queue'))).toBe(0);
			} finally {
				await second.close();
			}
		} finally {
			rmSync(profile, { recursive: true, force: true });
		}
	});

	it('lets one tab drain a queue at a time, and another take over when it closes', async () => {
		const first = await openPage(app.browser.context);
		const second = await openPage(app.browser.context);
		await first.evaluate(() => window.clientScenarios.connectAndQueue('e2e-lock', 'first'));
		await second.evaluate(() => window.clientScenarios.connectAndQueue('e2e-lock', 'second'));
		await expect
			.poll(() => second.evaluate(() => window.clientScenarios.locks()))
			.toEqual({
				held: ['aw-client-queue:e2e-lock.v1'],
				pending: ['aw-client-queue:e2e-lock.v1']
			});
		await expect
			.poll(() => second.evaluate(() => window.clientScenarios.queueLength('e2e-lock')))
			.toBe(0);

		await first.close();
		await expect
			.poll(() => second.evaluate(() => window.clientScenarios.locks()))
			.toEqual({
				held: ['aw-client-queue:e2e-lock.v1'],
				pending: []
			});
		await second.evaluate(() => window.clientScenarios.connectAndQueue('e2e-lock', 'third'));
		await expect
			.poll(() => second.evaluate(() => window.clientScenarios.queueLength('e2e-lock')))
			.toBe(0);
		const labels = await second.evaluate(() => window.clientScenarios.lockBucketEvents());
		expect(labels.sort()).toEqual(['first', 'second', 'third']);
		await second.close();
	});

	it('keeps pending pre-merged heartbeats when the page goes away, for the next client to queue', async () => {
		const page = await openPage(app.browser.context);
		expect(await page.evaluate(() => window.clientScenarios.pendingHeartbeat())).toBe(0);
		await page.goto(app.server.origin + pagePath + '?next');
		await page.waitForFunction(() => 'clientScenarios' in window);
		expect(await page.evaluate(() => window.clientScenarios.takeOverStash('e2e-pagehide'))).toEqual(
			{
				stashed: 1,
				queued: [{ timestamp: '2024-05-01T10:00:00.000Z', duration: 3, data: { label: 'a' } }]
			}
		);
		await page.close();
	});

	it('waits for service-worker control in a fresh browser before its first request', async () => {
		const fresh = await launchChromium();
		try {
			const page = await fresh.context.newPage();
			await page.goto(app.server.origin + pagePath);
			await page.waitForFunction(() => 'clientScenarios' in window);
			const info = await page.evaluate(async () => {
				const client = new window.clientLibrary.AWClient('fresh');
				await client.waitForStart(30);
				return {
					controlled: navigator.serviceWorker.controller !== null,
					info: await client.getInfo()
				};
			});
			expect(info.controlled).toBe(true);
			expect(info.info.version).toContain('hindsight');
		} finally {
			await fresh.close();
		}
	});
});
