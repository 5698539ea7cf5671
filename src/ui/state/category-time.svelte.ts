/**
 * Requests for time per category, from the worker's cached per-day summaries: the options
 * Trends and the Alerts page share, and "today" (from the start-of-day offset) for the Alerts
 * page and the goal notifier, whose goals lib/alerts.ts evaluates.
 */
import type { ActivityOptions, ActivityRequest, CategoryTotal } from '../../worker/summary/types';
import { queryRules } from '../lib/categories';
import { today as todayOf } from '../lib/periods';
import { todayRange } from '../lib/alerts';
import { api } from './api';
import { DEFAULTS, settings } from './settings.svelte';

/**
 * The options of a request for time per category (Alerts and Trends): AFK filtered, audible
 * tabs as the settings say, the categories of the settings, no stopwatch (both compare window
 * and AFK data only) and no category filter.
 */
export function categoryTimeOptions(host: string): ActivityOptions {
	return {
		host,
		filterAfk: true,
		includeAudible: settings.get('countAudibleAsActive', DEFAULTS.countAudibleAsActive),
		includeStopwatch: false,
		alwaysActivePattern: settings.get('always_active_pattern', ''),
		categories: queryRules($state.snapshot(settings.categories)),
		categoryFilter: null
	};
}

/** The summary request for `host`'s "today" as of `now`, with the day it names. */
export function todayRequest(host: string, now: Date): { request: ActivityRequest; day: string } {
	const day = todayOf(now, settings.calendar);
	const request: ActivityRequest = {
		options: categoryTimeOptions(host),
		days: todayRange(day, settings.calendar),
		hourlyBars: false
	};
	return { request, day };
}

/** Today's time per category for `host`, and the day. */
export async function todayTotals(
	host: string,
	now: Date
): Promise<{ totals: CategoryTotal[]; day: string; at: Date }> {
	const { request, day } = todayRequest(host, now);
	const summary = await api().activitySummary!(request);
	return { totals: summary.bars[0]?.categories ?? [], day, at: now };
}
