/**
 * Helpers for browser tests of the built app: a page controlled by the app's service worker,
 * calls to `/api/0/` from inside such a page, and building the app with extra test pages (the
 * same Vite config, so those pages get the real worker, platform module and service worker).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CLAIM_REQUEST } from '../../../src/sw/protocol';

export type ControlledPageOptions = {
	/**
	 * The page does not register the service worker itself (a test page): register it here and,
	 * like the app's pages, ask the active worker to claim the page. The app's own pages must be
	 * taken over without help, so the helper only waits for them.
	 */
	register?: boolean;
};

/** Opens `origin + path` in a new page and waits until the service worker controls it. */
export async function controlledPage(
	context: BrowserContext,
	origin: string,
	path = '/',
	options: ControlledPageOptions = {}
): Promise<Page> {
	const page = await context.newPage();
	await page.goto(origin + path);
	if (options.register) {
		await page.evaluate(async (claim) => {
			const container = navigator.serviceWorker;
			if (container.controller) return;
			await container.register('/sw.js', { scope: '/' });
			const registration = await container.ready;
			if (!container.controller) registration.active?.postMessage(claim);
		}, CLAIM_REQUEST);
	}
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
		timeout: 30_000
	});
	return page;
}

export type ApiAnswer = { status: number; headers: Record<string, string>; body: unknown };

/** `fetch(path)` inside the page; a body that is not a string is sent as JSON. */
export async function pageFetch(
	page: Page,
	method: string,
	path: string,
	body?: unknown
): Promise<ApiAnswer> {
	return page.evaluate(
		async ({ method, path, body }) => {
			const init: RequestInit = { method };
			if (body !== undefined) {
				init.body = typeof body === 'string' ? body : JSON.stringify(body);
				init.headers = { 'Content-Type': 'application/json' };
			}
			const response = await fetch(path, init);
			const text = await response.text();
			let parsed: unknown = text;
			try {
				parsed = text === '' ? undefined : JSON.parse(text);
			} catch {
				// Not JSON: keep the text.
			}
			return {
				status: response.status,
				headers: Object.fromEntries(response.headers.entries()),
				body: parsed
			};
		},
		{ method, path, body }
	);
}

/**
 * Builds the app into a new temporary directory with extra HTML entries (paths relative to the
 * repository root), so test pages can import the app's modules. Returns the directory.
 */
export async function buildTestApp(inputs: Record<string, string>): Promise<string> {
	const { build } = await import('vite');
	const outDir = mkdtempSync(join(tmpdir(), 'hindsight-build-'));
	await build({
		logLevel: 'warn',
		build: {
			outDir,
			emptyOutDir: true,
			rollupOptions: { input: { index: 'index.html', bridge: 'bridge.html', ...inputs } }
		}
	});
	return outDir;
}

/** Copies a built app into a new temporary directory (to add or change files in it). */
export function copyBuild(dir = 'dist'): string {
	const copy = mkdtempSync(join(tmpdir(), 'hindsight-dist-'));
	cpSync(dir, copy, { recursive: true });
	return copy;
}
