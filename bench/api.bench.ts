/**
 * Heartbeat throughput of the app's two API paths against what IndexedDB itself allows, in
 * Chromium, side by side in one run (figures vary a lot between runs on a shared machine, so
 * compare ratios taken in one run):
 * - api.heartbeat-sw: a controlled page sends heartbeats with `fetch` to the service worker,
 *   one after another, same data, so every one merges; `-pipelined` keeps PIPELINE in flight
 *   (several watchers, a replaying queue), which the datastore coalesces;
 * - api.heartbeat-worker(-pipelined): the same through the dashboard worker's `heartbeat`;
 *   `-full-head` on a bucket whose hot set is full (`hotMax` events with titles);
 * - idb.heartbeat-floor: a bare readwrite transaction with one read and one put, in a worker;
 *   `-per-message` the same transaction once per message from the page, answered when it
 *   commits (what any path through another thread adds to the floor, with nothing of the app);
 * To show where the time goes it also measures, in a worker: the same transaction in Dexie,
 * `Datastore.heartbeat` on the lean path (without and with change broadcast) and on the Dexie
 * path, and the router called directly; from the page: a Comlink call to a worker that answers
 * at once, and a `fetch` answered at once by a service worker that does nothing else
 * (sequential and pipelined); and the time the app's service worker itself reports per
 * heartbeat (`Server-Timing`). Probes of the merge's own cost (probe-worker.ts): the datastore
 * with 8 and 64 hot events, and the floor's transaction on a datastore's database over its head
 * row (1 or 64 hot events, over `heads` and `meta` or `heads` alone) and over a reference row
 * of its own; their ratios are printed last.
 * Each rate is the median of several interleaved rounds after a warm-up round. Each ratio is
 * the median over the rounds of one measure's time against the other's in the same round (the
 * floor runs first in each round, the worker right after it): the machine's speed drifts by a
 * quarter between rounds, which a ratio of two medians taken in different rounds would keep.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildTestApp, controlledPage } from '../tests/e2e/lib/app';
import { launchChromium } from '../tests/e2e/lib/chromium';
import { startAppServer } from '../tests/e2e/lib/server';

const HEARTBEATS = 300;
const ROUNDS = 9;
const PIPELINE = 8;

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
		`window.benchEcho = async (count, depth = 1) => {
	let left = count;
	const lane = async () => {
		while (left-- > 0) await (await fetch('/bench/echo/api/x', { method: 'POST', body: '{}' })).text();
	};
	const started = performance.now();
	await Promise.all(Array.from({ length: depth }, lane));
	return { ms: performance.now() - started };
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

type Timing = { ms: number; inside?: number };

type Call = (page: Page, count: number) => Promise<Timing>;

/** Calls page function `name` with the count first, then `args`. */
const call =
	(name: string, ...args: unknown[]): Call =>
	(page, count) =>
		page.evaluate(
			([fn, n, rest]) =>
				(window as unknown as Record<string, (...a: unknown[]) => Promise<Timing>>)[fn](n, ...rest),
			[name, count, args] as const
		);

/** Calls `benchProbe(probe, count)` in the page. */
const probe =
	(name: string): Call =>
	(page, count) =>
		page.evaluate(
			([p, n]) =>
				(window as unknown as Record<string, (...a: unknown[]) => Promise<Timing>>).benchProbe(
					p,
					n
				),
			[name, count] as const
		);

