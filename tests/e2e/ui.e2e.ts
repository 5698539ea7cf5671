import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useAppAndBrowser } from './lib/fixtures';
import {
	cspViolations,
	fullDemoDay,
	loadDemo,
	openPage,
	openTimeline,
	ready,
	screenshot
} from './lib/ui-driver';
import type { Page } from 'playwright-core';

const app = useAppAndBrowser();
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'hindsight-ui-'));

beforeAll(async () => {
	page = await openPage(app.browser);
	await loadDemo(page, app.server.origin);
});

afterAll(async () => {
	rmSync(dir, { recursive: true, force: true });
});

const title = () => page.locator('[data-view="activity"] h2').innerText();

describe('dashboard with demo data', () => {
	it('shows the Activity summary of a day with lists and charts', async () => {
		await page.goto(`${app.server.origin}/activity/demo/day/${fullDemoDay()}`);
		await ready(page, 'activity');
		expect(await page.locator('[data-testid="time-active"]').innerText()).toMatch(/\dh|\dm/);
		await expect.poll(() => page.locator('text=Top Applications').count()).toBe(1);
		expect(await page.locator('[data-drawn="true"]').count()).toBe(2);
		expect(await cspViolations(page)).toEqual([]);
		await screenshot(page, 'activity-day');
	});

	it('moves between periods, stopping at today', async () => {
		await page.goto(`${app.server.origin}/activity/demo`);
		await ready(page, 'activity');
		const today = (await title()).replace('Activity for ', '');
		expect(await page.getByRole('button', { name: 'Next period' }).isDisabled()).toBe(true);
		await page.getByRole('button', { name: 'Previous period' }).click();
		await ready(page, 'activity');
		expect(await title()).not.toContain(today);
		expect(page.url()).toContain('/activity/demo/day/');
		await page.getByRole('button', { name: 'Next period' }).click();
		await ready(page, 'activity');
		expect(await title()).toContain(today);
	});

	for (const [unit, label] of [
		['week', 'Week'],
		['month', 'Month'],
		['year', 'Year'],
		['last7d', '7 days']
	]) {
		it(`shows the ${unit} summary merged from days`, async () => {
			await page.goto(`${app.server.origin}/activity/demo`);
			await ready(page, 'activity');
			await page.getByRole('button', { name: label, exact: true }).click();
			await ready(page, 'activity');
			expect(page.url()).toContain(`/activity/demo/${unit}/`);
			expect(await page.locator('[data-testid="time-active"]').innerText()).toMatch(/\d/);
			await screenshot(page, `activity-${unit}`);
		});
	}

	it('shows the browser tab of the Activity view', async () => {
		await page.goto(
			`${app.server.origin}/activity/demo/day/${new Date().toISOString().slice(0, 10)}/view/browser`
		);
		await ready(page, 'activity');
		expect(await page.locator('text=Top Browser URLs').count()).toBe(1);
	});

	it('draws the timeline swimlanes', async () => {
		const count = await openTimeline(page, app.server.origin);
		const all = await count();
		expect(all).toBeGreaterThan(0);
		await screenshot(page, 'timeline');
		await page.getByLabel('AFK filtered').check();
		await expect.poll(count).not.toBe(all);
		await ready(page, 'timeline');
		await page.getByLabel('Minimum duration').selectOption('600');
		await expect.poll(count).toBeLessThan(all);
	});

	it('lists buckets with counts and opens a bucket', async () => {
		await page.goto(`${app.server.origin}/buckets`);
		await ready(page, 'buckets');
		const row = page.locator('tr[data-bucket="aw-watcher-window_demo"]');
		await expect
			.poll(() => row.locator('[data-testid="event-count"]').innerText())
			.toMatch(/^\d+$/);
		await screenshot(page, 'buckets');
		await row.getByRole('link').click();
		await ready(page, 'bucket');
		expect(Number(await page.locator('[data-testid="bucket-count"]').innerText())).toBeGreaterThan(
			100
		);
		await screenshot(page, 'bucket-detail');
	});

	it('runs a query and marks the position of a syntax error', async () => {
		await page.goto(`${app.server.origin}/query`);
		await ready(page, 'query');
		// The default range is today from midnight, which may hold none of the demo's activity.
		await page.getByLabel('From').fill(fullDemoDay());
		await page.getByRole('button', { name: 'Run' }).click();
		await page.waitForSelector('[data-testid="result-table"]');
		expect(Number(await page.locator('[data-testid="result-count"]').innerText())).toBeGreaterThan(
			0
		);
		await screenshot(page, 'query');
		await page.goto(`${app.server.origin}/query?q=${encodeURIComponent('x = 1;\nRETURN = x +;')}`);
		await page.getByRole('button', { name: 'Run' }).click();
		const frame = await page.waitForSelector('[data-testid="error-frame"]');
		expect(await frame.innerText()).toMatch(/2 \| RETURN = x \+;\n\s+\|\s+\^/);
	});

	it('changes the summary when a category is added in settings', async () => {
		await page.goto(`${app.server.origin}/settings/categorization`);
		await ready(page, 'settings');
		await page.getByRole('button', { name: 'Add category' }).click();
		const dialog = page.getByRole('dialog', { name: 'Edit category' });
		await dialog.getByLabel('Name').fill('Terminal');
		await dialog.getByLabel('Rule type').selectOption('regex');
		await dialog.getByLabel('Pattern').fill('.*');
		await dialog.locator('[data-testid="too-broad"]').waitFor();
		await dialog.getByLabel('Pattern').fill('^kitty$');
		expect(await dialog.locator('[data-testid="too-broad"]').count()).toBe(0);
		await expect
			.poll(() => dialog.locator('[data-testid="rule-matches"]').innerText())
			.toMatch(/Matches [1-9]/);
		await screenshot(page, 'category-editor');
		await dialog.getByRole('button', { name: 'OK' }).click();
		await page.getByRole('button', { name: 'Save' }).click();
		await page.waitForSelector('[data-testid="categories-saved"]');
		await page.goto(`${app.server.origin}/activity/demo`);
		await ready(page, 'activity');
		// A week holds terminal time whatever the time of day the test runs.
		await page.getByRole('button', { name: '7 days', exact: true }).click();
		await ready(page, 'activity');
		await expect.poll(() => page.locator('a:text-is("Terminal")').count()).toBe(1);
	});

	it('starts and stops a stopwatch entry', async () => {
		await page.goto(`${app.server.origin}/stopwatch`);
		await ready(page, 'stopwatch');
		await page.getByLabel('Label').fill('Writing the report');
		await page.getByRole('button', { name: 'Start', exact: true }).click();
		const timer = page.locator('[data-testid="running-timer"]', { hasText: 'Writing the report' });
		await timer.waitFor();
		await screenshot(page, 'stopwatch');
		await timer.getByRole('button', { name: 'Stop' }).click();
		await expect.poll(() => timer.count()).toBe(0);
		expect(await page.locator('text=Writing the report').count()).toBeGreaterThan(0);
	});

	it('switches to the dark theme and keeps it after a reload', async () => {
		await page.goto(`${app.server.origin}/settings/appearance`);
		await ready(page, 'settings');
		await page.getByRole('button', { name: 'Dark' }).click();
		await page.reload();
		await ready(page, 'settings');
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		await page.goto(`${app.server.origin}/activity/demo`);
		await ready(page, 'activity');
		await screenshot(page, 'activity-dark');
		await page.goto(`${app.server.origin}/settings/appearance`);
		await page.getByRole('button', { name: 'Light' }).click();
	});

	it('edits an event in the bucket detail with the event editor', async () => {
		await page.goto(`${app.server.origin}/buckets/aw-watcher-window_demo`);
		await ready(page, 'bucket');
		await page.locator('table.events').getByRole('button', { name: 'Edit' }).first().click();
		const dialog = page.getByRole('dialog', { name: 'Edit event' });
		await dialog.getByLabel('title').fill('Edited by the e2e test');
		await dialog.getByRole('button', { name: 'Save' }).click();
		await expect.poll(() => page.locator('text=Edited by the e2e test').count()).toBe(1);
	});

	it('refreshes a view when events arrive through the REST API', async () => {
		const count = await openTimeline(page, app.server.origin);
		const before = await count();
		await page.evaluate(async () => {
			const now = new Date(Date.now() - 60_000).toISOString();
			const events = [
				{ timestamp: now, duration: 30, data: { app: 'LiveApp', title: 'arrived live' } }
			];
			const response = await fetch('/api/0/buckets/aw-watcher-window_demo/events', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(events)
			});
			if (!response.ok) throw new Error(`POST failed: ${response.status}`);
		});
		await expect.poll(count, { timeout: 15_000 }).toBe(before + 1);
	});

	it('stores the device name and shows it in the footer', async () => {
		await page.goto(`${app.server.origin}/settings/general`);
		await ready(page, 'settings');
		await page.getByLabel('Device name').fill('laptop');
		await page.getByRole('button', { name: 'Save' }).first().click();
		await expect.poll(() => page.locator('[data-testid="device-name"]').innerText()).toBe('laptop');
		await screenshot(page, 'settings-general');
		await page.reload();
		await ready(page, 'settings');
		await expect.poll(() => page.locator('[data-testid="device-name"]').innerText()).toBe('laptop');
	});

	it('imports a settings file whose views become Activity tabs', async () => {
		const file = join(dir, 'settings.json');
		const views = [
			{ id: 'summary', name: 'Summary', elements: [{ type: 'top_categories' }] },
			{ id: 'mine', name: 'Mine', elements: [{ type: 'top_urls' }, { type: 'custom_vis' }] }
		];
		writeFileSync(file, JSON.stringify({ views }));
		await page.goto(`${app.server.origin}/settings/developer`);
		await ready(page, 'settings');
		await page.getByLabel('Import settings').setInputFiles(file);
		await page.waitForSelector('text=1 settings imported.');
		await page.goto(`${app.server.origin}/activity/demo`);
		await ready(page, 'activity');
		await page.getByRole('button', { name: 'Mine', exact: true }).click();
		await ready(page, 'activity');
		expect(page.url()).toContain('/view/mine');
		expect(await page.locator('text=Top Browser URLs').count()).toBe(1);
		expect(await page.locator('[data-testid="unavailable-box"]').count()).toBe(1);
		await page.evaluate(async () => {
			const response = await fetch('/api/0/settings/views', { method: 'DELETE' });
			if (!response.ok) throw new Error(`DELETE failed: ${response.status}`);
		});
	});

	it('shows a not-found page for unknown routes', async () => {
		await page.goto(`${app.server.origin}/no/such/page`);
		await ready(page, 'not-found');
		expect(await page.locator('text=Page not found').count()).toBe(1);
	});
});
