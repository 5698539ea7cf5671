/**
 * Dashboard benchmark: a year of demo activity (about 500,000 events in a window, an AFK and a
 * tab bucket) is imported into the app's database in Chromium through the Buckets view, then
 * the Activity view is opened by a full page load (a new worker, so no summary is cached) for a
 * day, a month and the year, and the time from the navigation's start to the view's
 * `hindsight:activity-drawn` performance mark (summary computed and every chart drawn) is
 * taken. Prints medians of several loads, plus the same views reached inside the running app
 * (`-warm`, days cached) and the import time. Goals: day < 300 ms, month < 1.5 s, year < 4 s.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, format, startOfDay, startOfMonth, subMonths } from 'date-fns';
import type { Page } from 'playwright-core';
import { generateDemoData } from '../src/core/demo';
import { exportBucket } from '../src/core/model/export';
import { buildTestApp } from '../tests/e2e/lib/app';
import { launchChromium } from '../tests/e2e/lib/chromium';
import { startAppServer } from '../tests/e2e/lib/server';

const DAYS = 365;
const DENSITY = 0.16;
const LOADS = 5;

const print = (line: string) => process.stdout.write(`${line}\n`);

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function writeYear(file: string): number {
	const now = new Date();
	const first = addDays(startOfDay(now), 1 - DAYS);
	const data = generateDemoData({
		start: first.getTime() * 1000,
		days: DAYS,
		density: DENSITY,
		hostname: 'bench'
	});
	const limit = now.getTime() * 1000;
	const buckets: Record<string, unknown> = {};
	let count = 0;
	for (const { bucket, events } of data.buckets) {
		const kept = events.filter((e) => e.timestamp + e.duration <= limit).reverse();
		count += kept.length;
		buckets[bucket.id] = exportBucket(bucket, { start: null, end: null }, kept);
	}
	writeFileSync(file, JSON.stringify({ buckets }));
	return count;
}

/** Milliseconds from the navigation's start to the drawn mark, and the worker's share. */
async function drawnAfterNavigation(page: Page, url: string): Promise<[number, number]> {
	await page.goto(url);
	await page.waitForSelector('[data-view="activity"][data-ready="true"]', { timeout: 120_000 });
	return page.evaluate(() => [
		performance.getEntriesByName('hindsight:activity-drawn').at(-1)!.startTime,
		Number(document.querySelector('[data-view="activity"]')!.getAttribute('data-summary-ms'))
	]);
}

async function drawnInApp(page: Page, path: string): Promise<number> {
	return page.evaluate(async (target) => {
		const started = performance.now();
		history.pushState(null, '', target);
		dispatchEvent(new PopStateEvent('popstate'));
		for (let waited = 0; waited < 120_000; waited += 5) {
			await new Promise((r) => setTimeout(r, 5));
			const marks = performance.getEntriesByName('hindsight:activity-drawn');
			const last = marks.at(-1);
			const view = document.querySelector('[data-view="activity"]');
			if (last && last.startTime > started && view?.getAttribute('data-ready') === 'true')
				return last.startTime - started;
		}
	}, path);
}

const dir = mkdtempSync(join(tmpdir(), 'hindsight-ui-bench-'));
const file = join(dir, 'year.json');
const events = writeYear(file);
const app = await buildTestApp({});
const server = await startAppServer(app);
const browser = await launchChromium();
try {
	const page = await browser.context.newPage();
	await page.goto(`${server.origin}/buckets`);
	await page.waitForSelector('[data-view="buckets"][data-ready="true"]');
	const importStarted = Date.now();
	await page.locator('[data-testid="import-file"]').setInputFiles(file);
	await page.waitForSelector('[data-testid="import-summary"]', { timeout: 600_000 });
	print(`ui.import-year: ${Date.now() - importStarted} ms (${events} events)`);

	const now = new Date();
	const paths = {
		day: `/activity/bench/day/${format(addDays(now, -1), 'yyyy-MM-dd')}`,
		month: `/activity/bench/month/${format(startOfMonth(subMonths(now, 1)), 'yyyy-MM-dd')}`,
		year: `/activity/bench/year/${format(now, 'yyyy')}-01-01`
	};
	await drawnAfterNavigation(page, server.origin + paths.day);
	for (const [name, path] of Object.entries(paths)) {
		const times: number[] = [];
		const worker: number[] = [];
		for (let i = 0; i < LOADS; i++) {
			const [total, summary] = await drawnAfterNavigation(page, server.origin + path);
			times.push(total);
			worker.push(summary);
		}
		print(`ui.activity-${name}: ${Math.round(median(times))} ms`);
		print(`ui.activity-${name}-summary: ${Math.round(median(worker))} ms`);
	}
	for (const [name, path] of Object.entries(paths)) {
		const times: number[] = [];
		for (let i = 0; i < LOADS; i++) {
			await page.evaluate(() => {
				history.pushState(null, '', '/timeline');
				dispatchEvent(new PopStateEvent('popstate'));
			});
			await page.waitForSelector('[data-view="timeline"]');
			times.push(await drawnInApp(page, path));
		}
		print(`ui.activity-${name}-warm: ${Math.round(median(times))} ms`);
	}
} finally {
	await browser.close();
	await server.stop();
	rmSync(dir, { recursive: true, force: true });
	rmSync(app, { recursive: true, force: true });
}
