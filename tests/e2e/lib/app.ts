/**
 * Helpers for browser tests of the built app: a page controlled by the app's service worker,
 * calls to `/api/0/` from inside such a page, copies of the build, test pages bundled next to
 * it, and building the app with extra test pages (the same Vite config, so those pages get the
 * real worker, platform module and service worker).
 */
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

/**
 * Copies a built app into a new temporary directory, so a test serves files that nothing else
 * rebuilds while it runs, and may add or change some.
 */
export function copyBuild(dir = 'dist'): string {
	if (!existsSync(join(dir, 'sw.js'))) {
		throw new Error(`${dir}/sw.js is missing: run \`npm run build\` before the browser tests`);
	}
	const copy = mkdtempSync(join(tmpdir(), 'hindsight-dist-'));
	cpSync(dir, copy, { recursive: true });
	return copy;
}

/**
 * Bundles the browser module `entry` (a path from the repository root) into `<dir>/<name>.js`
 * and writes `<dir>/<name>.html`, a page that loads it, so it is served next to the app (and
 * controlled by its service worker). Returns the page's path (`/<name>.html`).
 */
export async function addTestPage(dir: string, name: string, entry: string): Promise<string> {
	const { build } = await import('rolldown');
	await build({
		input: resolve(entry),
		platform: 'browser',
		logLevel: 'warn',
		output: { file: join(dir, `${name}.js`), format: 'esm' }
	});
	const html = `<!doctype html><meta charset="utf-8"><title>${name}</title><script type="module" src="/${name}.js"></script>`;
	writeFileSync(join(dir, `${name}.html`), html);
	return `/${name}.html`;
}
