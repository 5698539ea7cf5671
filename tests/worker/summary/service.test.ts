import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setConsoleLogging } from '../../../src/core/log';
import { generateDemoData, demoCategoryRules } from '../../../src/core/demo';
import { parseInstant, formatInstant } from '../../../src/core/model/time';
import { runQuery } from '../../../src/core/query/run';
import { Datastore } from '../../../src/store/datastore';
import { createSummaryApi } from '../../../src/worker/summary';
import { selectBuckets, selectDevices } from '../../../src/core/queries/buckets';
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

async function loadDemo(client?: string, start = FIRST, hostname = 'demo', seed = 7) {
	const data = generateDemoData({
		start,
		days: 8,
		density: 0.04,
		hostname,
		stopwatchPerDay: 1,
		seed
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

async function plainQuery(opts: ActivityOptions, range: DayRange[], select = selectBuckets) {
	const selection = select(await datastore.listBuckets(), opts.host);
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

describe('multi-device activity summary', () => {
	/** The multi-device query run plainly over the range, the options' host first. */
	const plainMultidevice = (opts: ActivityOptions, range: DayRange[]) =>
		plainQuery(opts, range, selectDevices);

	const windowPart = (summary: ActivitySummary) => {
		const { app_events, title_events, cat_events, duration } = summary.window;
		return { app_events, title_events, cat_events, duration };
	};
	const plainWindow = (plain: { window: Record<string, unknown> }) => {
		const { app_events, title_events, cat_events, duration } = plain.window;
		return { app_events, title_events, cat_events, duration };
	};

	beforeEach(async () => {
		await loadDemo();
		await loadDemo(undefined, FIRST + 2 * 3600_000_000, 'laptop', 11);
	});

	it('equals the multi-device query over cached days, the page’s host first', async () => {
		const api = createSummaryApi({ datastore, runQuery });
		const multi = options({ multidevice: true });
		await api.activitySummary(request(multi, days(2, 3)));
		const summary = await api.activitySummary(request(multi, days(0, 6)));
		// The middle day of the first request: edge days are cached apart (service.ts).
		expect(summary.stats.cachedDays).toBe(1);
		expect(summary.mode).toBe('desktop');
		expect(windowPart(summary)).toEqual(plainWindow(await plainMultidevice(multi, days(0, 6))));
		// No browser, audible or stopwatch parts.
		expect(summary.browser).toEqual({ domains: [], urls: [], titles: [], duration: 0 });
		expect(summary.stopwatch.stopwatch_events).toEqual([]);

		const alone = await api.activitySummary(request(options(), days(0, 6)));
		expect(summary.window.duration).toBeGreaterThan(alone.window.duration);
		const laptop = await api.activitySummary(request(options({ host: 'laptop' }), days(0, 6)));
		expect(summary.window.duration).toBeGreaterThan(laptop.window.duration);
	});

	it('lets the first host win where two overlap', async () => {
		const api = createSummaryApi({ datastore, runQuery });
		const laptopFirst = options({ host: 'laptop', multidevice: true });
		const summary = await api.activitySummary(request(laptopFirst, days(1, 3)));
		expect(windowPart(summary)).toEqual(
			plainWindow(await plainMultidevice(laptopFirst, days(1, 3)))
		);
		const demoFirst = await api.activitySummary(
			request(options({ multidevice: true }), days(1, 3))
		);
		expect(windowPart(summary).title_events).not.toEqual(windowPart(demoFirst).title_events);
	});

	it('lists every device with a window and an AFK bucket, the given one first', async () => {
		const buckets = await datastore.listBuckets();
		const extra = [
			{ id: 'aw-watcher-window_phone', type: 'currentwindow', client: 'x', hostname: 'phone' },
			{ id: 'aw-watcher-window_alpha', type: 'currentwindow', client: 'x', hostname: 'alpha' },
			{ id: 'aw-watcher-afk_alpha', type: 'afkstatus', client: 'x', hostname: 'alpha' }
		];
		const selection = selectDevices([...buckets, ...extra], 'laptop');
		expect(selection.devices?.map((d) => d.hostname)).toEqual(['laptop', 'alpha', 'demo']);
		expect(selection.devices?.[0]).toEqual({
			hostname: 'laptop',
			windowBucket: 'aw-watcher-window_laptop',
			afkBucket: 'aw-watcher-afk_laptop'
		});
		expect(selection).toMatchObject({ browsers: [], stopwatch: null, browserOnly: false });
	});

	it('sums the active time of every host for the usage strip', async () => {
		const api = createSummaryApi({ datastore, runQuery });
		const ranges = days(0, 3).map((d) => ({ start: d.start, end: d.end }));
		const demo = await api.activityHistory('demo', ranges);
		const laptop = await api.activityHistory('laptop', ranges);
		const all = await api.activityHistory('demo', ranges, true);
		all.forEach((seconds, i) => {
			expect(seconds).toBeGreaterThan(Math.max(demo[i], laptop[i]));
			expect(seconds).toBeLessThanOrEqual(demo[i] + laptop[i] + 1e-6);
		});
	});
});
