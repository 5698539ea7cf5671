/**
 * Heartbeat throughput of the app's two API paths against what IndexedDB itself allows, in
 * Chromium, side by side in one run (figures vary a lot between runs on a shared machine, so
 * compare ratios taken in one run):
 * - api.heartbeat-sw: a controlled page sends heartbeats with `fetch` to the service worker,
 *   one after another, same data, so every one merges;
 * - api.heartbeat-worker: the same through the dashboard worker's `heartbeat` (Comlink);
 * - idb.heartbeat-floor: a bare readwrite transaction with one read and one put, in a worker.
 * To show where the time goes it also measures, in a worker: the same transaction in Dexie,
 * `Datastore.heartbeat` and the router called directly; and `sw.fetch-floor`, a page's `fetch`
 * answered at once by a service worker that does nothing else.
 * Each figure is the median of several interleaved rounds after a warm-up round.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildTestApp, controlledPage } from '../tests/e2e/lib/app';
import { launchChromium } from '../tests/e2e/lib/chromium';
import { startAppServer } from '../tests/e2e/lib/server';

const HEARTBEATS = 300;
const ROUNDS = 7;

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** A service worker that answers every fetch in its scope at once, and a page for it. */
function writeEchoWorker(dir: string): void {
	mkdirSync(join(dir, 'bench/echo'), { recursive: true });
	writeFileSync(
		join(dir, 'bench/echo/sw.js'),
		`self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (e) => {
	if (new URL(e.request.url).pathname.startsWith('/bench/echo/api/'))
		e.respondWith(e.request.text().then(() => new Response('{}', { headers: { 'Content-Type': 'application/json' } })));
});`
	);
	writeFileSync(
		join(dir, 'bench/echo/page.js'),
		`window.benchEcho = async (count) => {
	const started = performance.now();
	for (let i = 0; i < count; i++) await (await fetch('/bench/echo/api/x', { method: 'POST', body: '{}' })).text();
	return performance.now() - started;
};`
	);
	writeFileSync(
		join(dir, 'bench/echo/index.html'),
		'<!doctype html><title>echo</title><script src="/bench/echo/page.js"></script>'
	);
}

function print(name: string, value: string, unit: string): void {
	process.stdout.write(`${name}: ${value} ${unit}\n`);
}

type Call = (page: Page, count: number) => Promise<number>;

const call =
	(name: string, ...args: unknown[]): Call =>
	(page, count) =>
		page.evaluate(
			([fn, rest, n]) =>
				(window as unknown as Record<string, (...a: unknown[]) => Promise<number>>)[fn](...rest, n),
			[name, args, count] as const
		);

const dir = await buildTestApp({ bench: 'bench/api/page.html' });
writeEchoWorker(dir);
const server = await startAppServer(dir);
const browser = await launchChromium();
try {
	const page = await controlledPage(browser.context, server.origin, '/bench/api/page.html');
	await page.waitForFunction(() => 'benchProbe' in window);
	const echo = await browser.context.newPage();
	await echo.goto(`${server.origin}/bench/echo/index.html`);
	await echo.evaluate(() =>
		navigator.serviceWorker.register('/bench/echo/sw.js', { scope: '/bench/echo/' })
	);
	await echo.waitForFunction(() => navigator.serviceWorker.controller !== null);

	const measures: [string, Page, Call][] = [
		['api.heartbeat-sw', page, call('benchServiceWorker')],
		['api.heartbeat-worker', page, call('benchWorker')],
		['idb.heartbeat-floor', page, call('benchProbe', 'idb')],
		['dexie.heartbeat-floor', page, call('benchProbe', 'dexie')],
		['store.heartbeat-direct', page, call('benchProbe', 'store')],
		['api.heartbeat-router-direct', page, call('benchProbe', 'router')],
		['sw.fetch-floor', echo, call('benchEcho')]
	];
	for (const [, target, run] of measures) await run(target, 50);
	const rates = new Map(measures.map(([name]) => [name, [] as number[]]));
	for (let round = 0; round < ROUNDS; round++) {
		for (const [name, target, run] of measures) {
			rates.get(name)?.push((HEARTBEATS / (await run(target, HEARTBEATS))) * 1000);
		}
	}

	const rate = (name: string) => median(rates.get(name) ?? []);
	for (const [name] of measures) {
		print(name, rate(name).toFixed(0), name === 'sw.fetch-floor' ? 'requests/s' : 'heartbeats/s');
	}
	const ratios: [string, string, string][] = [
		['api.heartbeat-sw-vs-floor', 'api.heartbeat-sw', 'idb.heartbeat-floor'],
		['api.heartbeat-worker-vs-floor', 'api.heartbeat-worker', 'idb.heartbeat-floor'],
		['store.heartbeat-direct-vs-floor', 'store.heartbeat-direct', 'idb.heartbeat-floor'],
		['dexie.heartbeat-floor-vs-floor', 'dexie.heartbeat-floor', 'idb.heartbeat-floor'],
		['sw.fetch-floor-vs-idb-floor', 'sw.fetch-floor', 'idb.heartbeat-floor']
	];
	for (const [name, slow, fast] of ratios) print(name, (rate(fast) / rate(slow)).toFixed(2), 'x');
} finally {
	await browser.close();
	await server.stop();
	rmSync(dir, { recursive: true, force: true });
}
