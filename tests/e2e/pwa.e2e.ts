import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { controlledPage, pageFetch } from './lib/app';
import { launchChromium } from './lib/chromium';
import { useAppAndBrowser } from './lib/fixtures';

const app = useAppAndBrowser();

const BUCKET = { type: 'currentwindow', client: 'e2e', hostname: 'host' };

describe('the installed app', () => {
	it('is installable: manifest, icons and a service worker', async () => {
		const page = await controlledPage(app.browser.context, app.server.origin, '/');
		const cdp = await app.browser.context.newCDPSession(page);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);
		const manifest = await cdp.send('Page.getAppManifest');
		expect(manifest.errors).toEqual([]);
		for (const icon of ['/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon.svg']) {
			expect((await pageFetch(page, 'GET', icon)).status, icon).toBe(200);
		}
		await page.close();
	});

	it('takes over app pages that were still loading when the worker activated', async () => {
		// Their document requests are held until a first page is controlled: the worker's
		// activation then finds them not loaded yet, which `clients.claim()` skips.
		const fresh = await launchChromium();
		try {
			let release = () => {};
			const released = new Promise<void>((resolve) => (release = resolve));
			const loading = ['/', '/timeline', '/bridge.html'].map(async (path) => {
				const page = await fresh.context.newPage();
				await page.route(`${app.server.origin}${path}`, async (route) => {
					await released;
					await route.continue();
				});
				const loaded = page.goto(`${app.server.origin}${path}`);
				return { page, loaded };
			});
			const pages = await Promise.all(loading);

			await controlledPage(fresh.context, app.server.origin, '/');
			release();
			for (const { page, loaded } of pages) {
				expect((await loaded)?.ok()).toBe(true);
				await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
				expect((await pageFetch(page, 'GET', '/api/0/info')).status).toBe(200);
			}
		} finally {
			await fresh.close();
		}
	});

	it('loads, routes and answers the API with the origin server stopped', async () => {
		const page = await controlledPage(app.browser.context, app.server.origin, '/');
		await pageFetch(page, 'POST', '/api/0/buckets/offline', BUCKET);
		await pageFetch(page, 'POST', '/api/0/buckets/offline/events', [
			{ timestamp: '2024-05-01T10:00:00Z', duration: 60, data: { app: 'a' } }
		]);

		await app.server.stop();
		try {
			const failed: string[] = [];
			// A request cut short by the test's own next navigation fails with ERR_ABORTED; only a
			// request that found no answer (the server is gone) counts here.
			page.on('requestfailed', (request) => {
				const reason = request.failure()?.errorText ?? '';
				if (!reason.includes('ERR_ABORTED')) failed.push(`${request.url()} ${reason}`);
			});
			const reloaded = await page.reload();
			expect(reloaded?.ok()).toBe(true);
			await expect.poll(() => page.title()).toBe('Hindsight');

			const events = await pageFetch(page, 'GET', '/api/0/buckets/offline/events');
			expect(events.body).toMatchObject([{ duration: 60, data: { app: 'a' } }]);

			await page.goto(`${app.server.origin}/timeline`);
			await expect.poll(() => page.title()).toBe('Hindsight');
			expect(await page.evaluate(() => location.pathname)).toBe('/timeline');

			const bridge = await page.goto(`${app.server.origin}/bridge.html`);
			expect(bridge?.ok()).toBe(true);
			expect(await page.title()).toBe('Hindsight bridge');
			expect(failed).toEqual([]);
		} finally {
			await app.server.start();
		}
		await page.close();
	});

	it('downloads an export as a file whose JSON imports back to the same data', async () => {
		const page = await controlledPage(app.browser.context, app.server.origin, '/');
		await pageFetch(page, 'POST', '/api/0/buckets/exported', { ...BUCKET, data: { k: 1 } });
		await pageFetch(page, 'POST', '/api/0/buckets/exported/events', [
			{ timestamp: '2024-05-01T10:00:00Z', duration: 30, data: { n: 1 } },
			{ timestamp: '2024-05-01T11:00:00.250Z', duration: 1.5, data: { n: 2 } }
		]);
		const before = (await pageFetch(page, 'GET', '/api/0/buckets/exported/export')).body;

		const download = page.waitForEvent('download');
		await page.evaluate(() => {
			const link = document.createElement('a');
			link.href = '/api/0/buckets/exported/export';
			document.body.append(link);
			link.click();
		});
		const file = await download;
		expect(file.suggestedFilename()).toBe('aw-bucket-export_exported.json');
		const text = readFileSync((await file.path()) as string, 'utf8');
		expect(JSON.parse(text)).toEqual(before);

		expect((await pageFetch(page, 'DELETE', '/api/0/buckets/exported')).status).toBe(200);
		const imported = await page.evaluate(async (json) => {
			const form = new FormData();
			form.append('buckets.json', new Blob([json], { type: 'application/json' }), 'export.json');
			return (await fetch('/api/0/import', { method: 'POST', body: form })).status;
		}, text);
		expect(imported).toBe(200);

		const after = (await pageFetch(page, 'GET', '/api/0/buckets/exported/export')).body as {
			buckets: Record<string, { events: { id: number }[] }>;
		};
		const withoutIds = (doc: typeof after) => {
			const bucket = doc.buckets.exported;
			return { ...bucket, events: bucket.events.map(({ id: _id, ...rest }) => rest) };
		};
		expect(withoutIds(after)).toEqual(withoutIds(before as typeof after));
		await page.close();
	});

	it('takes over open pages with a new version and tells them, keeping the data', async () => {
		const page = await controlledPage(app.browser.context, app.server.origin, '/');
		await pageFetch(page, 'POST', '/api/0/settings/kept', '"yes"');
		await page.evaluate(() => {
			const seen: unknown[] = [];
			(window as unknown as { seen: unknown[] }).seen = seen;
			navigator.serviceWorker.addEventListener('message', (event) => seen.push(event.data));
			navigator.serviceWorker.addEventListener('controllerchange', () =>
				seen.push('controllerchange')
			);
		});

		appendFileSync(join(app.dir, 'sw.js'), `\n// changed by the update test ${Date.now()}\n`);
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

		const seen = () => page.evaluate(() => (window as unknown as { seen: unknown[] }).seen);
		await expect
			.poll(seen, { timeout: 30_000 })
			.toEqual(
				expect.arrayContaining([
					expect.objectContaining({ type: 'hindsight-sw', state: 'installing' }),
					expect.objectContaining({ type: 'hindsight-sw', state: 'activated' }),
					'controllerchange'
				])
			);
		expect((await pageFetch(page, 'GET', '/api/0/settings/kept')).body).toBe('yes');
		await page.close();
	});
});
