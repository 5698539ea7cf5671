import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppAndBrowser } from './lib/fixtures';
import { pageFetch } from './lib/app';
import { cspViolations, loadDemo, openPage, ready, screenshot } from './lib/ui-driver';
import { EXTENSION_CLIENT } from '../../src/core/bridge-protocol';

const app = useAppAndBrowser();
const dir = mkdtempSync(join(tmpdir(), 'hindsight-ui-report-'));
let page: Page;

beforeAll(async () => {
	page = await openPage(app.browser);
	await loadDemo(page, app.server.origin);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const table = () => page.locator('[data-testid="result-table"]');
const count = async () => Number(await page.locator('[data-testid="result-count"]').innerText());
const found = async () =>
	Number(/Found (\d+) events?/.exec(await page.getByTestId('report-summary').innerText())?.[1]);

/** The texts of one column of the result table (empty when it has no such column). */
async function column(name: string): Promise<string[]> {
	const headers = await table().locator('thead th').allInnerTexts();
	const index = headers.indexOf(name);
	if (index === -1) return [];
	return table()
		.locator(`tbody tr td:nth-child(${index + 1})`)
		.allInnerTexts();
}

/** Clicks an export button and returns the file's name and text. */
async function download(button: string): Promise<{ name: string; text: string }> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button }).click()
	]);
	const path = join(dir, file.suggestedFilename());
	await file.saveAs(path);
	return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** An RFC 4180 reader (quoted fields with doubled quotes, CRLF records), strict about leftovers. */
function parseCsv(text: string): string[][] {
	const field = /("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n)/y;
	const rows: string[][] = [[]];
	let match: RegExpExecArray | null;
	while (field.lastIndex < text.length && (match = field.exec(text))) {
		const [, raw, end] = match;
		rows[rows.length - 1].push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
		if (end === '\r\n') rows.push([]);
	}
	expect(field.lastIndex).toBe(text.length);
	return rows.slice(0, -1);
}

describe('Report with demo data', () => {
	it('says what to choose when nothing is chosen', async () => {
		await page.goto(`${app.server.origin}/report`);
		await ready(page, 'report');
		await page.getByRole('button', { name: 'Generate' }).click();
		expect(await page.getByTestId('report-problem').innerText()).toContain(
			'Pick at least one category'
		);
		expect(await table().count()).toBe(0);
	});

	it('reports a category with its subcategories, with a chart and the events', async () => {
		await page.getByRole('checkbox', { name: 'Comms', exact: true }).check();
		// The subcategories come along, shown ticked and fixed.
		expect(await page.getByRole('checkbox', { name: 'IM', exact: true }).isChecked()).toBe(true);
		expect(await page.getByRole('checkbox', { name: 'IM', exact: true }).isDisabled()).toBe(true);
		await page.getByRole('button', { name: 'Generate' }).click();
		await table().waitFor();
		await ready(page, 'report');
		expect(await page.getByTestId('report-problem').count()).toBe(0);

		const n = await found();
		expect(n).toBeGreaterThan(0);
		expect(await count()).toBe(n);
		expect(await page.getByTestId('report-summary').innerText()).toMatch(
			/^Found \d+ events in \d+\.\d\d seconds\.$/
		);
		// The demo's chat app and mail client fall under Comms > IM and Comms > Email, and so does
		// the browser while its window title names the Gmail tab.
		const apps = await column('app');
		const titles = await column('title');
		expect(apps).toContain('Slack');
		expect(apps).toContain('Thunderbird');
		const others = titles.filter((_, i) => apps[i] !== 'Slack' && apps[i] !== 'Thunderbird');
		expect(others.every((t) => t.includes('Gmail'))).toBe(true);
		const categories = (await column('$category')).map((c) => JSON.parse(c));
		expect(categories).toHaveLength(Math.min(n, 1000));
		expect(categories.every((c) => c[0] === 'Comms' && c.length === 2)).toBe(true);
		const starts = (await column('Start')).map((s) => Date.parse(s));
		expect(starts.every((s, i) => i === 0 || s <= starts[i - 1])).toBe(true);
		// The bar chart of time per category and the timeline of the latest events both draw.
		const drawn = page.locator('[data-view="report"] [data-drawn="true"]');
		await expect.poll(() => drawn.count()).toBe(2);
		expect(await drawn.first().getAttribute('aria-label')).toBe('Time per category');
		expect(await cspViolations(page)).toEqual([]);
		await screenshot(page, 'report');
	});

	it('exports the shown events as CSV and JSON downloads', async () => {
		const n = await found();
		const csv = await download('Export CSV');
		expect(csv.name).toBe('events.csv');
		const [header, ...rows] = parseCsv(csv.text);
		expect(header).toEqual(['timestamp', 'duration', 'category', 'app', 'title']);
		expect(rows).toHaveLength(n);
		expect(rows.every((r) => r.length === 5)).toBe(true);
		expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['Comms > IM', 'Comms > Email']));
		expect(rows.every((r) => Number(r[1]) > 0 && r[4] !== '')).toBe(true);

		const json = await download('Export JSON');
		expect(json.name).toBe('events.json');
		const events = JSON.parse(json.text) as {
			timestamp: string;
			duration: number;
			data: { app: string; title: string };
		}[];
		expect(events).toHaveLength(n);
		// Both files list the same events, oldest first.
		expect(events.map((e) => [e.timestamp, String(e.duration), e.data.app, e.data.title])).toEqual(
			rows.map((r) => [r[0], r[1], r[3], r[4]])
		);
		const times = events.map((e) => Date.parse(e.timestamp));
		expect(times.every((t, i) => i === 0 || t >= times[i - 1])).toBe(true);
	});

	it('moves the start back a week and generates again', async () => {
		const before = await found();
		const start = await page.getByLabel('Start date').inputValue();
		await page.getByRole('button', { name: '+1 week' }).click();
		await expect.poll(found).toBeGreaterThan(before);
		const shifted = new Date(`${start}T12:00:00`);
		shifted.setDate(shifted.getDate() - 7);
		expect(await page.getByLabel('Start date').inputValue()).toBe(shifted.toLocaleDateString('sv'));
		expect(await count()).toBe(await found());
	});

	it('reports a custom regex, and shows the error of one that does not compile', async () => {
		await page.getByRole('radio', { name: 'Custom regex' }).check();
		await page.getByLabel('Pattern').fill('^Spotify$');
		await page.getByLabel('Pattern').press('Enter');
		await expect.poll(() => column('$category')).toContain('["Custom"]');
		expect(new Set(await column('app'))).toEqual(new Set(['Spotify']));

		await page.getByLabel('Pattern').fill('Spotify(');
		await page.getByRole('button', { name: 'Generate' }).click();
		const notice = page.getByTestId('pattern-error');
		await notice.waitFor();
		expect(await notice.innerText()).toContain("'Spotify('");
		expect(await notice.innerText()).toContain('Correct the pattern');
		expect(await table().count()).toBe(0);
		await screenshot(page, 'report-bad-pattern');

		await page.getByLabel('Pattern').fill('');
		await page.getByRole('button', { name: 'Generate' }).click();
		expect(await page.getByTestId('report-problem').innerText()).toContain(
			'Type a regular expression'
		);
		expect(await notice.count()).toBe(0);
	});

	it('reports the tab events of browser-only data, with the domain as the app', async () => {
		await addBrowserOnlyProfile();
		await page.goto(`${app.server.origin}/report`);
		await ready(page, 'report');
		await page.getByText('Options').click();
		await expect
			.poll(() => page.getByLabel('Host').locator('option').allInnerTexts())
			.toContain('profile');
		await page.getByLabel('Host').selectOption('profile');
		await page.getByRole('radio', { name: 'Custom regex' }).check();
		await page.getByLabel('Pattern').fill('^tracker\\.example$');
		await page.getByLabel('Pattern').press('Enter');
		await table().waitFor();
		// The focus stream repeats the tab title; only the tab event is reported.
		expect(await found()).toBe(1);
		expect(await column('url')).toEqual(['https://tracker.example/issues/42']);
		await screenshot(page, 'report-browser-only');

		const [header, ...rows] = parseCsv((await download('Export CSV')).text);
		expect(header).toEqual(['timestamp', 'duration', 'category', 'app', 'title']);
		expect(rows.map((r) => r.slice(1))).toEqual([['600', 'Custom', 'tracker.example', TITLE]]);
	});

	it('is reached from the top bar', async () => {
		await page.goto(`${app.server.origin}/home`);
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Report' })
			.click();
		await ready(page, 'report');
		expect(new URL(page.url()).pathname).toBe('/report');
	});
});

