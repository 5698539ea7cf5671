/**
 * A small driver for the dashboard's e2e tests: open a page, wait for a view to report that it
 * has drawn (`data-ready`), load the demo data through the first-run screen, open the timeline,
 * take screenshots.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Launched } from './chromium';

export const SCREENSHOTS = 'test-results/screenshots';

export async function openPage(browser: Launched): Promise<Page> {
	const page = await browser.context.newPage();
	page.on('pageerror', (err) => console.error('page error:', err.message));
	// Collects the page's Content-Security-Policy violations (charts must draw without any).
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
	});
	return page;
}

/** The CSP directives the current document has violated so far. */
export function cspViolations(page: Page): Promise<string[]> {
	return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** Waits until the view `name` has drawn its data. */
export async function ready(page: Page, name: string, timeout = 60_000): Promise<void> {
	await page.waitForSelector(`[data-view="${name}"][data-ready="true"]`, { timeout });
}

export async function screenshot(page: Page, name: string): Promise<void> {
	mkdirSync(SCREENSHOTS, { recursive: true });
	await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/**
 * A day (`YYYY-MM-DD`) that the demo data fills whole whatever the time the test runs: the
 * dashboard day (from 04:00) before the current one. The demo ends at the moment it is loaded
 * and works from about 08:30, so the current day may hold nothing yet.
 */
export function fullDemoDay(): string {
	return new Date(Date.now() - 4 * 3600e3 - 86_400e3).toLocaleDateString('sv');
}

/** Loads a month of demo data from the first-run screen and waits for the import. */
export async function loadDemo(page: Page, origin: string): Promise<void> {
	await page.goto(`${origin}/home`);
	await page.waitForSelector('[data-testid="first-run"]');
	await screenshot(page, 'first-run');
	await page.getByRole('button', { name: 'Load demo data' }).click();
	await page.waitForSelector('text=Your devices', { timeout: 120_000 });
}

/**
 * Opens the timeline over the last two days (which always hold some of the demo's activity,
 * whatever the time of day) and returns a reader of the event count it shows.
 */
export async function openTimeline(page: Page, origin: string): Promise<() => Promise<number>> {
	await page.goto(`${origin}/timeline`);
	await ready(page, 'timeline');
	await page.getByLabel('Duration', { exact: true }).selectOption('48');
	await ready(page, 'timeline');
	return async () => Number((await page.locator('text=/\\d+ events/').innerText()).split(' ')[0]);
}
