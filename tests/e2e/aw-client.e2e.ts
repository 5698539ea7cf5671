/**
 * The published ActivityWatch JavaScript client (aw-client 0.3.7, built on axios), bundled
 * unchanged for the browser and served next to the built app, runs a full scenario against
 * the service worker.
 */
import { beforeAll, expect, it } from 'vitest';
import { addTestPage, controlledPage, pageFetch } from './lib/app';
import { useAppAndBrowser } from './lib/fixtures';

const app = useAppAndBrowser();
let pagePath: string;

beforeAll(async () => {
	pagePath = await addTestPage(app.dir, 'aw-client-test', 'tests/e2e/lib/aw-client-page.ts');
});

it('runs aw-client 0.3.7 against the service worker', async () => {
	await (await controlledPage(app.browser.context, app.server.origin, '/')).close();
	const page = await controlledPage(app.browser.context, app.server.origin, pagePath, {
		register: true
	});
	await page.waitForFunction(() => 'runAwClientScenario' in window);
	const report = (await page.evaluate(() =>
		(window as unknown as { runAwClientScenario: () => Promise<unknown> }).runAwClientScenario()
	)) as Record<string, unknown>;

	expect(report.info).toMatchObject({
		hostname: 'unknown',
		version: expect.stringMatching(/^v\d/)
	});
	expect(report.firstEnsure).toEqual({ alreadyExist: false });
	expect(report.secondEnsure).toEqual({ alreadyExist: true });
	expect(report.createAgain).toBe(304);
	expect(report.bucket).toMatchObject({
		id: 'aw-client-e2e_host',
		client: 'aw-client-e2e',
		type: 'currentwindow',
		hostname: 'host',
		created: true,
		data: {}
	});
	expect(report.bucketIds).toContain('aw-client-e2e_host');

	expect(report.afterHeartbeats).toEqual([
		{
			id: expect.any(Number),
			timestamp: '2024-05-01T10:00:00.000Z',
			duration: 9,
			data: { label: 'a' }
		}
	]);
	expect(report.replaced).toEqual({
		id: report.newestId,
		timestamp: '2024-05-01T12:00:00.123Z',
		duration: 1,
		data: { label: 'c' }
	});
	expect((report.ranged as { data: unknown }[]).map((e) => e.data)).toEqual([
		{ label: 'c' },
		{ label: 'a' }
	]);
	expect(report.count).toBe(2);
	expect(report.countRange).toBe(1);

	expect(report.query).toEqual([10]);
	const exported = report.export as { disposition: string; data: { buckets: object } };
	expect(exported.disposition).toBe(
		'attachment; filename=aw-bucket-export_aw-client-e2e_host.json'
	);
	expect(Object.keys(exported.data.buckets)).toEqual(['aw-client-e2e_host']);
	expect(report.setting).toEqual({ nested: [1, 2] });
	expect(report.unsetSetting).toEqual({ status: 200, data: null });

	expect(report.countAfterDelete).toBe(1);
	expect(report.afterDelete).toBe(404);
	expect(report.deleteAgain).toBe(404);
	expect((await pageFetch(page, 'GET', '/api/0/buckets/')).body).not.toHaveProperty(
		'aw-client-e2e_host'
	);
});
