import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppAndBrowser } from './lib/fixtures';
import { pageFetch } from './lib/app';
import { cspViolations, loadDemo, openPage, ready, screenshot } from './lib/ui-driver';
import { EXTENSION_CLIENT } from '../../src/core/bridge-protocol';

const app = useAppAndBrowser();
let page: Page;

beforeAll(async () => {
	page = await openPage(app.browser);
	await loadDemo(page, app.server.origin);
});

const table = () => page.locator('[data-testid="result-table"]');
const count = async () => Number(await page.locator('[data-testid="result-count"]').innerText());

/** The texts of the result table's header cells and of one column of every row. */
async function column(name: string): Promise<string[]> {
	const headers = await table().locator('thead th').allInnerTexts();
	const index = headers.indexOf(name);
	if (index === -1) return [];
	return table()
		.locator(`tbody tr td:nth-child(${index + 1})`)
		.allInnerTexts();
}

describe('Search and Trends with demo data', () => {
	it('finds window and tab events matching a pattern, newest first', async () => {
		await page.goto(`${app.server.origin}/search`);
		await ready(page, 'search');
		await page.getByLabel('Pattern').fill('acme/');
		await page.getByLabel('Pattern').press('Enter');
		await table().waitFor();
		await ready(page, 'search');
		expect(await count()).toBeGreaterThan(0);

		// The demo's browser window titles name the repository ("… acme/app — Mozilla Firefox"),
		// and so do the tab URLs: both kinds of events are found.
		const apps = await column('app');
		const urls = await column('url');
		expect(apps.filter((a) => a === 'Firefox').length).toBeGreaterThan(0);
		expect(urls.filter((u) => u.includes('github.com/acme/')).length).toBeGreaterThan(0);
		const rows = await table().locator('tbody tr').allInnerTexts();
		expect(rows.every((r) => r.includes('acme/'))).toBe(true);
		const starts = (await column('Start')).map((s) => Date.parse(s));
		expect(starts.every((s, i) => i === 0 || s <= starts[i - 1])).toBe(true);
		expect(await cspViolations(page)).toEqual([]);
		await screenshot(page, 'search');
	});

	it('moves the start back a week and searches again', async () => {
		const before = await count();
		const start = await page.getByLabel('Start date').inputValue();
		await page.getByRole('button', { name: '+1 week' }).click();
		await expect.poll(() => page.getByLabel('Start date').inputValue()).not.toBe(start);
		await expect.poll(count).toBeGreaterThan(before);
		const shifted = new Date(`${start}T12:00:00`);
		shifted.setDate(shifted.getDate() - 7);
		expect(await page.getByLabel('Start date').inputValue()).toBe(shifted.toLocaleDateString('sv'));
	});

	it('shows the engine error for a pattern that does not compile', async () => {
		await page.getByLabel('Pattern').fill('acme/(');
		await page.getByRole('button', { name: 'Search' }).click();
		const notice = page.locator('[data-testid="pattern-error"]');
		await notice.waitFor();
		expect(await notice.innerText()).toContain("'acme/('");
		expect(await notice.innerText()).toContain('Correct the pattern');
		expect(await table().count()).toBe(0);
		await screenshot(page, 'search-bad-pattern');
		await page.getByLabel('Pattern').fill('acme/');
		await page.getByLabel('Pattern').press('Enter');
		await table().waitFor();
		expect(await notice.count()).toBe(0);
	});

	it('compares the last days with the days before on Trends', async () => {
		await page.goto(`${app.server.origin}/trends/demo`);
		await ready(page, 'trends');
		const active = page.locator('[data-testid="trend-active"] .value');
		expect(await active.innerText()).toMatch(/[1-9]\d*h|[1-9]\d*m/);
		expect(await page.locator('[data-testid="trend-average"] .value').innerText()).toMatch(/[1-9]/);
		expect(await page.locator('[data-testid="trend-best-day"] .value').innerText()).toMatch(/day$/);
		const rows = page.locator('[data-testid="trend-changes"] tbody tr');
		expect(await rows.count()).toBeGreaterThan(0);
		const current = await rows.locator('td:nth-child(2)').allInnerTexts();
		expect(current.some((t) => /[1-9]/.test(t))).toBe(true);
		expect(await page.locator('[data-view="trends"] [data-drawn="true"]').count()).toBe(1);
		expect(await cspViolations(page)).toEqual([]);
		await screenshot(page, 'trends-7');

		await page.getByRole('button', { name: '30 days' }).click();
		await ready(page, 'trends');
		// The demo holds a month ending today, so the 30 days before hold almost nothing.
		const changes = await rows.locator('td:nth-child(4)').allInnerTexts();
		expect(changes.some((c) => c === '+new' || c.startsWith('+'))).toBe(true);
		await screenshot(page, 'trends-30');
	});

	it('searches the tab events of browser-only data once, and shows its trends', async () => {
		await addBrowserOnlyProfile();
		await page.goto(`${app.server.origin}/search`);
		await ready(page, 'search');
		await page.getByText('Options').click();
		await expect
			.poll(() => page.getByLabel('Host').locator('option').allInnerTexts())
			.toContain('profile');
		await page.getByLabel('Host').selectOption('profile');
		// The focus stream repeats the tab title; only the tab event is listed.
		await page.getByLabel('Pattern').fill('Issue tracker');
		await page.getByLabel('Pattern').press('Enter');
		await table().waitFor();
		expect(await count()).toBe(1);
		expect(await column('url')).toEqual(['https://tracker.example/issues/42']);
		expect(await column('app')).toEqual([]);
		await page.getByLabel('Pattern').fill('^tracker\\.example$');
		await page.getByLabel('Pattern').press('Enter');
		await expect.poll(() => column('$domain')).toEqual(['tracker.example']);
		await screenshot(page, 'search-browser-only');

		await page.goto(`${app.server.origin}/trends/profile`);
		await ready(page, 'trends');
		// Active 30 min, focused 20 min, of which the tab was open 10 min: 10 minutes, new.
		expect(await page.locator('[data-testid="trend-active"] .value').innerText()).toBe('10m 00s');
		const row = page.locator('[data-testid="trend-changes"] tbody tr');
		expect(await row.allInnerTexts()).toEqual([
			expect.stringMatching(/Uncategorized\s+10m 00s\s+0s\s+\+new/)
		]);
	});

	it('reaches both pages from the top bar', async () => {
		await page.goto(`${app.server.origin}/home`);
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Trends' })
			.click();
		await ready(page, 'trends');
		expect(new URL(page.url()).pathname).toBe('/trends');
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Search' })
			.click();
		await ready(page, 'search');
		expect(new URL(page.url()).pathname).toBe('/search');
	});
});

