/**
 * Durable delivery: with the app's server down and the bridge never loaded before (a fresh
 * profile, so no service worker has cached it), heartbeats wait in the extension's outbox, in
 * order, across a stopped background worker and across a browser restart, and land in the app
 * once its server is back.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { controlledPage, copyBuild } from './lib/app';
import {
	browse,
	bucketIds,
	buildExtension,
	eventsOf,
	launchWithExtension,
	outboxSizeOf,
	removeDir,
	settle,
	startSites,
	titleSequence,
	type ExtensionBrowser,
	type SitesServer
} from './lib/extension';
import { freePort, startAppServer, type AppServer } from './lib/server';

let server: AppServer;
let sites: SitesServer;
let extensionDir: string;
let appDir: string;
const profiles: string[] = [];

beforeAll(async () => {
	const port = await freePort();
	extensionDir = buildExtension(`http://127.0.0.1:${port}`);
	appDir = copyBuild('dist');
	server = await startAppServer(appDir, port);
	await server.stop();
	sites = await startSites();
});

afterAll(async () => {
	await sites?.close();
	await server?.stop();
	for (const dir of [extensionDir, appDir, ...profiles]) if (dir) removeDir(dir);
});

function newProfile(): string {
	const dir = mkdtempSync(join(tmpdir(), 'hindsight-profile-'));
	profiles.push(dir);
	return dir;
}

type Status = { lastError: { code: string } | null; permission: boolean };

/** Waits until the extension has tried and failed to deliver, with entries waiting. */
async function waitForFailedDelivery(browser: ExtensionBrowser): Promise<Record<string, unknown>> {
	let storage: Record<string, unknown> = {};
	await expect
		.poll(
			async () => {
				storage = await browser.storage();
				return (storage.status as Status | undefined)?.lastError?.code;
			},
			{ timeout: 30_000 }
		)
		.toBe('unreachable');
	expect(outboxSizeOf(storage)).toBeGreaterThan(0);
	return storage;
}

const NAMES = ['one', 'two', 'three', 'four'];

it('keeps heartbeats while the app is unreachable, through a worker stop, and delivers them in order', async () => {
	const browser = await launchWithExtension(extensionDir, newProfile());
	try {
		await browser.worker();
		const [one] = await browse(browser, sites, ['one', 'two']);
		await one.bringToFront();
		// Long enough for the activation to be observed before the next tab (the helper page
		// that reads the extension's storage) takes over.
		await one.waitForTimeout(500);
		const failed = await waitForFailedDelivery(browser);

		const badge = await (await browser.worker()).evaluate(() => chrome.action.getBadgeText({}));
		expect(Number(badge)).toBeGreaterThan(0);
		const popup = await browser.extensionPage('popup/popup.html');
		await expect.poll(() => popup.isVisible('#error')).toBe(true);
		expect(await popup.textContent('#outbox')).toMatch(/^\d+ entries$/);
		await popup.close();

		await browser.stopWorkers();
		await browse(browser, sites, ['three']);
		await expect
			.poll(async () => outboxSizeOf(await browser.storage()))
			.toBeGreaterThan(outboxSizeOf(failed));

		await server.start();
		await browse(browser, sites, ['four']);
		await settle(browser, 60_000);

		const ids = await bucketIds(browser);
		const app = await controlledPage(browser.context, server.origin);
		const web = await eventsOf(app, ids.web);
		expect(titleSequence(web, NAMES)).toEqual(['one', 'two', 'one', 'three', 'four']);
		const starts = web.map((e) => Date.parse(e.timestamp));
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
		await app.close();
	} finally {
		await browser.close();
		await server.stop();
	}
});

it('drains the outbox after a browser restart on the same profile', async () => {
	const profile = newProfile();
	const first = await launchWithExtension(extensionDir, profile);
	let waiting: number;
	try {
		await first.worker();
		await browse(first, sites, ['one', 'two']);
		waiting = outboxSizeOf(await waitForFailedDelivery(first));
	} finally {
		await first.close();
	}
	expect(waiting).toBeGreaterThan(0);

	await server.start();
	const restartedAt = Date.now();
	const second = await launchWithExtension(extensionDir, profile);
	try {
		await settle(second, 60_000);
		const ids = await bucketIds(second);
		const app = await controlledPage(second.context, server.origin);
		const web = await eventsOf(app, ids.web);
		expect(titleSequence(web, NAMES)).toEqual(['one', 'two']);
		const recorded = web.filter((e) => NAMES.includes(String(e.data.title)));
		expect(recorded.every((e) => Date.parse(e.timestamp) < restartedAt)).toBe(true);
		await app.close();
	} finally {
		await second.close();
		await server.stop();
	}
});
