/**
 * One calendar day's share of the Activity summary, computed from the canonical lists of a
 * program run over a stretch of days (a "chunk"). A day keeps its groups unlimited, so that
 * days merge exactly; the limits of 100 rows apply only to the merged result.
 *
 * The lists come from a run without the stopwatch part (stopwatch.ts adds it for the whole
 * period, since the query's union with the stopwatch bucket is not local to a day).
 *
 * Splitting: an event crossing a day boundary contributes its part within each day, so sums
 * and first-seen order are those of the whole period. A zero-length event belongs to the day
 * it lies in; one lying on the period's end (clipped there by the query) to the last day.
 */
import type { Event } from '../../core/model/event';
import type { Instant, Micros } from '../../core/model/time';
import { addEvents, emptyGroups, type Groups } from './groups';

/** The lists a canonical-events program returns (query-language.md 13.2), parsed. */
export type CanonicalLists = {
	events: Event[];
	browserEvents: Event[];
	notAfk: Event[];
};

export type Mode = 'desktop' | 'browser';

export type DaySummary = {
	start: Instant;
	end: Instant;
	titles: Groups;
	categories: Groups;
	urls: Groups;
	domains: Groups;
	browserTitles: Groups;
	/** Time active: canonical events (desktop) or tab events (browser). */
	duration: Micros;
	browserDuration: Micros;
	active: Micros;
	hours: { start: Instant; end: Instant; categories: Groups }[];
};

const HOUR: Micros = 3600 * 1_000_000;

/** The parts of `events` within `[start, end)` (`[start, end]` when `closed`), in order. */
export function piecesWithin(
	events: readonly Event[],
	start: Instant,
	end: Instant,
	closed: boolean
): Event[] {
	const out: Event[] = [];
	for (const e of events) {
		const from = Math.max(e.timestamp, start);
		const to = Math.min(e.timestamp + e.duration, end);
		if (to > from)
			out.push(
				from === e.timestamp && to === e.timestamp + e.duration
					? e
					: { ...e, timestamp: from, duration: to - from }
			);
		else if (
			e.duration === 0 &&
			e.timestamp >= start &&
			(e.timestamp < end || (closed && e.timestamp === end))
		)
			out.push(e);
	}
	return out;
}

export function total(events: readonly Event[]): Micros {
	let sum = 0;
	for (const e of events) sum += e.duration;
	return sum;
}

export function grouped(events: readonly Event[], keys: string[]): Groups {
	const groups = emptyGroups();
	addEvents(groups, events, keys);
	return groups;
}

export function hourly(
	primary: readonly Event[],
	start: Instant,
	end: Instant,
	closed: boolean
): DaySummary['hours'] {
	const hours: DaySummary['hours'] = [];
	for (let from = start; from < end; from += HOUR) {
		const to = Math.min(from + HOUR, end);
		const pieces = piecesWithin(primary, from, to, closed && to === end);
		hours.push({ start: from, end: to, categories: grouped(pieces, ['$category']) });
	}
	return hours;
}

/** The summary of the day `[start, end)` from the chunk's lists. */
export function summarizeDay(
	lists: CanonicalLists,
	mode: Mode,
	start: Instant,
	end: Instant,
	closed: boolean
): DaySummary {
	const events = piecesWithin(lists.events, start, end, closed);
	const browser = piecesWithin(lists.browserEvents, start, end, closed);
	const primary = mode === 'browser' ? browser : events;
	return {
		start,
		end,
		titles: grouped(events, ['app', 'title']),
		categories: grouped(primary, ['$category']),
		urls: grouped(browser, ['url']),
		domains: grouped(browser, ['$domain']),
		browserTitles: grouped(browser, ['title']),
		duration: total(primary),
		browserDuration: total(browser),
		active: total(piecesWithin(lists.notAfk, start, end, closed)),
		hours: hourly(primary, start, end, closed)
	};
}
