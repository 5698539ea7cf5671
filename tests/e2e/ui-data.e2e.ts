import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { launchChromium, type Launched } from './lib/chromium';
import { useAppAndBrowser } from './lib/fixtures';
import { loadDemo, openPage, ready, screenshot } from './lib/ui-driver';

const app = useAppAndBrowser();
let fresh: Launched | null = null;
const dir = mkdtempSync(join(tmpdir(), 'hindsight-ui-export-'));

afterAll(async () => {
	await fresh?.close();
	rmSync(dir, { recursive: true, force: true });
});

it('exports every bucket as a download and imports the file into a fresh profile', async () => {
	const page = await openPage(app.browser);
	await loadDemo(page, app.server.origin);
	await page.goto(`${app.server.origin}/buckets`);
	await ready(page, 'buckets');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export all buckets as JSON' }).click()
	]);
	expect(download.suggestedFilename()).toBe('aw-bucket-export.json');
	const file = join(dir, 'export.json');
	await download.saveAs(file);
	const exported = JSON.parse(readFileSync(file, 'utf8'));
	const ids = Object.keys(exported.buckets).sort();
	expect(ids).toContain('aw-watcher-window_demo');
	const events = ids.reduce((n, id) => n + exported.buckets[id].events.length, 0);

	fresh = await launchChromium();
	const other = await openPage(fresh);
	await other.goto(`${app.server.origin}/buckets`);
	await ready(other, 'buckets');
	await other.locator('[data-testid="import-file"]').setInputFiles(file);
	const summary = other.locator('[data-testid="import-summary"]');
	await summary.waitFor({ timeout: 120_000 });
	const text = await summary.innerText();
	const added = [...text.matchAll(/(\d+) added/g)].reduce((n, m) => n + Number(m[1]), 0);
	expect(added).toBe(events);
	await screenshot(other, 'buckets-imported');
	for (const id of ids) await other.locator(`tr[data-bucket="${id}"]`).waitFor();

	await other.locator('[data-testid="import-file"]').setInputFiles(file);
	await expect
		.poll(() => summary.innerText(), { timeout: 120_000 })
		.toMatch(/(?<!\d)0 added, [1-9]\d* duplicates skipped/);
	expect(await summary.innerText()).not.toMatch(/[1-9]\d* added/);

	await other
		.locator('tr[data-bucket="aw-stopwatch"]')
		.getByRole('button', { name: 'Delete' })
		.click();
	const confirm = other.getByRole('dialog');
	expect(await confirm.innerText()).toContain('aw-stopwatch');
	await confirm.getByRole('button', { name: 'Delete' }).click();
	await expect.poll(() => other.locator('tr[data-bucket="aw-stopwatch"]').count()).toBe(0);
	await screenshot(other, 'buckets-deleted');

	await other.locator('[data-testid="import-file"]').setInputFiles(file);
	await expect
		.poll(() => summary.innerText(), { timeout: 120_000 })
		.toMatch(/aw-stopwatch \(new bucket\): [1-9]\d* added/);
});

it('keeps showing the dashboard with its data when the server is gone', async () => {
	const page = await openPage(app.browser);
	await page.goto(`${app.server.origin}/activity/demo`);
	await ready(page, 'activity');
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 30_000
	});
	await page.reload();
	await ready(page, 'activity');
	await app.server.stop();
	try {
		await page.reload();
		await ready(page, 'activity');
		expect(await page.locator('[data-testid="time-active"]').innerText()).toMatch(/\d/);
		await page.goto(`${app.server.origin}/buckets`);
		await ready(page, 'buckets');
		await page.locator('tr[data-bucket="aw-watcher-window_demo"]').waitFor();
		await screenshot(page, 'offline-buckets');
	} finally {
		await app.server.start();
	}
});
