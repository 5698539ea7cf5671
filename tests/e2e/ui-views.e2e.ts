import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppAndBrowser } from './lib/fixtures';
import { pageFetch } from './lib/app';
import { loadDemo, openPage, ready, screenshot } from './lib/ui-driver';
import { DEFAULT_VIEWS } from '../../src/ui/lib/views';

const app = useAppAndBrowser();
let page: Page;

beforeAll(async () => {
	page = await openPage(app.browser);
	await loadDemo(page, app.server.origin);
});

const tabs = () => page.getByRole('navigation', { name: 'Views' });
const tabNames = async () =>
	(await tabs().locator('button').allInnerTexts()).filter(
		(t) => t !== 'New view' && t !== 'Edit view'
	);
const pressedTab = () => tabs().locator('button[aria-pressed="true"]').innerText();
// The page adds a stopwatch list after the view's boxes when the period has stopwatch entries.
const boxTitles = async () =>
	(await page.locator('[data-view="activity"] .grid > .card h3').allInnerTexts()).filter(
		(t) => t !== 'Top Stopwatch Events'
	);
const editBoxes = () => page.locator('[data-testid="edit-box"]');
const editTypes = async () =>
	editBoxes().evaluateAll((boxes) => boxes.map((b) => b.getAttribute('data-type')));
const button = (name: string) => page.getByRole('button', { name, exact: true });
const storedViews = async () => (await pageFetch(page, 'GET', '/api/0/settings/views')).body;

async function openActivity(path = '/activity/demo'): Promise<void> {
	await page.goto(app.server.origin + path);
	await ready(page, 'activity');
}

