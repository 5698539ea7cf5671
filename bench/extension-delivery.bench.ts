/**
 * How long the watcher extension takes from a tab switch to the app's acknowledgement, in
 * Chromium with the real extension, bridge and app server (medians of several runs):
 *
 * - warm: the offscreen document and the app's bridge frame are up;
 * - offscreen made again: the offscreen document was closed, so it, the frame and the bridge's
 *   datastore are made again;
 * - worker restarted: Chromium stopped the background worker (through the DevTools protocol);
 * - browser restart: from launching Chromium on a profile that delivered before to the first
 *   delivery of the new session (Chromium's own start included).
 *
 * A delivery ends when the extension stores the status of a drain that acknowledged entries; a
 * tab switch gives 3 to 5 entries (tab and focus streams flushed and started, the idle stream).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { copyBuild } from '../tests/e2e/lib/app';
import {
	browse,
	buildExtension,
	launchWithExtension,
	removeDir,
	settle,
	startSites,
	waitFor,
	type ExtensionBrowser,
	type SitesServer
} from '../tests/e2e/lib/extension';
import { freePort, startAppServer } from '../tests/e2e/lib/server';

const RUNS = 7;
const RESTART_RUNS = 3;

type Status = { lastDelivered?: { at: number } | null };

function print(name: string, value: number, unit: string, digits = 0): void {
	process.stdout.write(`${name}: ${value.toFixed(digits)} ${unit}\n`);
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Records in the page when each drain that acknowledged something was stored. */
async function watchDeliveries(page: Page): Promise<void> {
	await page.evaluate(() => {
		const times: number[] = [];
		(globalThis as unknown as { deliveries: number[] }).deliveries = times;
		chrome.storage.onChanged.addListener((changes) => {
			const change = changes.status;
			const before = (change?.oldValue as { lastDelivered?: { at: number } })?.lastDelivered;
			const after = (change?.newValue as { lastDelivered?: { at: number } })?.lastDelivered;
			if (after && after.at !== before?.at) times.push(Date.now());
		});
	});
}

async function deliveredAfter(page: Page, start: number): Promise<number> {
	const times = await waitFor(
		() => page.evaluate(() => (globalThis as unknown as { deliveries: number[] }).deliveries),
		(list) => list.some((t) => t >= start),
		'a delivery'
	);
	return times.find((t) => t >= start)! - start;
}

let turn = 1;

/** Switches between two tabs `runs` times, preparing each switch with `before`. */
async function switches(
	browser: ExtensionBrowser,
	watcher: Page,
	tabs: Page[],
	runs: number,
	before: () => Promise<void>
): Promise<number[]> {
	const results: number[] = [];
	for (let run = 0; run < runs; run++) {
		await settle(browser);
		await before();
		await watcher.waitForTimeout(300);
		const start = Date.now();
		await tabs[turn++ % 2].bringToFront();
		results.push(await deliveredAfter(watcher, start));
	}
	return results;
}

async function measureRunning(sites: SitesServer, extensionDir: string) {
	const browser = await launchWithExtension(extensionDir);
	try {
		await browser.worker();
		const tabs = await browse(browser, sites, ['one', 'two']);
		const watcher = await browser.extensionPage('options/options.html');
		await watchDeliveries(watcher);
		await switches(browser, watcher, tabs, 2, async () => {});

		const warm = await switches(browser, watcher, tabs, RUNS, async () => {});
		const cold = await switches(browser, watcher, tabs, RUNS, async () => {
			await (await browser.worker()).evaluate(() => chrome.offscreen.closeDocument());
		});
		const stopped = await switches(browser, watcher, tabs, RUNS, () => browser.stopWorkers());
		return { warm: median(warm), cold: median(cold), stopped: median(stopped) };
	} finally {
		await browser.close();
	}
}

/** From launching Chromium on a profile that delivered before to the first new delivery. */
async function measureRestart(extensionDir: string) {
	const results: number[] = [];
	const profile = mkdtempSync(join(tmpdir(), 'hindsight-bench-profile-'));
	try {
		const first = await launchWithExtension(extensionDir, profile);
		await first.worker();
		await settle(first);
		await first.close();

		for (let i = 0; i < RESTART_RUNS; i++) {
			const start = Date.now();
			const browser = await launchWithExtension(extensionDir, profile);
			await waitFor(
				() => browser.storage(),
				(items) => ((items.status as Status | undefined)?.lastDelivered?.at ?? 0) > start,
				'a delivery after the restart'
			);
			results.push(Date.now() - start);
			await browser.close();
		}
	} finally {
		removeDir(profile);
	}
	return median(results);
}

async function main(): Promise<void> {
	const port = await freePort();
	const extensionDir = buildExtension(`http://127.0.0.1:${port}`);
	const appDir = copyBuild('dist');
	const server = await startAppServer(appDir, port);
	const sites = await startSites();
	try {
		const running = await measureRunning(sites, extensionDir);
		const restart = await measureRestart(extensionDir);
		print('extension.delivery-warm', running.warm, 'ms');
		print('extension.delivery-offscreen-made-again', running.cold, 'ms');
		print('extension.delivery-worker-restarted', running.stopped, 'ms');
		print('extension.delivery-browser-restart', restart, 'ms');
		print('extension.delivery-cold-vs-warm', running.cold / running.warm, 'x', 1);
	} finally {
		await sites.close();
		await server.stop();
		removeDir(extensionDir);
		removeDir(appDir);
	}
}

await main();
