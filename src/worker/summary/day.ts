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

/**
 * The part of `e` within `[start, end)` (`[start, end]` when `closed`): `e` itself when it lies
 * wholly inside, a cut copy when it crosses a bound, null when it lies outside. A zero-length
 * event is inside when its instant is.
 */
function pieceWithin(e: Event, start: Instant, end: Instant, closed: boolean): Event | null {
	const eventEnd = e.timestamp + e.duration;
	const from = Math.max(e.timestamp, start);
	const to = Math.min(eventEnd, end);
	if (to > from) {
		return from === e.timestamp && to === eventEnd
			? e
			: { ...e, timestamp: from, duration: to - from };
	}
	const inside =
		e.duration === 0 &&
		e.timestamp >= start &&
		(e.timestamp < end || (closed && e.timestamp === end));
	return inside ? e : null;
}

/** The parts of `events` within `[start, end)` (`[start, end]` when `closed`), in order. */
export function piecesWithin(
	events: readonly Event[],
	start: Instant,
	end: Instant,
	closed: boolean
): Event[] {
	const out: Event[] = [];
	for (const e of events) {
		const piece = pieceWithin(e, start, end, closed);
		if (piece) out.push(piece);
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

/**
 * `piecesWithin` for consecutive days at once: one pass over the events, each placed in the
 * days it overlaps (found by binary search), keeping input order within each day. `closed`
 * closes the last day's end.
 */
export function splitByDays(
	events: readonly Event[],
	days: readonly { start: Instant; end: Instant }[],
	closed: boolean
): Event[][] {
	const out: Event[][] = days.map(() => []);
	const last = days.length - 1;
	for (const e of events) {
		const end = e.timestamp + e.duration;
		for (let i = firstDayEndingAfter(days, e.timestamp); i <= last && days[i].start <= end; i++) {
			const piece = pieceWithin(e, days[i].start, days[i].end, closed && i === last);
			if (piece) out[i].push(piece);
		}
	}
	return out;
}

/** The index of the first day whose end lies after `at` (the last day when none does). */
function firstDayEndingAfter(days: readonly { end: Instant }[], at: Instant): number {
	let lo = 0;
	let hi = days.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (days[mid].end > at) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/** The summaries of consecutive days from one chunk's lists; hours only when asked. */
export function summarizeDays(
	lists: CanonicalLists,
	mode: Mode,
	days: readonly { start: Instant; end: Instant }[],
	closed: boolean,
	withHours: boolean
): DaySummary[] {
	const events = splitByDays(lists.events, days, closed);
	const browser = splitByDays(lists.browserEvents, days, closed);
	const notAfk = splitByDays(lists.notAfk, days, closed);
	return days.map(({ start, end }, i) => {
		const primary = mode === 'browser' ? browser[i] : events[i];
		const lastClosed = closed && i === days.length - 1;
		return {
			start,
			end,
			titles: grouped(events[i], ['app', 'title']),
			categories: grouped(primary, ['$category']),
			urls: grouped(browser[i], ['url']),
			domains: grouped(browser[i], ['$domain']),
			browserTitles: grouped(browser[i], ['title']),
			duration: total(primary),
			browserDuration: total(browser[i]),
			active: total(notAfk[i]),
			hours: withHours ? hourly(primary, start, end, lastClosed) : []
		};
	});
}