describe('editing the Activity views with demo data', () => {
	it('creates a view, fills it with boxes, and keeps it after a reload', async () => {
		await openActivity();
		await button('New view').click();
		const dialog = page.getByRole('dialog', { name: 'New view' });
		await dialog.getByRole('button', { name: 'Create' }).click();
		expect(await dialog.getByRole('alert').allInnerTexts()).toEqual([
			'An id is needed, for example "work".',
			'A name is needed: it is the label of the tab.'
		]);
		await screenshot(page, 'activity-new-view');
		await dialog.getByLabel('View id').fill('summary');
		await dialog.getByLabel('View name').fill('Focus');
		expect(await dialog.getByRole('alert').allInnerTexts()).toEqual([
			'The id "summary" is already used by another view: choose another.'
		]);
		await dialog.getByLabel('View id').fill('focus');
		expect(await dialog.getByRole('alert').count()).toBe(0);
		await dialog.getByRole('button', { name: 'Create' }).click();

		await page.waitForSelector('[data-testid="view-editor"]');
		await ready(page, 'activity');
		expect(page.url()).toContain('/view/focus');
		expect(await pressedTab()).toBe('Focus');
		expect(await editBoxes().count()).toBe(0);

		await button('Add visualization').click();
		await button('Add visualization').click();
		expect(await editTypes()).toEqual(['top_apps', 'top_apps']);
		const select = page.getByLabel('Type of box 2');
		const labels = await select.locator('option').allInnerTexts();
		expect(labels).toContain('Top Browser Domains');
		expect(labels).toContain('Top Editor Files (unavailable)');
		await select.selectOption('top_domains');
		expect(await editTypes()).toEqual(['top_apps', 'top_domains']);
		await button('Move box 2 earlier').click();
		expect(await editTypes()).toEqual(['top_domains', 'top_apps']);
		expect(await button('Move box 1 earlier').isDisabled()).toBe(true);
		await screenshot(page, 'activity-edit-view');

		await button('Save').click();
		await page.waitForSelector('[data-testid="view-editor"]', { state: 'detached' });
		await expect.poll(boxTitles).toEqual(['Top Browser Domains', 'Top Applications']);

		await page.reload();
		await ready(page, 'activity');
		expect(await pressedTab()).toBe('Focus');
		expect(await boxTitles()).toEqual(['Top Browser Domains', 'Top Applications']);
		expect(await tabNames()).toEqual(['Summary', 'Window', 'Browser', 'Editor', 'Focus']);
		const stored = (await storedViews()) as { id: string }[];
		expect(stored.find((v) => v.id === 'focus')).toEqual({
			id: 'focus',
			name: 'Focus',
			elements: [
				{ type: 'top_domains', size: 3 },
				{ type: 'top_apps', size: 3 }
			]
		});
	});

	it('discards an edit on Cancel', async () => {
		const before = await storedViews();
		await button('Edit view').click();
		await button('Remove box 1 (Top Browser Domains)').click();
		await button('Add visualization').click();
		expect(await editTypes()).toEqual(['top_apps', 'top_apps']);
		await button('Cancel').click();
		await page.waitForSelector('[data-testid="view-editor"]', { state: 'detached' });
		await expect.poll(boxTitles).toEqual(['Top Browser Domains', 'Top Applications']);
		expect(await storedViews()).toEqual(before);
	});

	it('restores the default views, stored once saved', async () => {
		await button('Edit view').click();
		await button('Restore defaults').click();
		// The edited view is not among the defaults: the page moves to the first of them.
		await expect.poll(() => page.url()).toContain('/view/summary');
		expect(await tabNames()).toEqual(['Summary', 'Window', 'Browser', 'Editor']);
		expect(await editTypes()).toEqual(DEFAULT_VIEWS[0].elements.map((e) => e.type));
		expect(((await storedViews()) as unknown[]).length).toBe(5);

		await button('Save').click();
		await page.waitForSelector('[data-testid="view-editor"]', { state: 'detached' });
		await expect.poll(storedViews).toEqual(DEFAULT_VIEWS);
		await page.reload();
		await ready(page, 'activity');
		expect(await tabNames()).toEqual(['Summary', 'Window', 'Browser', 'Editor']);
	});

	it('removes a view after confirmation', async () => {
		await openActivity('/activity/demo');
		await button('Edit view').click();
		await button('Remove view').click();
		const confirm = page.getByRole('dialog', { name: 'Remove view' });
		expect(await confirm.innerText()).toContain('Remove the view “Summary” and its 6');
		await confirm.getByRole('button', { name: 'Cancel' }).click();
		expect(await tabNames()).toEqual(['Summary', 'Window', 'Browser', 'Editor']);

		await button('Remove view').click();
		await confirm.getByRole('button', { name: 'Remove' }).click();
		await expect.poll(pressedTab).toBe('Window');
		expect(await tabNames()).toEqual(['Window', 'Browser', 'Editor']);
		await button('Save').click();
		await page.waitForSelector('[data-testid="view-editor"]', { state: 'detached' });
		await page.reload();
		await ready(page, 'activity');
		expect(await tabNames()).toEqual(['Window', 'Browser', 'Editor']);
		expect(((await storedViews()) as { id: string }[]).map((v) => v.id)).toEqual([
			'window',
			'browser',
			'editor'
		]);
	});

	it('keeps the last view: it cannot be removed', async () => {
		const one = [{ id: 'only', name: 'Only', elements: [{ type: 'top_categories' }] }];
		expect((await pageFetch(page, 'POST', '/api/0/settings/views', one)).status).toBe(201);
		await openActivity();
		expect(await tabNames()).toEqual(['Only']);
		await button('Edit view').click();
		expect(await button('Remove view').isDisabled()).toBe(true);
		await button('Cancel').click();
		await pageFetch(page, 'POST', '/api/0/settings/views', DEFAULT_VIEWS.slice(1));
	});

	it('warns about a view id that no longer exists and links to the default view', async () => {
		const day = new Date().toISOString().slice(0, 10);
		await openActivity(`/activity/demo/day/${day}/view/summary`);
		const warning = page.locator('[data-testid="stale-view"]');
		expect(await warning.innerText()).toContain('There is no view “summary”');
		await screenshot(page, 'activity-stale-view');
		await warning.getByRole('link', { name: 'Show the Window view' }).click();
		await expect.poll(() => page.url()).toContain('/view/window');
		await ready(page, 'activity');
		expect(await warning.count()).toBe(0);
		expect(await pressedTab()).toBe('Window');
	});
});
