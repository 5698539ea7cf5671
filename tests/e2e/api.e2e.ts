import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { controlledPage, pageFetch } from './lib/app';
import { useAppAndBrowser } from './lib/fixtures';

const app = useAppAndBrowser();
let page: Page;

beforeAll(async () => {
	page = await controlledPage(app.browser.context, app.server.origin);
});

describe('the REST API served by the service worker', () => {
	it('creates buckets, answers 304 on repeat, and lists them', async () => {
		const body = { type: 'currentwindow', client: 'e2e', hostname: 'host' };
		const created = await pageFetch(page, 'POST', '/api/0/buckets/e2e-window', body);
		expect(created.status).toBe(200);
		expect(created.headers['cache-control']).toBe('no-store');
		expect((await pageFetch(page, 'POST', '/api/0/buckets/e2e-window', body)).status).toBe(304);

		const list = await pageFetch(page, 'GET', '/api/0/buckets/');
		expect(Object.keys(list.body as object)).toContain('e2e-window');
	});

	it('merges heartbeats and answers the merged event', async () => {
		let last: unknown;
		for (let s = 0; s < 5; s++) {
			const answer = await pageFetch(
				page,
				'POST',
				'/api/0/buckets/e2e-window/heartbeat?pulsetime=10',
				{ timestamp: `2024-05-01T10:00:0${s}Z`, duration: 0, data: { app: 'editor' } }
			);
			expect(answer.status).toBe(200);
			last = answer.body;
		}
		expect(last).toMatchObject({ timestamp: '2024-05-01T10:00:00Z', duration: 4 });
		const events = await pageFetch(page, 'GET', '/api/0/buckets/e2e-window/events');
		expect(events.body).toEqual([last]);
		const count = await pageFetch(page, 'GET', '/api/0/buckets/e2e-window/events/count');
		expect(count.body).toBe(1);
	});

	it('runs a query over the stored events', async () => {
		const answer = await pageFetch(page, 'POST', '/api/0/query/', {
			timeperiods: ['2024-05-01T00:00:00+00:00/2024-05-02T00:00:00+00:00'],
			query: [
				'events = query_bucket("e2e-window");',
				'RETURN = {"total": sum_durations(events), "apps": merge_events_by_keys(events, ["app"])};'
			]
		});
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual([
			{
				total: 4,
				apps: [
					{ id: null, timestamp: '2024-05-01T10:00:00Z', duration: 4, data: { app: 'editor' } }
				]
			}
		]);
		const broken = await pageFetch(page, 'POST', '/api/0/query/', {
			timeperiods: ['2024-05-01T00:00:00+00:00/2024-05-02T00:00:00+00:00'],
			query: ['RETURN = ;']
		});
		expect(broken.status).toBe(400);
		expect(broken.body).toMatchObject({ type: 'ParsingError', line: 1 });
	});

	it('answers unknown API paths with JSON 404 and wrong methods with 405', async () => {
		const missing = await pageFetch(page, 'GET', '/api/0/nothing-here');
		expect(missing.status).toBe(404);
		expect(missing.headers['content-type']).toBe('application/json');
		const wrong = await pageFetch(page, 'PUT', '/api/0/info', {});
		expect(wrong.status).toBe(405);
		expect(wrong.headers.allow).toBe('GET, OPTIONS');
	});

	it('broadcasts changes made through the API to open pages', async () => {
		const notice = page.evaluate(
			() =>
				new Promise<unknown>((resolve) => {
					const channel = new BroadcastChannel('hindsight-changes');
					channel.onmessage = (event) => {
						channel.close();
						resolve(event.data);
					};
				})
		);
		await pageFetch(page, 'POST', '/api/0/settings/e2eKey', '"v"');
		expect(await notice).toMatchObject({ type: 'hindsight-change', notice: { kind: 'settings' } });
	});

	it('stores into the same database the dashboard worker reads', async () => {
		const dashboard = await controlledPage(app.browser.context, app.server.origin, '/');
		const value = await pageFetch(dashboard, 'GET', '/api/0/settings/e2eKey');
		expect(value.body).toBe('v');
		await dashboard.close();
	});
});