/**
 * Adds what the extension records for a browser profile "profile" (spec 4.6): idle state, a
 * focus stream and tab events, through the REST API. Active 30 minutes ago to now; Chrome focused
 * from 20 to 10 minutes ago on one tab.
 */
async function addBrowserOnlyProfile(): Promise<void> {
	const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
	const title = 'Issue tracker - Hindsight';
	const buckets: [string, string, unknown[]][] = [
		[
			'aw-watcher-afk_profile',
			'afkstatus',
			[{ timestamp: ago(30), duration: 1800, data: { status: 'not-afk' } }]
		],
		[
			'aw-watcher-window_profile',
			'currentwindow',
			[{ timestamp: ago(20), duration: 600, data: { app: 'Google Chrome', title } }]
		],
		[
			'aw-watcher-web-chrome_profile',
			'web.tab.current',
			[
				{
					timestamp: ago(20),
					duration: 600,
					data: { url: 'https://tracker.example/issues/42', title, audible: false }
				}
			]
		]
	];
	for (const [id, type, events] of buckets) {
		const bucket = { client: EXTENSION_CLIENT, type, hostname: 'profile' };
		expect((await pageFetch(page, 'POST', `/api/0/buckets/${id}`, bucket)).status).toBe(200);
		const added = await pageFetch(page, 'POST', `/api/0/buckets/${id}/events`, events);
		expect(added.status).toBe(200);
	}
}
