/**
 * Helpers for browser tests of the watcher extension: a build of the extension for a given app
 * origin (its manifest then holds host permission for it), Chromium with that build loaded and
 * storage partitioning on, access to the extension's background worker and pages, stopping the
 * worker through the DevTools protocol, and small pages to browse between.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { controlledPage, pageFetch } from './app';
import { HINDSIGHT_EXTENSION_ID } from '../../../src/core/bridge-protocol';
import { WATCHER_KEY } from '../../../extension/src/background/recorder';
import type { WatcherState } from '../../../extension/src/watcher/plan';
import { launchChromium, type Launched } from './chromium';

/** Builds the extension for `appOrigin` into a new temporary directory; returns it. */
export function buildExtension(appOrigin: string): string {
	const outDir = mkdtempSync(join(tmpdir(), 'hindsight-extension-'));
	const vite = resolve('node_modules/vite/bin/vite.js');
	const result = spawnSync(
		process.execPath,
		[vite, 'build', '-c', 'extension/vite.config.ts', '--outDir', outDir, '--logLevel', 'warn'],
		{
			env: {
				...process.env,
				HINDSIGHT_APP_ORIGIN: appOrigin,
				VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true'
			},
			encoding: 'utf8'
		}
	);
	if (result.status !== 0) throw new Error(`Building the extension failed:\n${result.stderr}`);
	return outDir;
}

export function removeDir(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
}

export const EXTENSION_ORIGIN = `chrome-extension://${HINDSIGHT_EXTENSION_ID}`;

export type ExtensionBrowser = Launched & {
	/** The extension's background worker as it runs now (started again if it was stopped). */
	worker(): Promise<Worker>;
	/** Opens one of the extension's pages (e.g. `options/options.html`) in a new tab. */
	extensionPage(path: string): Promise<Page>;
	/** Everything in the extension's `chrome.storage.local`. */
	storage(): Promise<Record<string, unknown>>;
	/** Stops every service worker of the profile, as Chromium does to idle workers. */
	stopWorkers(): Promise<void>;
};

export async function launchWithExtension(
	extensionDir: string,
	userDataDir?: string
): Promise<ExtensionBrowser> {
	const launched = await launchChromium({ extensionDir, userDataDir });
	const { context } = launched;

	const closed = new WeakSet<Worker>();
	const watch = (w: Worker) => {
		w.on('close', () => closed.add(w));
		// HINDSIGHT_E2E_LOGS=1 prints the background worker's log, to debug a failing test.
		if (process.env.HINDSIGHT_E2E_LOGS) {
			w.on('console', (m) =>
				process.stdout.write(`[worker ${Date.now() % 100_000}] ${m.text()}\n`)
			);
		}
	};
	context.serviceWorkers().forEach(watch);
	context.on('serviceworker', watch);

	const worker = async (): Promise<Worker> => {
		const running = context
			.serviceWorkers()
			.find((w) => w.url().startsWith(EXTENSION_ORIGIN) && !closed.has(w));
		if (running) return running;
		const started = context.waitForEvent('serviceworker', {
			predicate: (w) => w.url().startsWith(EXTENSION_ORIGIN),
			timeout: 30_000
		});
		// Any extension event wakes the worker; opening a tab sends several.
		const nudge = await context.newPage();
		const found = await started;
		await nudge.close();
		return found;
	};

	const extensionPage = async (path: string): Promise<Page> => {
		const page = await context.newPage();
		await page.goto(`${EXTENSION_ORIGIN}/${path}`);
		return page;
	};

	// The page that reads the extension's storage opens now, before any tab of the test: a tab
	// opened later becomes the active tab, and the extension would record it instead of the tab
	// the test has just activated.
	await worker();
	const helper = await extensionPage('popup/popup.html');
	const storage = (): Promise<Record<string, unknown>> =>
		helper.evaluate(() => chrome.storage.local.get(null));

	const stopWorkers = async (): Promise<void> => {
		const page = context.pages()[0] ?? (await context.newPage());
		const session = await context.newCDPSession(page);
		await session.send('ServiceWorker.enable');
		await session.send('ServiceWorker.stopAllWorkers');
		await session.detach();
	};

	return { ...launched, worker, extensionPage, storage, stopWorkers };
}

/** The number of entries waiting in the extension's outbox. */
export function outboxSizeOf(storage: Record<string, unknown>): number {
	const meta = storage['outbox:meta'] as { head: number; next: number } | undefined;
	return meta ? meta.next - meta.head : 0;
}

export type SitesServer = { origin: string; url(name: string): string; close(): Promise<void> };

/** Serves `/<name>` as a page titled `<name>`, to browse between (not the app's origin). */
export async function startSites(): Promise<SitesServer> {
	const server: Server = createServer((req, res) => {
		const name = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0]) || 'index';
		res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
		res.end(`<!doctype html><title>${name.replace(/[<&]/g, '')}</title><p>${name}</p>`);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	const origin = `http://127.0.0.1:${port}`;
	return {
		origin,
		url: (name) => `${origin}/${name}`,
		close: () => new Promise<void>((done) => server.close(() => done()))
	};
}

