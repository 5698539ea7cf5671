/**
 * The partitioning trap (extension-bridge.md): without host permission for the app's origin,
 * an app frame in the extension would write into a partitioned copy of the app's database that
 * the app never reads. The extension must then deliver nothing, keep everything, and say so. And
 * the app's bridge must answer only allowed extensions, even one holding host permission.
 *
 * The extension is built for origin P (host permission for P); the app is served at
 * `http://localhost:<port>` (origin L, no permission) and, later, at P as well.
 */
import { generateKeyPairSync, createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { controlledPage, pageFetch } from './lib/app';
import {
	browse,
	bucketIds,
	openRecorded,
	outboxSizeOf,
	removeDir,
	settle,
	titleSequence,
	type ExtensionBrowser
} from './lib/extension';
import { useExtensionSetup } from './lib/fixtures';
import { startAppServer, type AppServer } from './lib/server';

const setup = useExtensionSetup({ stopped: true });
let unpermitted: AppServer;
let unpermittedOrigin: string;
let foreignDir: string;
let foreignId: string;

/** A second extension with its own key (so its id is known), holding host permission for P. */
function buildForeignExtension(origin: string): { dir: string; id: string } {
	const dir = mkdtempSync(join(tmpdir(), 'hindsight-foreign-'));
	const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const der = publicKey.export({ type: 'spki', format: 'der' });
	const digest = createHash('sha256').update(der).digest();
	const id = [...digest.subarray(0, 16)]
		.flatMap((byte) => [byte >> 4, byte & 15])
		.map((nibble) => String.fromCharCode(97 + nibble))
		.join('');
	const manifest = {
		manifest_version: 3,
		name: 'Not Hindsight',
		version: '1',
		key: der.toString('base64'),
		host_permissions: [`${origin}/*`]
	};
	writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
	writeFileSync(join(dir, 'probe.html'), '<!doctype html><title>probe</title>');
	return { dir, id };
}

beforeAll(async () => {
	unpermitted = await startAppServer(setup.dir);
	unpermittedOrigin = `http://localhost:${unpermitted.port}`;
	({ dir: foreignDir, id: foreignId } = buildForeignExtension(setup.server.origin));
});

afterAll(async () => {
	await unpermitted?.stop();
	if (foreignDir) removeDir(foreignDir);
});

async function setAppOrigin(browser: ExtensionBrowser, origin: string): Promise<void> {
	const page = await browser.extensionPage('options/options.html');
	await page.evaluate(async (appOrigin) => {
		const { settings } = await chrome.storage.local.get('settings');
		await chrome.storage.local.set({ settings: { ...(settings as object), appOrigin } });
	}, origin);
	await page.close();
}

type Entry = { kind: string; bucket: { id: string }; event?: { data: { title?: string } } };

function outboxTitles(storage: Record<string, unknown>, bucket: string): string[] {
	return Object.entries(storage)
		.filter(([key]) => /^outbox:\d+$/.test(key))
		.sort(([a], [b]) => Number(a.slice(7)) - Number(b.slice(7)))
		.map(([, entry]) => entry as Entry)
		.filter((entry) => entry.kind === 'heartbeat' && entry.bucket.id === bucket)
		.map((entry) => String(entry.event?.data.title));
}

it('delivers nothing without host permission, keeps everything, and shows it', async () => {
	const browser = await setup.launch({ alsoLoad: [foreignDir] });
	try {
		const worker = await browser.worker();
		await setAppOrigin(browser, unpermittedOrigin);
		await browse(browser, setup.sites, ['alpha', 'beta']);

		await expect
			.poll(async () => ((await browser.storage()).status as { permission: boolean }).permission)
			.toBe(false);
		expect(await worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('!');
		const offscreen = await worker.evaluate(() =>
			chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })
		);
		expect(offscreen).toEqual([]);

		const popup = await browser.extensionPage('popup/popup.html');
		await expect.poll(() => popup.isVisible('#permission')).toBe(true);
		expect(await popup.textContent('#permission-origin')).toBe(unpermittedOrigin);
		await popup.close();

		const ids = await bucketIds(browser);
		const storage = await browser.storage();
		expect(outboxSizeOf(storage)).toBeGreaterThan(0);
		const waiting = outboxTitles(storage, ids.web);
		expect(waiting).toContain('alpha');
		expect(waiting).toContain('beta');

		const app = await controlledPage(browser.context, unpermittedOrigin);
		expect((await pageFetch(app, 'GET', '/api/0/buckets/')).body).toEqual({});
		await app.close();

		await setup.server.start();
		await setAppOrigin(browser, setup.server.origin);
		await settle(browser, 60_000);
		const delivered = await openRecorded(browser, setup.server.origin);
		const web = await delivered.events('web');
		expect(titleSequence(web, ['alpha', 'beta'])).toEqual(['alpha', 'beta']);
		await delivered.page.close();
		expect(await (await browser.worker()).evaluate(() => chrome.action.getBadgeText({}))).toBe('');
	} finally {
		await browser.close();
		await setup.server.stop();
	}
});

/**
 * Frames the app's bridge in `page`, waits for its ready message, sends it one request and
 * waits for the answer; returns the types of the messages that came back. Each wait ends at
 * the message or after `quietMs` without one, which is how a bridge that must stay silent
 * shows it (and keeps the order: the request goes out only after the ready message).
 */
function probeBridge(page: Page, origin: string, quietMs: number): Promise<string[]> {
	return page.evaluate(
		async ({ appOrigin, quietMs }) => {
			const received: string[] = [];
			let arrived = () => {};
			addEventListener('message', (event) => {
				if (event.origin !== appOrigin) return;
				received.push(String(event.data?.type));
				arrived();
			});
			const messages = (count: number) =>
				new Promise<void>((done) => {
					const timer = setTimeout(done, quietMs);
					arrived = () => {
						if (received.length < count) return;
						clearTimeout(timer);
						done();
					};
					arrived();
				});
			const frame = document.createElement('iframe');
			const loaded = new Promise((done) => frame.addEventListener('load', done, { once: true }));
			frame.src = `${appOrigin}/bridge.html`;
			document.body.append(frame);
			await loaded;
			await messages(1);
			const request = {
				type: 'hindsight-bridge-request',
				id: 'probe-1',
				method: 'GET',
				path: '/api/0/buckets/'
			};
			frame.contentWindow?.postMessage(request, appOrigin);
			await messages(2);
			return received;
		},
		{ appOrigin: origin, quietMs }
	);
}

it('answers only the allowed extension, not another one holding host permission', async () => {
	await setup.server.start();
	const browser = await setup.launch({ alsoLoad: [foreignDir] });
	try {
		await browser.worker();
		const foreign = await browser.context.newPage();
		await foreign.goto(`chrome-extension://${foreignId}/probe.html`);
		expect(await probeBridge(foreign, setup.server.origin, 2000)).toEqual([]);

		const own = await browser.extensionPage('options/options.html');
		expect(await probeBridge(own, setup.server.origin, 30_000)).toEqual([
			'hindsight-bridge-ready',
			'hindsight-bridge-response'
		]);
	} finally {
		await browser.close();
		await setup.server.stop();
	}
});
