import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppAndBrowser } from './lib/fixtures';
import { pageFetch } from './lib/app';
import { cspViolations, loadDemo, openPage, ready, screenshot } from './lib/ui-driver';

const app = useAppAndBrowser();
let page: Page;

/**
 * The demo ends now and works from about 08:30 to 18:00, so early in the morning the default
 * day (from 04:00) holds none of it. The day is made to start at the second full hour from now
 * instead: then "today" is the last 22 hours or more, which always hold hours of demo work,
 * and stays so while the tests run across the next full hour (a day starting in the coming
 * hour began anew, empty, when a run crossed it).
 */
async function startTodayTwoHoursFromNow(): Promise<void> {
	const hour = await page.evaluate(() => (new Date().getHours() + 2) % 24);
	const startOfDay = `${String(hour).padStart(2, '0')}:00`;
	const answer = await pageFetch(
		page,
		'POST',
		'/api/0/settings/startOfDay',
		JSON.stringify(startOfDay)
	);
	expect(answer.status).toBe(201);
	await page.reload();
}

beforeAll(async () => {
	page = await openPage(app.browser);
	await loadDemo(page, app.server.origin);
	await startTodayTwoHoursFromNow();
});

const rows = () => page.locator('[data-testid="goals"] tbody tr');
const row = (name: string) =>
	rows().filter({ has: page.getByTestId('goal-name').getByText(name, { exact: true }) });
const stored = async () => (await pageFetch(page, 'GET', '/api/0/settings/alertGoals')).body;

async function openAlerts(): Promise<void> {
	await page.goto(`${app.server.origin}/alerts`);
	await ready(page, 'alerts');
}

describe('Alerts with demo data', () => {
	it('shows the two suggestions without storing them', async () => {
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Alerts' })
			.click();
		await ready(page, 'alerts');
		expect(new URL(page.url()).pathname).toBe('/alerts');
		expect(await page.locator('[data-testid="suggested"]').count()).toBe(1);
		expect(await rows().locator('td:nth-child(1)').allInnerTexts()).toEqual(['Work', 'Media']);
		expect(await rows().locator('td:nth-child(3)').allInnerTexts()).toEqual([
			expect.stringMatching(/^\d+ \/ 100 min$/),
			expect.stringMatching(/^\d+ \/ 10 min$/)
		]);
		expect(await page.getByTestId('last-updated').innerText()).not.toContain('never');
		expect(await stored()).toBeNull();
	});

	it('refuses a goal that is not a whole number of minutes, saying why', async () => {
		await page.getByLabel('Name').fill('Code');
		await page.getByLabel('Goal (minutes)').fill('2.5');
		await page.getByRole('button', { name: 'Add goal' }).click();
		const alerts = page.locator('form [role="alert"]');
		expect(await alerts.allInnerTexts()).toEqual([
			'Choose a category.',
			"'2.5' is not a whole number of minutes above 0; enter e.g. 30."
		]);
		expect(await stored()).toBeNull();
		await screenshot(page, 'alerts-form-errors');
	});

	it('adds a goal with today’s time over the category and below it, reached', async () => {
		await page.getByLabel('Category').selectOption({ label: 'Work' });
		await page.getByLabel('Goal (minutes)').fill('1');
		await page.getByRole('button', { name: 'Add goal' }).click();
		await expect.poll(() => row('Code').count()).toBe(1);
		expect(await page.locator('form [role="alert"]').count()).toBe(0);

		const current = await row('Code').locator('td:nth-child(3)').innerText();
		const minutes = Number(/^(\d+) \/ 1 min$/.exec(current)?.[1]);
		expect(minutes).toBeGreaterThan(0);
		expect(await row('Code').getAttribute('data-reached')).toBe('true');
		expect(await row('Code').innerText()).toContain('reached');
		// The suggested Work goal sums the same category: it shows the same minutes.
		expect(await row('Work').locator('td:nth-child(3)').innerText()).toBe(`${minutes} / 100 min`);
		expect(await page.locator('[data-testid="suggested"]').count()).toBe(0);

		// A whole day's goal cannot be reached before the day ends.
		await page.getByLabel('Name').fill('All day');
		await page.getByLabel('Goal (minutes)').fill('1440');
		await page.getByRole('button', { name: 'Add goal' }).click();
		await expect.poll(() => row('All day').count()).toBe(1);
		expect(await row('All day').getAttribute('data-reached')).toBe('false');
		expect(await row('All day').innerText()).not.toContain('reached');
		expect(await row('All day').locator('td:nth-child(3)').innerText()).toBe(
			`${minutes} / 1440 min`
		);
		expect(await stored()).toEqual([
			{ name: 'Work', category: ['Work'], minutes: 100 },
			{ name: 'Media', category: ['Media'], minutes: 10 },
			{ name: 'Code', category: ['Work'], minutes: 1 },
			{ name: 'All day', category: ['Work'], minutes: 1440 }
		]);

		await page.getByRole('button', { name: 'Check' }).click();
		await ready(page, 'alerts');
		expect(await row('Code').getAttribute('data-reached')).toBe('true');
		expect(await cspViolations(page)).toEqual([]);
		await screenshot(page, 'alerts');
	});

	it('keeps the goals across a reload, and removes one', async () => {
		await openAlerts();
		expect(await rows().locator('td:nth-child(1)').allInnerTexts()).toEqual([
			'Work',
			'Media',
			'Code',
			'All day'
		]);
		expect(await row('Code').getAttribute('data-reached')).toBe('true');

		await page.getByRole('button', { name: 'Remove Code' }).click();
		await expect.poll(() => row('Code').count()).toBe(0);
		await openAlerts();
		const names = ['Work', 'Media', 'All day'];
		expect(await rows().locator('td:nth-child(1)').allInnerTexts()).toEqual(names);
		expect(await page.locator('[data-testid="suggested"]').count()).toBe(0);
		expect(await stored()).toEqual([
			{ name: 'Work', category: ['Work'], minutes: 100 },
			{ name: 'Media', category: ['Media'], minutes: 10 },
			{ name: 'All day', category: ['Work'], minutes: 1440 }
		]);
	});

	it('checks again on Check, on new data, and every 10 seconds while auto-refresh is on', async () => {
		const updated = async () =>
			Number(await page.getByTestId('last-updated').getAttribute('data-at'));
		let before = await updated();
		await page.getByRole('button', { name: 'Check' }).click();
		await expect.poll(updated).toBeGreaterThan(before);

		before = await updated();
		const bucket = { client: 'alerts-test', type: 'test', hostname: 'demo' };
		expect((await pageFetch(page, 'POST', '/api/0/buckets/alerts-test_demo', bucket)).status).toBe(
			200
		);
		await expect.poll(updated, { timeout: 10_000 }).toBeGreaterThan(before);

		const auto = page.getByLabel('Auto-refresh every 10 s');
		expect(await auto.isChecked()).toBe(false);
		await auto.check();
		before = await updated();
		await expect.poll(updated, { timeout: 15_000 }).toBeGreaterThan(before);
		const first = await updated();
		await expect.poll(updated, { timeout: 15_000 }).toBeGreaterThan(first);
		expect((await updated()) - first).toBeGreaterThanOrEqual(9_000);
		await auto.uncheck();
	}, 60_000);
});

