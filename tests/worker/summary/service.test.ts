import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setConsoleLogging } from '../../../src/core/log';
import { generateDemoData, demoCategoryRules } from '../../../src/core/demo';
import { parseInstant, formatInstant } from '../../../src/core/model/time';
import { runQuery } from '../../../src/core/query/run';
import { Datastore } from '../../../src/store/datastore';
import { createSummaryApi } from '../../../src/worker/summary';
import { selectBuckets } from '../../../src/core/queries/buckets';
import { fullSummaryProgram } from '../../../src/worker/summary/program';
import { periodDayRanges } from '../../../src/ui/lib/activity-request';
import { DEFAULT_CALENDAR } from '../../../src/ui/lib/periods';
import type {
	ActivityOptions,
	ActivityRequest,
	ActivitySummary,
	DayRange
} from '../../../src/worker/summary/types';

setConsoleLogging(false);

const DAY = 86_400_000_000;
const OFFSET = 4 * 3600_000_000;
const FIRST = parseInstant('2024-03-04T00:00:00Z');

let counter = 0;
let datastore: Datastore;

function openDatastore(): Datastore {
	return new Datastore({
		name: `summary-test-${++counter}`,
		indexedDB: new IDBFactory(),
		IDBKeyRange,
		broadcast: false
	});
}

async function loadDemo(client?: string, start = FIRST) {
	const data = generateDemoData({
		start,
		days: 8,
		density: 0.04,
		hostname: 'demo',
		stopwatchPerDay: 1,
		seed: 7
	});
	for (const { bucket, events } of data.buckets) {
		const patched = client && bucket.type !== 'web.tab.current' ? { ...bucket, client } : bucket;
		await datastore.createBucket(patched, events);
	}
}

const options = (overrides: Partial<ActivityOptions> = {}): ActivityOptions => ({
	host: 'demo',
	filterAfk: true,
	includeAudible: true,
	includeStopwatch: true,
	alwaysActivePattern: '',
	categories: demoCategoryRules().map(([name, rule]) => [[...name], rule]),
	categoryFilter: null,
	...overrides
});

function days(from: number, count: number): DayRange[] {
	return Array.from({ length: count }, (_, i) => ({
		start: FIRST + OFFSET + (from + i) * DAY,
		end: FIRST + OFFSET + (from + i + 1) * DAY,
		bar: i
	}));
}

async function plainQuery(opts: ActivityOptions, range: DayRange[]) {
	const selection = selectBuckets(await datastore.listBuckets(), opts.host);
	const period = `${formatInstant(range[0].start)}/${formatInstant(range[range.length - 1].end)}`;
	const [result] = await runQuery(
		{ query: fullSummaryProgram(selection, opts), timeperiods: [period] },
		datastore
	);
	return result as {
		window: Record<string, unknown>;
		browser: Record<string, unknown>;
		stopwatch: Record<string, unknown>;
	};
}

function comparable(summary: ActivitySummary) {
	const { app_events, title_events, cat_events, duration } = summary.window;
	return {
		window: { app_events, title_events, cat_events, duration },
		browser: summary.browser,
		stopwatch: summary.stopwatch
	};
}

function expected(plain: Awaited<ReturnType<typeof plainQuery>>) {
	const { app_events, title_events, cat_events, duration } = plain.window;
	return {
		window: { app_events, title_events, cat_events, duration },
		browser: plain.browser,
		stopwatch: plain.stopwatch
	};
}

const request = (
	opts: ActivityOptions,
	range: DayRange[],
	hourlyBars = false
): ActivityRequest => ({ options: opts, days: range, hourlyBars });

beforeEach(() => {
	datastore = openDatastore();
});

afterEach(() => datastore.close());

