/**
 * The program a chunk runs: the summary query's canonical part, exactly as the query builders
 * of src/core/queries write it (the full desktop summary, its browser-only variant, or the
 * multi-device query), cut before its aggregates and ending in a RETURN of the lists that
 * day.ts splits by day.
 */
import {
	browserOnlySummaryQuery,
	fullDesktopQuery,
	multideviceEventLines,
	multideviceQuery,
	type DesktopSummaryParams,
	type MultideviceParams
} from '../../core/queries';
import type { BucketSelection } from '../../core/queries/buckets';
import type { ActivityOptions } from './types';

const RETURN_LISTS =
	'RETURN = {"events": events, "browser_events": browser_events, "not_afk": not_afk, "stopwatch_events": stopwatch_events};';

/** The builders' parameters for a selection and the Activity options. */
export function summaryParams(
	selection: BucketSelection,
	options: ActivityOptions
): DesktopSummaryParams {
	const params: DesktopSummaryParams = {
		windowBucket: selection.window ?? '',
		afkBucket: selection.afk ?? '',
		filterAfk: options.filterAfk,
		browserBuckets: selection.browsers,
		includeAudible: options.includeAudible,
		categories: options.categories,
		filterCategories: options.categoryFilter
	};
	if (options.alwaysActivePattern) params.alwaysActivePattern = options.alwaysActivePattern;
	if (options.includeStopwatch && selection.stopwatch) params.stopwatchBucket = selection.stopwatch;
	return params;
}

/** The multi-device query's parameters for a selection of selectDevices. */
export function multideviceParams(
	selection: BucketSelection,
	options: ActivityOptions
): MultideviceParams {
	const params: MultideviceParams = {
		hosts: selection.devices ?? [],
		filterAfk: options.filterAfk,
		categories: options.categories,
		filterCategories: options.categoryFilter
	};
	if (options.alwaysActivePattern) params.alwaysActivePattern = options.alwaysActivePattern;
	return params;
}

/**
 * The full summary program of the selection's mode, as the plain query would run it (for
 * several devices the multi-device query, whose result has only its `window` part).
 */
export function fullSummaryProgram(selection: BucketSelection, options: ActivityOptions): string[] {
	if (selection.devices) return multideviceQuery(multideviceParams(selection, options));
	const params = summaryParams(selection, options);
	return selection.browserOnly ? browserOnlySummaryQuery(params) : fullDesktopQuery(params);
}

/** The canonical part of that program followed by a RETURN of its lists. */
export function canonicalListsProgram(
	selection: BucketSelection,
	options: ActivityOptions
): string {
	if (selection.devices) {
		const lines = multideviceEventLines(multideviceParams(selection, options));
		return [...lines, 'browser_events = [];', 'stopwatch_events = [];', RETURN_LISTS].join('\n');
	}
	const statements = fullSummaryProgram(selection, options);
	const cut = statements.findIndex((s) => s.trimStart().startsWith('title_events'));
	if (cut === -1)
		throw new Error('The summary query no longer starts its aggregates with title_events');
	return [...statements.slice(0, cut), RETURN_LISTS].join('\n');
}