describe('goal notifications', () => {
	const notifyBox = () => page.getByLabel('Notify me when a goal is reached');
	const notificationTitles = () =>
		page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			return ((await registration?.getNotifications()) ?? []).map((n) => n.title).sort();
		});
	const record = () => page.evaluate(() => localStorage.getItem('hindsight.goalsNotified'));

	it('says what to do when the browser does not allow notifications, and stays off', async () => {
		await app.browser.context.clearPermissions();
		await openAlerts();
		// The page unchecks the box again as soon as the browser refuses, so a click, not check().
		await notifyBox().click();
		await page.getByTestId('notify-problem').waitFor();
		expect(await page.getByTestId('notify-problem').innerText()).toMatch(
			/allow them in the browser's site settings|choose Allow/
		);
		expect(await notifyBox().isChecked()).toBe(false);
		await expect
			.poll(async () => (await pageFetch(page, 'GET', '/api/0/settings/alertNotifications')).body)
			.toBe(false);
	});

	it('notifies once a day for each goal reached today, not for the others', async () => {
		const goals = [
			{ name: 'Code', category: ['Work'], minutes: 1 },
			{ name: 'All day', category: ['Work'], minutes: 1440 }
		];
		expect((await pageFetch(page, 'POST', '/api/0/settings/alertGoals', goals)).status).toBe(201);
		await app.browser.context.grantPermissions(['notifications'], { origin: app.server.origin });
		const messages: string[] = [];
		page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
		await openAlerts();
		await notifyBox().check();
		try {
			await expect.poll(notificationTitles, { timeout: 20_000 }).toEqual(['Goal reached: Code']);
		} catch (err) {
			throw new Error(`${String(err)}\nThe page's console:\n${messages.join('\n')}`, {
				cause: err
			});
		}
		expect(await page.locator('[data-testid="notify-problem"]').count()).toBe(0);
		expect((await pageFetch(page, 'GET', '/api/0/settings/alertNotifications')).body).toBe(true);
		const kept = JSON.parse((await record()) ?? 'null') as { day: string; names: string[] };
		expect(kept.names).toEqual(['Code']);

		// Opening another page checks again at once: nothing new is notified or recorded.
		await page.goto(`${app.server.origin}/timeline`);
		await page.waitForFunction(
			(before) =>
				(
					JSON.parse(localStorage.getItem('hindsight.goalsNotified') ?? '{}') as {
						checkedAt?: number;
					}
				).checkedAt! > before,
			(kept as unknown as { checkedAt: number }).checkedAt
		);
		const after = JSON.parse((await record()) ?? 'null') as { day: string; names: string[] };
		expect(after.names).toEqual(['Code']);
		expect(await notificationTitles()).toEqual(['Goal reached: Code']);

		await openAlerts();
		expect(await notifyBox().isChecked()).toBe(true);
		expect(await page.locator('[data-testid="notify-problem"]').count()).toBe(0);

		// Permission withdrawn while the setting stays on: the page says so.
		await app.browser.context.clearPermissions();
		await openAlerts();
		expect(await notifyBox().isChecked()).toBe(true);
		expect(await page.getByTestId('notify-problem').innerText()).toContain('no longer allows them');
		await notifyBox().uncheck();
		await expect
			.poll(async () => (await pageFetch(page, 'GET', '/api/0/settings/alertNotifications')).body)
			.toBe(false);
	});
});
