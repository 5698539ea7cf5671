/**
 * Durable delivery: with the app's server down and the bridge never loaded before (a fresh
 * profile, so no service worker has cached it), heartbeats wait in the extension's outbox, in
 * order, across a stopped background worker and across a browser restart, and land in the app
 * once its server is back.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import {
	browse,
	openRecorded,
	outboxSizeOf,
	removeDir,
	settle,
	tabRecorded,
	titleSequence,
	type ExtensionBrowser
} from './lib/extension';
import { useExtensionSetup } from './lib/fixtures';

const setup = useExtensionSetup({ stopped: true });
const profiles: string[] = [];

afterAll(() => {
	for (const dir of profiles) removeDir(dir);
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
	const browser = await setup.launch({ userDataDir: newProfile() });
	try {
		await browser.worker();
		const [one] = await browse(browser, setup.sites, ['one', 'two']);
		await waitForFailedDelivery(browser);

		const badge = await (await browser.worker()).evaluate(() => chrome.action.getBadgeText({}));
		expect(Number(badge)).toBeGreaterThan(0);
		const popup = await browser.extensionPage('popup/popup.html');
		await expect.poll(() => popup.isVisible('#error')).toBe(true);
		expect(await popup.textContent('#outbox')).toMatch(/^\d+ entries$/);
		// Closing the popup makes its neighbour "two" the active tab again; "one" comes back next.
		await popup.close();

		await one.bringToFront();
		await tabRecorded(browser, 'one');
		const waiting = outboxSizeOf(await browser.storage());
		await browser.stopWorkers();
		await browse(browser, setup.sites, ['three']);
		await expect.poll(async () => outboxSizeOf(await browser.storage())).toBeGreaterThan(waiting);

		await setup.server.start();
		await browse(browser, setup.sites, ['four']);
		await settle(browser, 60_000);

		const { page: app, events } = await openRecorded(browser, setup.server.origin);
		const web = await events('web');
		expect(titleSequence(web, NAMES)).toEqual(['one', 'two', 'one', 'three', 'four']);
		const starts = web.map((e) => Date.parse(e.timestamp));
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
		await app.close();
	} finally {
		await browser.close();
		await setup.server.stop();
	}
});

it('drains the outbox after a browser restart on the same profile', async () => {
	const profile = newProfile();
	const first = await setup.launch({ userDataDir: profile });
	let waiting: number;
	try {
		await first.worker();
		await browse(first, setup.sites, ['one', 'two']);
		waiting = outboxSizeOf(await waitForFailedDelivery(first));
	} finally {
		await first.close();
	}
	expect(waiting).toBeGreaterThan(0);

	await setup.server.start();
	const restartedAt = Date.now();
	const second = await setup.launch({ userDataDir: profile });
	try {
		await settle(second, 60_000);
		const { page: app, events } = await openRecorded(second, setup.server.origin);
		const web = await events('web');
		expect(titleSequence(web, NAMES)).toEqual(['one', 'two']);
		const recorded = web.filter((e) => NAMES.includes(String(e.data.title)));
		expect(recorded.every((e) => Date.parse(e.timestamp) < restartedAt)).toBe(true);
		await app.close();
	} finally {
		await second.close();
		await setup.server.stop();
	}
});
