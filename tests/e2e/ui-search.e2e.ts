import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppAndBrowser } from './lib/fixtures';
import { cspViolations, loadDemo, openPage, ready, screenshot } from './lib/ui-driver';

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
