import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppAndBrowser } from './lib/fixtures';
import { pageFetch } from './lib/app';
import { cspViolations, fullDemoDay, loadDemo, openPage, ready, screenshot } from './lib/ui-driver';

const app = useAppAndBrowser();
let page: Page;
const day = fullDemoDay();

/**
 * A second device, as an import from another computer would bring it: an hour at 05:00 on the
 * demo's full day, before the demo's working hours, so it overlaps none of the demo's time.
 */
async function addLaptop(): Promise<void> {
	const [start, end] = await page.evaluate(
		(d) => [new Date(`${d}T05:00:00`).toISOString(), new Date(`${d}T06:00:00`).toISOString()],
		day
	);
	const buckets = [
		[
			'aw-watcher-window_laptop',
			'currentwindow',
			{ app: 'LaptopApp', title: 'Notes on the laptop' }
		],
		['aw-watcher-afk_laptop', 'afkstatus', { status: 'not-afk' }]
	] as const;
	for (const [id, type, data] of buckets) {
		const bucket = { client: id.split('_')[0], type, hostname: 'laptop' };
		expect((await pageFetch(page, 'POST', `/api/0/buckets/${id}`, bucket)).status).toBe(200);
		const event = { timestamp: start, duration: 3600, data };
		expect((await pageFetch(page, 'POST', `/api/0/buckets/${id}/events`, [event])).status).toBe(
			200
		);
	}
	expect(end > start).toBe(true);
}

async function openDemoDay(): Promise<void> {
	await page.goto(`${app.server.origin}/activity/demo/day/${day}`);
	await ready(page, 'activity');
}

const hosts = () => page.getByTestId('hosts').innerText();
/** The minutes of a time shown as `8h 16m` (whole hours and minutes only, as a full day shows). */
function minutes(text: string): number {
	const match = /^(?:(\d+)h)?\s*(?:(\d+)m)?$/.exec(text.trim());
	if (!match) throw new Error(`Not a time in hours and minutes: ${text}`);
	return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}
const timeActive = () => page.getByTestId('time-active').innerText();
const laptopShown = () => page.locator('[data-view="activity"]').getByText('LaptopApp').count();

async function setMultidevice(on: boolean): Promise<void> {
	await page.goto(`${app.server.origin}/settings/developer`);
	const box = page.getByLabel('Use the multi-device query');
	await box.setChecked(on);
	await expect
		.poll(async () => (await pageFetch(page, 'GET', '/api/0/settings/useMultidevice')).body)
		.toBe(on);
}

beforeAll(async () => {
	page = await openPage(app.browser);
	await loadDemo(page, app.server.origin);
});

describe('the multi-device Activity summary', () => {
	it('shows one host until the setting is on', async () => {
		await openDemoDay();
		expect(await hosts()).toBe('demo');
		expect(await laptopShown()).toBe(0);
	});

	it('adds every device’s window time when the setting is on, and stops when it is off', async () => {
		await openDemoDay();
		const alone = await timeActive();
		await setMultidevice(true);
		await openDemoDay();
		expect(await hosts()).toBe('all devices, demo first');
		// The multi-device query has no browser or audible part, so its time differs.
		const demoOnly = await timeActive();

		await addLaptop();
		await openDemoDay();
		await expect.poll(laptopShown).toBeGreaterThan(0);
		// The laptop's hour overlaps none of the demo's time, so it adds a whole hour.
		expect(minutes(await timeActive())).toBe(minutes(demoOnly) + 60);
		expect(await cspViolations(page)).toEqual([]);
		await screenshot(page, 'activity-multidevice');

		await setMultidevice(false);
		await openDemoDay();
		expect(await hosts()).toBe('demo');
		expect(await laptopShown()).toBe(0);
		expect(await timeActive()).toBe(alone);
	});
});

describe('the Activity filters', () => {
	it('start from the stored audible setting on a page opened directly', async () => {
		const audible = () => page.getByLabel('Count audible browser tab as active');
		await openDemoDay();
		expect(await audible().isChecked()).toBe(true);
		const stored = await pageFetch(page, 'POST', '/api/0/settings/countAudibleAsActive', 'false');
		expect(stored.status).toBe(201);
		await openDemoDay();
		expect(await audible().isChecked()).toBe(false);
		await audible().setChecked(true);
		await ready(page, 'activity');
		expect(await audible().isChecked()).toBe(true);
	});
});
