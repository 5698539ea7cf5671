/**
 * Contracts of the Activity summary (the `activitySummary` call of WorkerApi). The dashboard
 * sends the calendar days of a period, computed in the browser's time zone with the
 * start-of-day offset; the worker answers with the same lists the full summary query gives
 * (dashboard spec 4.2 and query-language.md 13.3), plus the bars of the category chart.
 */
import type { EventJson } from '../../core/model/event';
import type { Instant } from '../../core/model/time';
import type { CategoryPair } from '../../core/queries/categories';

export type ActivityOptions = {
	host: string;
	/** Keep only time covered by `not-afk` (section 4.2, step 6). */
	filterAfk: boolean;
	/** An audible tab counts as active time (step 5). */
	includeAudible: boolean;
	/** Manual stopwatch entries take priority over window events (step 7). */
	includeStopwatch: boolean;
	/** Apps or titles matching it always count as active; empty disables. */
	alwaysActivePattern: string;
	categories: CategoryPair[];
	/** Keep events in these categories (paths); null keeps all. */
	categoryFilter: string[][] | null;
	/**
	 * The multi-device summary (`useMultidevice`, dashboard spec 4.4): every host's window
	 * events, AFK-filtered per host, folded together with `host` first; no browser, audible or
	 * stopwatch parts. Default false.
	 */
	multidevice?: boolean;
};

/** A calendar day of the period: `[start, end)` in microseconds, and its bar in the chart. */
export type DayRange = { start: Instant; end: Instant; bar: number };

export type ActivityRequest = {
	options: ActivityOptions;
	/** The period's days, consecutive and in order. */
	days: DayRange[];
	/** Bars per hour of the single day (a day period) instead of per `DayRange.bar`. */
	hourlyBars: boolean;
};

export type CategoryTotal = { path: string[]; seconds: number };

export type Bar = { start: Instant; end: Instant; categories: CategoryTotal[] };

/**
 * The result. `mode` says which pipeline ran: `desktop` (a desktop window watcher's bucket;
 * the canonical pipeline of section 4.2) or `browser` (only the extension's streams; section
 * 4.6: tab events AFK-filtered and categorized, and top categories and time active taken
 * from them). Lists are as in the full summary query; durations in seconds.
 */
export type ActivitySummary = {
	mode: 'desktop' | 'browser' | 'none';
	window: {
		app_events: EventJson[];
		title_events: EventJson[];
		cat_events: EventJson[];
		duration: number;
	};
	browser: { domains: EventJson[]; urls: EventJson[]; titles: EventJson[]; duration: number };
	stopwatch: { stopwatch_events: EventJson[] };
	/** Total `not-afk` time. */
	activeSeconds: number;
	bars: Bar[];
	/** How the answer was made: days served from the cache, days computed, milliseconds. */
	stats: { cachedDays: number; computedDays: number; ms: number };
};