/** A tab title with a comma and quotes, which the CSV export must quote. */
const TITLE = 'Issue 42, "urgent" - Tracker';

/**
 * Adds what the extension records for a browser profile "profile" (spec 4.6) through the REST
 * API: active from 30 minutes ago to now, Chrome focused from 20 to 10 minutes ago on one tab
 * (all from one clock reading, so the spans line up to the microsecond).
 */
async function addBrowserOnlyProfile(): Promise<void> {
	const now = Date.now();
	const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
	const span = (minutes: number, duration: number, data: object) => [
		{ timestamp: ago(minutes), duration, data }
	];
	const tab = { url: 'https://tracker.example/issues/42', title: TITLE, audible: false };
	const buckets: [string, string, unknown[]][] = [
		['aw-watcher-afk_profile', 'afkstatus', span(30, 1800, { status: 'not-afk' })],
		[
			'aw-watcher-window_profile',
			'currentwindow',
			span(20, 600, { app: 'Google Chrome', title: TITLE })
		],
		['aw-watcher-web-chrome_profile', 'web.tab.current', span(20, 600, tab)]
	];
	for (const [id, type, events] of buckets) {
		const bucket = { client: EXTENSION_CLIENT, type, hostname: 'profile' };
		expect((await pageFetch(page, 'POST', `/api/0/buckets/${id}`, bucket)).status).toBe(200);
		const added = await pageFetch(page, 'POST', `/api/0/buckets/${id}/events`, events);
		expect(added.status).toBe(200);
	}
}