describe('activity summary', () => {
	it('equals the full summary query for one day', async () => {
		await loadDemo();
		const api = createSummaryApi({ datastore, runQuery });
		const range = days(2, 1);
		const summary = await api.activitySummary(request(options(), range, true));
		expect(summary.mode).toBe('desktop');
		expect(summary.window.title_events.length).toBeGreaterThan(0);
		expect(comparable(summary)).toEqual(expected(await plainQuery(options(), range)));
		expect(summary.bars).toHaveLength(24);
	});

	it('merges cached days into a week equal to the query over the whole week', async () => {
		await loadDemo();
		const api = createSummaryApi({ datastore, runQuery });
		await api.activitySummary(request(options(), days(2, 3)));
		const summary = await api.activitySummary(request(options(), days(0, 7)));
		expect(summary.stats.cachedDays).toBe(1);
		expect(comparable(summary)).toEqual(expected(await plainQuery(options(), days(0, 7))));
		const again = await api.activitySummary(request(options(), days(0, 7)));
		expect(again.stats.computedDays).toBe(0);
		expect(comparable(again)).toEqual(comparable(summary));
	});

	it('honours the category filter, AFK and audible options like the query', async () => {
		await loadDemo();
		const api = createSummaryApi({ datastore, runQuery });
		for (const opts of [
			options({ categoryFilter: [['Work'], ['Work', 'Programming']] }),
			options({ filterAfk: false, includeAudible: false, includeStopwatch: false })
		]) {
			const summary = await api.activitySummary(request(opts, days(1, 5)));
			expect(comparable(summary)).toEqual(expected(await plainQuery(opts, days(1, 5))));
		}
	});

	it('recomputes the days a new event touches and only those', async () => {
		await loadDemo();
		const api = createSummaryApi({ datastore, runQuery });
		await api.activitySummary(request(options(), days(0, 7)));
		const window = (await datastore.listBuckets()).find((b) => b.type === 'currentwindow')!;
		const at = FIRST + OFFSET + 3 * DAY + 12 * 3600_000_000;
		await datastore.insertEvents(window.id, [
			{
				id: null,
				timestamp: at,
				duration: 600_000_000,
				data: { app: 'NewApp', title: 'A new title' }
			}
		]);
		const summary = await api.activitySummary(request(options({ filterAfk: false }), days(0, 7)));
		expect(summary.window.app_events.some((e) => e.data.app === 'NewApp')).toBe(true);
		const again = await api.activitySummary(request(options(), days(0, 7)));
		expect(again.stats.computedDays).toBe(1);
		expect(comparable(again)).toEqual(expected(await plainQuery(options(), days(0, 7))));
	});

	it('equals the query when the newest stopwatch entry lies inside the period', async () => {
		await loadDemo();
		const stopwatch = (await datastore.listBuckets()).find((b) => b.type === 'general.stopwatch')!;
		const late = await datastore.getEvents(stopwatch.id, { start: FIRST + OFFSET + 4 * DAY });
		for (const e of late) await datastore.deleteEvent(stopwatch.id, e.id!);
		const api = createSummaryApi({ datastore, runQuery });
		await api.activitySummary(request(options(), days(1, 5)));
		const summary = await api.activitySummary(request(options(), days(0, 7)));
		expect(summary.stopwatch.stopwatch_events.length).toBeGreaterThan(0);
		expect(summary.stats.cachedDays).toBeGreaterThan(0);
		expect(comparable(summary)).toEqual(expected(await plainQuery(options(), days(0, 7))));
	});

	it('equals the query over a week with a 23-hour day, with days from the dashboard calendar', async () => {
		process.env.TZ = 'Europe/Berlin';
		await loadDemo(undefined, parseInstant('2024-03-26T00:00:00Z'));
		const range = periodDayRanges({ unit: 'week', date: '2024-03-25' }, DEFAULT_CALENDAR);
		expect(range.some((d) => d.end - d.start === 23 * 3600_000_000)).toBe(true);
		const api = createSummaryApi({ datastore, runQuery });
		await api.activitySummary(request(options(), range.slice(2, 6)));
		const summary = await api.activitySummary(request(options(), range));
		expect(summary.window.duration).toBeGreaterThan(0);
		expect(comparable(summary)).toEqual(expected(await plainQuery(options(), range)));
	});

	it('runs the browser-only variant for the extension streams and equals its query', async () => {
		await loadDemo('hindsight-extension');
		const api = createSummaryApi({ datastore, runQuery });
		const summary = await api.activitySummary(request(options(), days(0, 4)));
		expect(summary.mode).toBe('browser');
		expect(comparable(summary)).toEqual(expected(await plainQuery(options(), days(0, 4))));
	});

	it('reports no data for a host without buckets', async () => {
		const api = createSummaryApi({ datastore, runQuery });
		const summary = await api.activitySummary(request(options({ host: 'nobody' }), days(0, 2)));
		expect(summary.mode).toBe('none');
		expect(summary.window.duration).toBe(0);
	});

	it('sums active time per period for the usage strip', async () => {
		await loadDemo();
		const api = createSummaryApi({ datastore, runQuery });
		const ranges = days(0, 3).map((d) => ({ start: d.start, end: d.end }));
		const history = await api.activityHistory('demo', ranges);
		expect(history).toHaveLength(3);
		expect(history.every((s) => s > 0)).toBe(true);
		const afk = (await datastore.listBuckets()).find((b) => b.type === 'afkstatus')!;
		const notAfk = (await datastore.getEvents(afk.id, ranges[1])).filter(
			(e) => e.data.status === 'not-afk'
		);
		expect(history[1]).toBeCloseTo(notAfk.reduce((s, e) => s + e.duration, 0) / 1e6, 3);
	});
});
