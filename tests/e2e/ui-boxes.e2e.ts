/**
 * The Activity view's score, sunburst clock, daily timeline and bucket data boxes, drawn from
 * the demo data in real Chromium: a view holding the four is put in the `views` setting, and a
 * full day of the demo (yesterday) is shown.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppAndBrowser } from './lib/fixtures';
import { pageFetch } from './lib/app';
import { cspViolations, fullDemoDay, loadDemo, openPage, ready, screenshot } from './lib/ui-driver';
import { DEFAULT_VIEWS } from '../../src/ui/lib/views';

const app = useAppAndBrowser();
let page: Page;

const BOXES = ['score', 'sunburst_clock', 'vis_timeline', 'top_bucket_data'];
const VIEW = { id: 'boxes', name: 'Boxes', elements: BOXES.map((type) => ({ type, size: 3 })) };
const DAY = fullDemoDay();
const WINDOW_BUCKET = 'aw-watcher-window_demo';

beforeAll(async () => {
	page = await openPage(app.browser);
	await loadDemo(page, app.server.origin);
	await pageFetch(page, 'POST', '/api/0/settings/views', [...DEFAULT_VIEWS, VIEW]);
});

async function openBoxes(unit = 'day', date = DAY): Promise<void> {
	await page.goto(`${app.server.origin}/activity/demo/${unit}/${date}/view/boxes`);
	await ready(page, 'activity');
}

const box = (id: string) => page.locator(`[data-testid="${id}"]`);
const bucketRows = () => box('bucket-data').locator('li .label').allInnerTexts();
const storedBox = async () => {
	const views = (await pageFetch(page, 'GET', '/api/0/settings/views')).body as (typeof VIEW)[];
	return views.find((v) => v.id === 'boxes')?.elements[3];
};

describe('the score, clock, timeline and bucket data boxes with demo data', () => {
	it('draws the four boxes for a day', async () => {
		await openBoxes();
		expect(await box('score-total').innerText()).toMatch(/^[+-]\d+\.\d$/);
		expect(await box('score-total').innerText()).not.toBe('0.0');
		expect(await box('score-positive').innerText()).toMatch(/^\d+%$/);
		expect(await box('score-box').locator('li').count()).toBeGreaterThan(0);
		expect(await box('score-box').innerText()).toContain('Work');

		expect(await box('sunburst-clock').locator('[data-drawn="true"]').count()).toBe(1);
		expect(await box('sunburst-clock').innerText()).toContain('not-afk');

		expect(await box('daily-timeline').locator('[data-drawn="true"]').count()).toBe(1);
		expect(Number(await box('timeline-lanes').innerText())).toBeGreaterThanOrEqual(3);

		expect(await box('bucket-data').innerText()).toContain('Choose a bucket and a field');
		expect(await cspViolations(page)).toEqual([]);
	});

	it('shows the clock when hovered, with time, title and duration', async () => {
		const chart = box('sunburst-clock').locator('[role="img"]');
		await chart.scrollIntoViewIfNeeded();
		const bounds = (await chart.boundingBox())!;
		// Points on the outer ring around the dial, until one is over a window event.
		let tip = '';
		for (let angle = 0; angle < 360 && tip === ''; angle += 7) {
			const r = Math.min(bounds.width, bounds.height) * 0.42;
			const x = bounds.x + bounds.width / 2 + r * Math.sin((angle * Math.PI) / 180);
			const y = bounds.y + bounds.height / 2 - r * Math.cos((angle * Math.PI) / 180);
			await page.mouse.move(x, y);
			await page.waitForTimeout(100);
			const shown = page.locator('[data-testid="sunburst-clock"] div:has-text("–")').last();
			tip = (await shown.count()) > 0 ? await shown.innerText() : '';
		}
		expect(tip).toMatch(/\d\d:\d\d:\d\d–\d\d:\d\d:\d\d/);
		const lines = tip.split('\n');
		expect(lines.length).toBeGreaterThanOrEqual(3);
		expect(lines.at(-1)).toMatch(/^\d+[hms]/);
		await screenshot(page, 'activity-boxes-day');
	});

	it('sums a chosen bucket field and keeps the choice after a reload', async () => {
		const picker = box('bucket-data');
		await picker.getByLabel('Bucket').selectOption(WINDOW_BUCKET);
		await expect
			.poll(() => picker.getByLabel('Field').locator('option').allInnerTexts())
			.toContain('app');
		await picker.getByLabel('Field').selectOption('app');
		await expect.poll(async () => (await bucketRows()).length).toBeGreaterThan(0);
		const rows = await bucketRows();
		expect(new Set(rows).size).toBe(rows.length);
		expect(await storedBox()).toEqual({
			type: 'top_bucket_data',
			size: 3,
			props: { bucketId: WINDOW_BUCKET, field: 'app', customField: '' }
		});

		await page.reload();
		await ready(page, 'activity');
		expect(await picker.getByLabel('Bucket').inputValue()).toBe(WINDOW_BUCKET);
		expect(await picker.getByLabel('Field').inputValue()).toBe('app');
		await expect.poll(bucketRows).toEqual(rows);
		await screenshot(page, 'activity-boxes-bucket-data');
	});

	it('groups by a custom path', async () => {
		const picker = box('bucket-data');
		await picker.getByLabel('Field').selectOption({ label: 'Custom path…' });
		await picker.getByLabel('Path', { exact: true }).fill('title');
		await picker.getByLabel('Path', { exact: true }).press('Enter');
		await expect.poll(storedBox).toEqual({
			type: 'top_bucket_data',
			size: 3,
			props: { bucketId: WINDOW_BUCKET, field: '', customField: 'title' }
		});
		await expect.poll(async () => (await bucketRows()).length).toBeGreaterThan(0);
		expect(await picker.getByLabel('Path', { exact: true }).inputValue()).toBe('title');
	});

	it('asks for a single day on longer periods, still summing bucket data', async () => {
		await openBoxes('week', DAY);
		expect(await box('sunburst-clock').innerText()).toContain('needs a single day');
		expect(await box('daily-timeline').innerText()).toContain('needs a single day');
		expect(await box('score-total').innerText()).toMatch(/^[+-]\d+\.\d$/);
		await expect.poll(async () => (await bucketRows()).length).toBeGreaterThan(0);
		await screenshot(page, 'activity-boxes-week');
	});
});
