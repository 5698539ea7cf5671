/**
 * The watcher extension in Chromium with storage partitioning on, delivering into the built app
 * served by its real server. The extension is built for the server's origin (so its manifest
 * holds host permission for it); no app tab is open while it records and delivers. The data is
 * read afterwards from an app page, through the app's service worker and `/api/0/`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageFetch } from './lib/app';
import {
	browse,
	openRecorded,
	saveOptions,
	settle,
	tabRecorded,
	waitFor,
	titleSequence,
	type ExtensionBrowser
} from './lib/extension';
import { useExtensionSetup } from './lib/fixtures';

/** Chromium's extension events have a `dispatch` that runs their listeners (not in the types). */
type Dispatchable = { dispatch(...args: unknown[]): void };

const setup = useExtensionSetup();

const NAMES = ['alpha', 'beta'];

describe('the watcher extension', () => {
	let browser: ExtensionBrowser;

	let launchedAt = 0;

	beforeAll(async () => {
		launchedAt = Date.now();
		browser = await setup.launch();
		await browser.worker();
	});

	afterAll(async () => {
		await browser?.close();
	});

	it('records tab switches into the app with no app tab open', async () => {
		const [alpha] = await browse(browser, setup.sites, ['alpha', 'beta']);
		await alpha.bringToFront();
		await tabRecorded(browser, 'alpha');
		await settle(browser);

		const open = browser.context.pages().map((p) => p.url());
		expect(open.some((url) => url.startsWith(setup.server.origin))).toBe(false);

		const { page: app, ids, events } = await openRecorded(browser, setup.server.origin);
		const buckets = (await pageFetch(app, 'GET', '/api/0/buckets/')).body as Record<
			string,
			{ type: string }
		>;
		expect(buckets[ids.web].type).toBe('web.tab.current');
		expect(buckets[ids.window].type).toBe('currentwindow');
		expect(buckets[ids.afk].type).toBe('afkstatus');

		const web = await events('web');
		expect(titleSequence(web, NAMES)).toEqual(['alpha', 'beta', 'alpha']);
		for (const event of web) {
			expect(Object.keys(event.data).sort()).toEqual([
				'audible',
				'incognito',
				'tabCount',
				'title',
				'url'
			]);
		}
		const [firstAlpha] = web.filter((e) => e.data.title === 'alpha');
		expect(firstAlpha.data).toMatchObject({
			url: setup.sites.url('alpha'),
			audible: false,
			incognito: false
		});
		const focus = await events('window');
		expect(titleSequence(focus, NAMES)).toEqual(['alpha', 'beta', 'alpha']);
		expect(new Set(focus.map((e) => e.data.app))).toEqual(new Set(['Google Chrome']));
		const afk = await events('afk');
		expect(afk.map((e) => e.data.status)).toEqual(['not-afk']);
		await app.close();
	});

	it('never records a site excluded on the options page', async () => {
		await saveOptions(browser, { excludedSites: 'localhost' });

		const secret = await browser.context.newPage();
		await secret.goto(setup.sites.url('secret').replace('127.0.0.1', 'localhost'));
		await waitFor(
			async () => ((await browser.storage()).status as { recording?: string }).recording,
			(recording) => recording === 'excluded',
			'the extension to report the excluded site'
		);
		await settle(browser);
		await browse(browser, setup.sites, ['beta']);
		await settle(browser);

		const { page: app, events } = await openRecorded(browser, setup.server.origin);
		for (const bucket of ['web', 'window'] as const) {
			const titles = (await events(bucket)).map((e) => e.data.title);
			expect(titles).not.toContain('secret');
			expect(titles).toContain('beta');
		}
		await app.close();
		await secret.close();
	});

	it('takes the idle threshold from the options page and records idle changes as afk events', async () => {
		await saveOptions(browser, { idleThresholdSeconds: '15' });
		expect(
			((await browser.storage()).settings as { idleThresholdSeconds: number }).idleThresholdSeconds
		).toBe(15);

		const [gamma] = await browse(browser, setup.sites, ['gamma']);
		await gamma.waitForTimeout(Math.max(0, launchedAt + 20_000 - Date.now()));

		// Headless Chromium always reports the system as active, so the test dispatches the idle
		// events itself: chrome.idle.onStateChanged.dispatch runs the worker's real listeners.
		const worker = await browser.worker();
		const idleAt = await worker.evaluate(() => {
			(chrome.idle.onStateChanged as unknown as Dispatchable).dispatch('idle');
			return Date.now();
		});
		await gamma.waitForTimeout(2_000);
		const activeAt = await worker.evaluate(() => {
			(chrome.idle.onStateChanged as unknown as Dispatchable).dispatch('active');
			return Date.now();
		});
		await settle(browser);

		const { page: app, events } = await openRecorded(browser, setup.server.origin);
		const afk = (await events('afk')).map((e) => ({
			status: e.data.status,
			start: Date.parse(e.timestamp),
			end: Date.parse(e.timestamp) + e.duration * 1000
		}));
		expect(afk.map((e) => e.status)).toEqual(['not-afk', 'afk', 'not-afk']);
		const [active, away, back] = afk;
		expect(Math.abs(active.end - (idleAt - 15_000))).toBeLessThan(1_000);
		expect(away.start).toBeCloseTo(active.end, -1);
		expect(Math.abs(away.end - activeAt)).toBeLessThan(1_000);
		expect(back.start).toBeGreaterThanOrEqual(away.end);
		await app.close();
	});

	it('carries on after Chromium stops its background worker, reusing the offscreen document', async () => {
		await browse(browser, setup.sites, ['beta']);
		await settle(browser);
		const before = await (
			await browser.worker()
		).evaluate(async () => {
			const contexts = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
			return contexts.map((c) => c.documentId);
		});
		expect(before).toHaveLength(1);
		await (
			await browser.worker()
		).evaluate(() => {
			(self as unknown as { beforeStop: boolean }).beforeStop = true;
		});

		await browser.stopWorkers();
		await browse(browser, setup.sites, ['delta']);
		await settle(browser);

		const worker = await browser.worker();
		const after = await worker.evaluate(async () => {
			const contexts = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
			return contexts.map((c) => c.documentId);
		});
		expect(after).toEqual(before);
		expect(await worker.evaluate(() => 'beforeStop' in self)).toBe(false);
		const alarm = await worker.evaluate(() => chrome.alarms.get('heartbeat'));
		expect(alarm?.periodInMinutes).toBe(1);

		const { page: app, events } = await openRecorded(browser, setup.server.origin);
		const titles = (await events('web')).map((e) => e.data.title);
		expect(titles).toContain('delta');
		await app.close();
	});
});