const dir = await buildTestApp({ bench: 'bench/api/page.html' });
writeEchoWorker(dir);
const server = await startAppServer(dir);
const browser = await launchChromium();
try {
	const page = await controlledPage(browser.context, server.origin, '/bench/api/page.html', {
		register: true
	});
	await page.waitForFunction(() => 'benchProbe' in window);
	const echo = await browser.context.newPage();
	await echo.goto(`${server.origin}/bench/echo/index.html`);
	await echo.evaluate(() =>
		navigator.serviceWorker.register('/bench/echo/sw.js', { scope: '/bench/echo/' })
	);
	await echo.waitForFunction(() => navigator.serviceWorker.controller !== null);

	const measures: [string, Page, Call][] = [
		['idb.heartbeat-floor', page, probe('idb')],
		['api.heartbeat-worker', page, call('benchWorker')],
		['api.heartbeat-worker-full-head', page, call('benchWorkerFull')],
		['api.heartbeat-sw', page, call('benchServiceWorker')],
		['api.heartbeat-sw-pipelined', page, call('benchServiceWorker', PIPELINE)],
		['api.heartbeat-worker-pipelined', page, call('benchWorker', PIPELINE)],
		['idb.heartbeat-floor-per-message', page, call('benchProbeEach', 'idb')],
		['dexie.heartbeat-floor', page, probe('dexie')],
		['store.heartbeat-direct', page, probe('store')],
		['store.heartbeat-direct-broadcast', page, probe('store-broadcast')],
		['store.heartbeat-direct-dexie', page, probe('store-dexie')],
		['store.heartbeat-direct-hot8', page, probe('store-hot8')],
		['store.heartbeat-direct-hot64', page, probe('store-hot64')],
		['idb.heartbeat-head1', page, probe('idb-head1')],
		['idb.heartbeat-head64', page, probe('idb-head64')],
		['idb.heartbeat-head1-heads', page, probe('idb-head1-heads')],
		['idb.heartbeat-ref', page, probe('idb-ref')],
		['api.heartbeat-router-direct', page, probe('router')],
		['worker.comlink-floor', page, call('benchComlink')],
		['sw.fetch-floor', echo, call('benchEcho')],
		['sw.fetch-floor-pipelined', echo, call('benchEcho', PIPELINE)]
	];
	for (const [, target, run] of measures) await run(target, 50);
	const times = new Map(measures.map(([name]) => [name, [] as number[]]));
	const inside: number[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		for (const [name, target, run] of measures) {
			const timing = await run(target, HEARTBEATS);
			times.get(name)?.push(timing.ms);
			if (name === 'api.heartbeat-sw' && timing.inside) inside.push(timing.inside / HEARTBEATS);
		}
	}
	const roundsOf = (name: string) => times.get(name) ?? [];
	/** The median over the rounds of how much longer `slow` took than `fast` in the same round. */
	const ratio = (slow: string, fast: string) => {
		const fastTimes = roundsOf(fast);
		return median(roundsOf(slow).map((ms, round) => ms / fastTimes[round]));
	};

	const rate = (name: string) => median(roundsOf(name).map((ms) => (HEARTBEATS / ms) * 1000));
	for (const [name] of measures) {
		const unit =
			/floor$|floor-pipelined$/.test(name) && !name.includes('heartbeat')
				? 'requests/s'
				: 'heartbeats/s';
		print(name, rate(name).toFixed(0), unit);
	}
	for (const [name] of measures) {
		if (name !== 'idb.heartbeat-floor')
			print(`${name}-vs-floor`, ratio(name, 'idb.heartbeat-floor').toFixed(2), 'x');
	}
	const between = (slow: string, fast: string, label: string) =>
		print(label, ratio(slow, fast).toFixed(2), 'x');
	between('idb.heartbeat-head64', 'idb.heartbeat-head1', 'idb.head64-vs-head1');
	between('idb.heartbeat-head1', 'idb.heartbeat-head1-heads', 'idb.scope2-vs-scope1');
	between('idb.heartbeat-head1', 'idb.heartbeat-ref', 'idb.head1-vs-ref');
	between('store.heartbeat-direct-hot64', 'store.heartbeat-direct', 'store.hot64-vs-hot1');
	const swInside = median(inside);
	print('api.heartbeat-sw-inside', swInside.toFixed(3), 'ms');
	print(
		'api.heartbeat-sw-transport',
		(1000 / rate('api.heartbeat-sw') - swInside).toFixed(3),
		'ms'
	);
} finally {
	await browser.close();
	await server.stop();
	rmSync(dir, { recursive: true, force: true });
}