/** Calls `probe` every `intervalMs` until `done` accepts its value; throws after `timeout`. */
export async function waitFor<T>(
	probe: () => Promise<T>,
	done: (value: T) => boolean,
	what: string,
	timeout = 30_000,
	intervalMs = 100
): Promise<T> {
	const deadline = Date.now() + timeout;
	for (;;) {
		const value = await probe();
		if (done(value)) return value;
		if (Date.now() > deadline) {
			const last = JSON.stringify(value).slice(0, 1500);
			throw new Error(`Timed out after ${timeout} ms waiting for ${what}; last value: ${last}`);
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/** Waits until the extension's outbox is empty; the error shows the extension's status. */
export async function settle(
	browser: ExtensionBrowser,
	timeout = 30_000
): Promise<Record<string, unknown>> {
	let status: unknown;
	return waitFor(
		async () => {
			const items = await browser.storage();
			status = items.status;
			return items;
		},
		(items) => outboxSizeOf(items) === 0,
		'an empty outbox',
		timeout,
		250
	).catch((err: Error) => {
		throw new Error(`The outbox did not empty; extension status: ${JSON.stringify(status)}`, {
			cause: err
		});
	});
}

export type BucketIds = { web: string; window: string; afk: string };

/** The ids of the three buckets, from the device and browser names the extension stored. */
export async function bucketIds(browser: ExtensionBrowser): Promise<BucketIds> {
	const settings = (await browser.storage()).settings as {
		deviceName: string;
		browserName: string;
	};
	return {
		web: `aw-watcher-web-${settings.browserName}_${settings.deviceName}`,
		window: `aw-watcher-window_${settings.deviceName}`,
		afk: `aw-watcher-afk_${settings.deviceName}`
	};
}

export type StoredEvent = { timestamp: string; duration: number; data: Record<string, unknown> };

/** A bucket's events, oldest first, read through `/api/0/` in an app page. */
export async function eventsOf(page: Page, bucket: string): Promise<StoredEvent[]> {
	const answer = await pageFetch(
		page,
		'GET',
		`/api/0/buckets/${encodeURIComponent(bucket)}/events`
	);
	if (answer.status !== 200) throw new Error(`Reading ${bucket} answered ${answer.status}`);
	return (answer.body as StoredEvent[]).reverse();
}

export type Recorded = {
	/** An app page at the origin, controlled by its service worker. */
	page: Page;
	ids: BucketIds;
	/** The events of one of the three buckets, oldest first. */
	events(bucket: keyof BucketIds): Promise<StoredEvent[]>;
};

/** Opens an app page at `origin` to read what the extension in `browser` delivered there. */
export async function openRecorded(browser: ExtensionBrowser, origin: string): Promise<Recorded> {
	const ids = await bucketIds(browser);
	const page = await controlledPage(browser.context, origin);
	return { page, ids, events: (bucket) => eventsOf(page, ids[bucket]) };
}

/** Fills fields of the extension's options page (by element id), saves and waits for "Saved.". */
export async function saveOptions(
	browser: ExtensionBrowser,
	fields: Record<string, string>
): Promise<void> {
	const options = await browser.extensionPage('options/options.html');
	for (const [id, value] of Object.entries(fields)) await options.fill(`#${id}`, value);
	await options.click('button[type=submit]');
	await waitFor(
		() => options.textContent('#message'),
		(text) => text === 'Saved.',
		'the options page to confirm saving'
	);
	await options.close();
}

/**
 * Waits until the extension has recorded the tab titled `title` as the one being shown (its
 * stored watcher state), so that what the test does next is a change after it.
 */
export async function tabRecorded(browser: ExtensionBrowser, title: string): Promise<void> {
	await waitFor(
		async () => ((await browser.storage())[WATCHER_KEY] as WatcherState | undefined)?.web?.title,
		(current) => current === title,
		`the extension to record the tab "${title}"`
	);
}

/** Opens each site page in a new tab, one after another, each recorded before the next. */
export async function browse(
	browser: ExtensionBrowser,
	sites: SitesServer,
	names: string[]
): Promise<Page[]> {
	const pages: Page[] = [];
	for (const name of names) {
		const page = await browser.context.newPage();
		await page.goto(sites.url(name));
		pages.push(page);
		await tabRecorded(browser, name);
	}
	return pages;
}

/**
 * The titles of events whose title is one of `names`, in order, with consecutive repeats
 * collapsed (a tab opened or closed elsewhere starts a new event with the same title, because
 * the tab count is part of the data).
 */
export function titleSequence(events: StoredEvent[], names: readonly string[]): string[] {
	const titles = events.map((e) => String(e.data.title)).filter((t) => names.includes(t));
	return titles.filter((title, i) => i === 0 || titles[i - 1] !== title);
}
