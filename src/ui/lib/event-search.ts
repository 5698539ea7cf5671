/**
 * What the Search and Report pages share (dashboard spec 2.8, 2.9): the date range they query,
 * the host's buckets they read, and the engine's message when a pattern does not compile.
 */
import { HindsightError, toHindsightError } from '../../core/errors';
import { selectBuckets, type BucketInfo } from '../../core/queries/buckets';
import { addDays } from 'date-fns';
import { atOffset, formatDate, parseDate, type Calendar } from './periods';

/** The buckets a search or report reads for one host. */
export type HostSources = {
	windowBucket: string;
	afkBucket: string;
	browserBuckets: string[];
	/** The window bucket is the extension's focus stream (spec 4.6). */
	browserOnly: boolean;
};

/**
 * The range from the start of day `start` to the start of day `end` (both `YYYY-MM-DD`, at the
 * start-of-day offset), or a sentence saying what is wrong with the dates.
 */
export function dateRange(
	start: string,
	end: string,
	calendar: Calendar
): { start: Date; end: Date } | string {
	const from = parseDate(start);
	const to = parseDate(end);
	if (!from || !to) return 'Choose a start and an end date.';
	if (from >= to) return 'The start date must be before the end date.';
	return { start: atOffset(from, calendar), end: atOffset(to, calendar) };
}

/** The day a week before `day` (`YYYY-MM-DD`), for "+1 week"; `day` itself when it is no date. */
export function weekBefore(day: string): string {
	const date = parseDate(day);
	return date ? formatDate(addDays(date, -7)) : day;
}

/** The host's buckets, chosen by type as the Activity summary chooses them (spec 4.1). */
export function hostSources(list: BucketInfo[], host: string): HostSources | null {
	const { window, afk, browsers, browserOnly } = selectBuckets(list, host);
	if (!window || !afk) return null;
	return { windowBucket: window, afkBucket: afk, browserBuckets: browsers, browserOnly };
}

/** The engine's message when a pattern itself is the problem (it quotes the pattern), else null. */
export function regexMessage(err: unknown): string | null {
	const e = HindsightError.isSerialized(err) ? HindsightError.fromJSON(err) : toHindsightError(err);
	const kind = (e.details as Record<string, unknown> | undefined)?.kind;
	return kind === 'RegexCompileError' ? e.message : null;
}
