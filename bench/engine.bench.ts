/**
 * Query engine benchmark: the dashboard's full desktop summary (query-language.md 13.3, browser
 * bucket present, audible and AFK filter on, 30 category rules) over a typical day (5,000
 * window, 500 AFK, 3,000 web events) and over a month of 30 such days, from the in-memory event
 * source. Prints medians of several runs after warm-up, and the speed-up against ActivityWatch's
 * Python engine (about 750 ms for a day and 22 s for a month on comparable data).
 *
 * Day runs follow one another directly. Month runs each start after a full garbage collection
 * (a month's query leaves a few hundred megabytes of garbage, which would otherwise land in the
 * next run); `engine.month-summary-back-to-back` gives the month without that collection. The
 * day is measured before the month's data exists, so its heap holds one day only.
 */
import { demoCategoryRules, generateDemoData } from '../src/core/demo';
import { parseInstant } from '../src/core/model/time';
import { fullDesktopQuery } from '../src/core/queries';
import { MemorySource, runQuery } from '../src/core/query';
import { setConsoleLogging } from '../src/core/log';

const AW_PYTHON_DAY_MS = 750;
const AW_PYTHON_MONTH_MS = 22_000;
const START = parseInstant('2024-05-06T00:00:00Z');

function print(name: string, value: number, unit: string): void {
	process.stdout.write(`${name}: ${value} ${unit}\n`);
}

function setUp(days: number) {
	const data = generateDemoData({ start: START, days, seed: 7, hostname: 'bench' });
	const source = new MemorySource(data.buckets);
	const query = fullDesktopQuery({
		windowBucket: data.window.bucket.id,
		afkBucket: data.afk.bucket.id,
		browserBuckets: [data.web.bucket.id],
		filterAfk: true,
		includeAudible: true,
		categories: demoCategoryRules()
	});
	const end = new Date((START + days * 86_400_000_000) / 1000).toISOString();
	const period = `${new Date(START / 1000).toISOString()}/${end}`;
	const events = data.buckets.reduce((n, b) => n + b.events.length, 0);
	return { source, request: { query, timeperiods: [period] }, events };
}

/** Collects garbage when Node exposes `gc` (`npm run bench` does), so runs start alike. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function median(
	runs: number,
	warmup: number,
	run: () => Promise<unknown>,
	settle: boolean
): Promise<number> {
	for (let i = 0; i < warmup; i++) await run();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		if (settle) collect();
		const t0 = performance.now();
		await run();
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
	setConsoleLogging(false);
	const day = setUp(1);
	print('engine.day-events', day.events, 'events');
	const runDay = () => runQuery(day.request, day.source);
	const dayMs = await median(15, 5, runDay, false);

	const month = setUp(30);
	print('engine.month-events', month.events, 'events');
	const runMonth = () => runQuery(month.request, month.source);
	const monthMs = await median(7, 2, runMonth, true);
	const monthBackToBack = await median(7, 0, runMonth, false);

	print('engine.day-summary', round(dayMs), 'ms');
	print('engine.month-summary', round(monthMs), 'ms');
	print('engine.month-summary-back-to-back', round(monthBackToBack), 'ms');
	print('engine.day-speedup-vs-aw-python', round(AW_PYTHON_DAY_MS / dayMs), 'x');
	print('engine.month-speedup-vs-aw-python', round(AW_PYTHON_MONTH_MS / monthMs), 'x');
}

await main();
