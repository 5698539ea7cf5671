/**
 * Deterministic demo data: the buckets of one device (window, AFK, browser tabs and optionally a
 * stopwatch) and their events over a number of days. The same options always give the same
 * data. The dashboard's "load demo data" action and the benchmarks use it.
 *
 * The typical day (density 1) has exactly 5,000 window events, 500 AFK events and 3,000 tab
 * events (browser tab events land in the browser's windows, so a session without browser use
 * would carry none: with thousands of windows a day that does not happen in practice).
 */
import type { Bucket } from '../model/bucket';
import type { Event } from '../model/event';
import { MICROS_PER_SECOND, type Instant } from '../model/time';
import { generateDay, type BrowserLook, type DayCounts } from './day';
import { append, Random } from './random';

/** Event counts of the typical day (density 1). */
export const TYPICAL_DAY = { window: 5000, afk: 500, web: 3000 } as const;

/** The browser whose tab bucket the demo has. */
export type DemoBrowser = 'firefox' | 'chrome';

/** What to generate; only `start` is required. */
export type DemoOptions = {
	/** Local midnight of the first day, microseconds since the epoch (UTC). */
	start: Instant;
	/** Number of days; default 1. */
	days?: number;
	/** Scales the event counts of the typical day; default 1. */
	density?: number;
	/** Seed of the random sequence; default 1. */
	seed?: number;
	/** The device's host name, used in bucket ids; default `demo`. */
	hostname?: string;
	/** Which browser the tab bucket belongs to; default firefox. */
	browser?: DemoBrowser;
	/** Stopwatch entries per day (0 = no stopwatch bucket); default 0. */
	stopwatchPerDay?: number;
	/** When the buckets were created; default the start. */
	created?: Instant;
};

/** A bucket with its events in time order (ids null: the datastore assigns them). */
export type DemoBucket = { bucket: Bucket; events: Event[] };

/** The generated buckets, by role and as one list. */
export type DemoDataset = {
	window: DemoBucket;
	afk: DemoBucket;
	web: DemoBucket;
	stopwatch: DemoBucket | null;
	/** Every bucket above, for bulk loading. */
	buckets: DemoBucket[];
};

const BROWSERS: Record<DemoBrowser, BrowserLook & { client: string }> = {
	firefox: { app: 'Firefox', titleSuffix: ' — Mozilla Firefox', client: 'aw-client-web' },
	chrome: { app: 'Google Chrome', titleSuffix: ' - Google Chrome', client: 'aw-client-web' }
};

const DAY = 86_400 * MICROS_PER_SECOND;

function bucket(
	id: string,
	type: string,
	client: string,
	hostname: string,
	created: Instant
): Bucket {
	return { id, name: null, type, client, hostname, created, data: {} };
}

/** Generates the demo dataset described by `options`. */
export function generateDemoData(options: DemoOptions): DemoDataset {
	const {
		start,
		days = 1,
		density = 1,
		seed = 1,
		hostname = 'demo',
		browser = 'firefox'
	} = options;
	const stopwatchPerDay = options.stopwatchPerDay ?? 0;
	const created = options.created ?? start;
	const look = BROWSERS[browser];
	const counts: DayCounts = {
		window: Math.round(TYPICAL_DAY.window * density),
		afk: Math.round(TYPICAL_DAY.afk * density),
		web: Math.round(TYPICAL_DAY.web * density),
		stopwatch: stopwatchPerDay
	};

	const make = (id: string, type: string, client: string): DemoBucket => ({
		bucket: bucket(id, type, client, hostname, created),
		events: []
	});
	const window = make(`aw-watcher-window_${hostname}`, 'currentwindow', 'aw-watcher-window');
	const afk = make(`aw-watcher-afk_${hostname}`, 'afkstatus', 'aw-watcher-afk');
	const web = make(`aw-watcher-web-${browser}_${hostname}`, 'web.tab.current', look.client);
	const stopwatch =
		stopwatchPerDay > 0 ? make('aw-stopwatch', 'general.stopwatch', 'aw-webui') : null;

	const root = new Random(seed);
	for (let d = 0; d < days; d++) {
		const day = generateDay(root.fork(d), start + d * DAY, counts, look);
		append(window.events, day.window);
		append(afk.events, day.afk);
		append(web.events, day.web);
		if (stopwatch) append(stopwatch.events, day.stopwatch);
	}

	const buckets = [window, afk, web, ...(stopwatch ? [stopwatch] : [])];
	return { window, afk, web, stopwatch, buckets };
}
