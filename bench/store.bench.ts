/**
 * Datastore benchmark in Chromium. Bundles bench/store/{page,worker}.ts for the browser, serves
 * them with the app's static server, and drives a dedicated worker that holds a real Datastore:
 * a 1,000,000-event database with a 150,000-event bucket (30 days of window events) among
 * others, plus a baseline plain Dexie table with the same 150,000 events one row each.
 *
 * Prints medians of RUNS runs: the 30-day read through the datastore and through the baseline
 * with their ratio, a one-day read, a 30-day count, bulk inserts (per event, in requests of
 * 5,000), single-event inserts and merging heartbeats (per request: a transaction each), and a
 * 150,000-event import with the longest time it kept the worker's event loop blocked.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'rolldown';
import { launchChromium } from '../tests/e2e/lib/chromium';
import { startAppServer } from '../tests/e2e/lib/server';
import type { BenchCommand, BenchResult } from './store/protocol';

const RUNS = 5;
const OUT = resolve('node_modules/.cache/hindsight-bench-store');

async function bundle(): Promise<void> {
	rmSync(OUT, { recursive: true, force: true });
	mkdirSync(OUT, { recursive: true });
	for (const name of ['page', 'worker']) {
		await build({
			input: resolve(`bench/store/${name}.ts`),
			platform: 'browser',
			write: true,
			logLevel: 'warn',
			output: { file: join(OUT, `${name}.js`), format: 'esm', minify: true }
		});
	}
	writeFileSync(
		join(OUT, 'index.html'),
		'<!doctype html><meta charset="utf-8"><title>store bench</title><script type="module" src="./page.js"></script>\n'
	);
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Writes one result line (`name: value unit`) or a `#` comment. */
function print(line: string): void {
	process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
	await bundle();
	const server = await startAppServer(OUT);
	const browser = await launchChromium();
	try {
		const page = await browser.context.newPage();
		page.on('pageerror', (err) => process.stderr.write(`# page error: ${err.message}\n`));
		await page.goto(`${server.origin}/index.html`);
		await page.waitForFunction(() => 'benchCall' in globalThis);
		const call = (command: BenchCommand): Promise<BenchResult> =>
			page.evaluate(
				(c) =>
					(globalThis as unknown as { benchCall(c: unknown): Promise<BenchResult> }).benchCall(c),
				command
			);

		const seeded = await call({
			cmd: 'seed',
			total: 1_000_000,
			bigEvents: 150_000,
			bigDays: 30,
			otherBuckets: 9
		});
		print(`store.seed-per-event: ${round((seeded.ms * 1000) / seeded.n, 2)} us`);
		const base = await call({ cmd: 'seed-baseline' });
		print(`dexie.seed-per-event: ${round((base.ms * 1000) / base.n, 2)} us`);

		await call({ cmd: 'read', days: 30, fromDay: 0 });
		await call({ cmd: 'read-baseline', days: 30, fromDay: 0 });
		const store30: number[] = [];
		const rows30: number[] = [];
		let counts = [0, 0];
		for (let run = 0; run < RUNS; run++) {
			const a = await call({ cmd: 'read', days: 30, fromDay: 0 });
			const b = await call({ cmd: 'read-baseline', days: 30, fromDay: 0 });
			store30.push(a.ms);
			rows30.push(b.ms);
			counts = [a.n, b.n];
		}
		print(`# 30-day read returns ${counts[0]} events (store) and ${counts[1]} rows (baseline)`);
		print(`store.read-30d: ${round(median(store30))} ms`);
		print(`dexie.read-30d-rows: ${round(median(rows30))} ms`);
		print(`store.read-30d-ratio: ${round(median(store30) / median(rows30), 3)} x`);

		const day: number[] = [];
		for (let run = 0; run < RUNS; run++)
			day.push((await call({ cmd: 'read', days: 1, fromDay: 15 })).ms);
		print(`store.read-day: ${round(median(day), 2)} ms`);

		const count: number[] = [];
		for (let run = 0; run < RUNS; run++)
			count.push((await call({ cmd: 'count', days: 30, fromDay: 0 })).ms);
		print(`store.count-30d: ${round(median(count), 2)} ms`);

		const insert: number[] = [];
		const single: number[] = [];
		for (let run = 0; run < 3; run++) {
			const bulk = await call({ cmd: 'insert', events: 20_000, batch: 5_000 });
			insert.push((bulk.ms * 1000) / bulk.n);
			const one = await call({ cmd: 'insert', events: 100, batch: 1 });
			single.push(one.ms / one.n);
		}
		print(`store.insert-per-event: ${round(median(insert), 2)} us`);
		print(`store.insert-single: ${round(median(single), 3)} ms`);

		const beats: number[] = [];
		for (let run = 0; run < 3; run++) {
			const r = await call({ cmd: 'heartbeats', count: 200 });
			beats.push(r.ms / r.n);
		}
		print(`store.heartbeat-merge: ${round(median(beats), 3)} ms`);

		const imports: number[] = [];
		const stalls: number[] = [];
		for (let run = 0; run < 3; run++) {
			const r = await call({ cmd: 'import', events: 150_000 });
			imports.push((r.ms * 1000) / r.n);
			stalls.push(r.stall ?? 0);
		}
		print(`store.import-per-event: ${round(median(imports), 2)} us`);
		print(`store.import-max-stall: ${round(median(stalls))} ms`);
	} finally {
		await browser.close();
		await server.stop();
	}
}

await main();
