/**
 * The bridge page as the watcher extension uses it: framed by an extension page that holds
 * host permission for the app (so the frame shares the app's storage and service worker, with
 * storage partitioning on as in users' browsers). Two throw-away extensions are loaded: one
 * with the Hindsight extension's public key (so it has the built-in allowed id) and one with a
 * fresh key, allowed only once its origin is added to the settings.
 */
import { generateKeyPairSync, createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	BRIDGE_ALLOWED_ORIGINS_SETTING,
	HINDSIGHT_EXTENSION_ID,
	type BridgeRequest
} from '../../src/core/bridge-protocol';
import { controlledPage, pageFetch } from './lib/app';
import { launchChromium, type Launched } from './lib/chromium';
import { useServedApp } from './lib/fixtures';

/** Chromium's extension id: the first 128 bits of SHA-256 of the key, as letters a to p. */
function extensionId(publicKey: string): string {
	const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex');
	return [...hex.slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** Writes an extension whose page `host.html` frames the bridge and relays messages. */
function writeExtension(dir: string, key: string, appOrigin: string): void {
	const manifest = {
		manifest_version: 3,
		name: 'Hindsight bridge test',
		version: '1.0',
		key,
		host_permissions: [`${appOrigin}/*`]
	};
	writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
	writeFileSync(
		join(dir, 'host.html'),
		`<!doctype html><iframe id="bridge" src="${appOrigin}/bridge.html"></iframe><script src="host.js"></script>`
	);
	writeFileSync(
		join(dir, 'host.js'),
		`const APP = ${JSON.stringify(appOrigin)};
window.fromBridge = [];
addEventListener('message', (event) => {
	if (event.origin === APP) window.fromBridge.push(event.data);
});
window.sendToBridge = (request) => {
	document.getElementById('bridge').contentWindow.postMessage(request, APP);
};`
	);
}

const served = useServedApp();
let browser: Launched;
let dirs: string[];
let strangerOrigin: string;

const BUILT_IN_ORIGIN = `chrome-extension://${HINDSIGHT_EXTENSION_ID}`;

beforeAll(async () => {
	const builtIn = mkdtempSync(join(tmpdir(), 'hindsight-ext-a-'));
	const stranger = mkdtempSync(join(tmpdir(), 'hindsight-ext-b-'));
	dirs = [builtIn, stranger];

	const ownKey = readFileSync('extension/public-key.txt', 'utf8').trim();
	expect(extensionId(ownKey)).toBe(HINDSIGHT_EXTENSION_ID);
	const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const otherKey = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
	strangerOrigin = `chrome-extension://${extensionId(otherKey)}`;

	writeExtension(builtIn, ownKey, served.server.origin);
	writeExtension(stranger, otherKey, served.server.origin);
	browser = await launchChromium({ extensionDir: dirs.join(',') });
});

afterAll(async () => {
	await browser?.close();
	for (const dir of dirs ?? []) rmSync(dir, { recursive: true, force: true });
});

const request = (id: string, method: string, path: string, body?: unknown): BridgeRequest => ({
	type: 'hindsight-bridge-request',
	id,
	method,
	path,
	headers: { 'Content-Type': 'application/json' },
	...(body === undefined ? {} : { body: JSON.stringify(body) })
});

async function openHost(origin: string): Promise<Page> {
	const page = await browser.context.newPage();
	await page.goto(`${origin}/host.html`);
	return page;
}

const received = (page: Page) =>
	page.evaluate(
		() => (window as unknown as { fromBridge: { type: string; id?: string }[] }).fromBridge
	);

async function ask(page: Page, message: BridgeRequest) {
	await page.evaluate(
		(m) => (window as unknown as { sendToBridge(m: unknown): void }).sendToBridge(m),
		message
	);
	await expect.poll(async () => (await received(page)).some((m) => m.id === message.id)).toBe(true);
	return (await received(page)).find((m) => m.id === message.id) as unknown as {
		status: number;
		body: string;
	};
}

/** Waits a while and returns what arrived, to show that nothing does. */
async function quietFor(page: Page, ms: number) {
	await page.waitForTimeout(ms);
	return received(page);
}

describe('the extension bridge', () => {
	it('answers the built-in extension and writes into the app database', async () => {
		const host = await openHost(BUILT_IN_ORIGIN);
		await expect
			.poll(async () => (await received(host)).map((m) => m.type), { timeout: 30_000 })
			.toContain('hindsight-bridge-ready');

		const created = await ask(
			host,
			request('1', 'POST', '/api/0/buckets/aw-watcher-web-chrome', {
				type: 'web.tab.current',
				client: 'aw-watcher-web',
				hostname: '!local'
			})
		);
		expect(created.status).toBe(200);
		const beat = await ask(
			host,
			request('2', 'POST', '/api/0/buckets/aw-watcher-web-chrome/heartbeat?pulsetime=60', {
				timestamp: '2024-05-01T10:00:00Z',
				duration: 0,
				data: { url: 'https://example.org/', title: 'Example', audible: false, incognito: false }
			})
		);
		expect(beat.status).toBe(200);
		expect(JSON.parse(beat.body)).toMatchObject({ id: expect.any(Number), duration: 0 });

		const app = await controlledPage(browser.context, served.server.origin, '/');
		const events = await pageFetch(app, 'GET', '/api/0/buckets/aw-watcher-web-chrome/events');
		expect(events.body).toEqual([JSON.parse(beat.body)]);
		await app.close();
		await host.close();
	});

	it('ignores a framer whose origin is not allowed, even the app itself', async () => {
		const app = await controlledPage(browser.context, served.server.origin, '/');
		const outcome = await app.evaluate(async () => {
			const frame = document.createElement('iframe');
			frame.src = '/bridge.html';
			const seen: unknown[] = [];
			addEventListener('message', (event) => seen.push(event.data));
			document.body.append(frame);
			await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
			await new Promise((resolve) => setTimeout(resolve, 500));
			frame.contentWindow?.postMessage(
				{ type: 'hindsight-bridge-request', id: 'x', method: 'GET', path: '/api/0/buckets/' },
				location.origin
			);
			await new Promise((resolve) => setTimeout(resolve, 1500));
			return { seen, loaded: frame.contentDocument?.title };
		});
		expect(outcome.loaded).toBe('Hindsight bridge');
		expect(outcome.seen).toEqual([]);
		await app.close();
	});

	it('lets another extension frame and use it only once the settings allow its origin', async () => {
		const before = await openHost(strangerOrigin);
		expect(await quietFor(before, 2000)).toEqual([]);
		const frame = before.frames().find((f) => f !== before.mainFrame());
		expect(frame?.url()).toBe('chrome-error://chromewebdata/');
		await before.close();

		const app = await controlledPage(browser.context, served.server.origin, '/');
		const saved = await pageFetch(
			app,
			'POST',
			`/api/0/settings/${BRIDGE_ALLOWED_ORIGINS_SETTING}`,
			[strangerOrigin]
		);
		expect(saved.status).toBe(201);
		await app.close();

		const after = await openHost(strangerOrigin);
		await expect
			.poll(async () => await received(after), { timeout: 30_000 })
			.toContainEqual({ type: 'hindsight-bridge-ready', version: 1, controlled: true });
		const info = await ask(after, request('i', 'GET', '/api/0/buckets/'));
		expect(info.status).toBe(200);
		expect(Object.keys(JSON.parse(info.body))).toContain('aw-watcher-web-chrome');
		await after.close();
	});
});
