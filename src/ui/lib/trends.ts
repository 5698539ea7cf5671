/**
 * The Trends page's arithmetic (dashboard spec 2.10): the last N days against the N days before,
 * from per-day category totals. Pure, so the page only fetches and draws.
 */
import { addDays } from 'date-fns';
import { dateToInstant, type Instant } from '../../core/model/time';
import type { DayRange } from '../../worker/summary/types';
import { pathKey } from './categories';
import { atOffset, parseDate, type Calendar } from './periods';

/** The lengths the page offers, in days. */
export const TREND_LENGTHS = [7, 30, 90] as const;

/** Categories with less time than this in both windows are left out of the table (seconds). */
export const MIN_CATEGORY_SECONDS = 5 * 60;

/** One day's time per category path. */
export type DayTotals = { start: Instant; categories: { path: string[]; seconds: number }[] };

/** Percent change; `new` when the previous value was zero; null when both are zero. */
export type Change = number | 'new' | null;

export type Compared = { current: number; previous: number; change: Change };

export type CategoryChange = Compared & { path: string[] };

export type TrendComparison = {
	active: Compared;
	dailyAverage: Compared;
	/** The current window's day with the most time; null when it has none. */
	mostActiveDay: { start: Instant; seconds: number } | null;
	/** Sorted by absolute change in seconds, largest first. */
	categories: CategoryChange[];
};

/**
 * The 2N days ending today, oldest first, at the start-of-day offset (so a day with a clock
 * change lasts 23 or 25 hours), each its own bar: the first N are the previous window.
 */
export function trendDays(today: string, days: number, calendar: Calendar): DayRange[] {
	const last = parseDate(today);
	if (!last) throw new RangeError(`'${today}' is not a date of the form YYYY-MM-DD`);
	const out: DayRange[] = [];
	for (let i = 0; i < 2 * days; i++) {
		const day = addDays(last, i + 1 - 2 * days);
		out.push({
			start: dateToInstant(atOffset(day, calendar)),
			end: dateToInstant(atOffset(addDays(day, 1), calendar)),
			bar: i
		});
	}
	return out;
}

/** The change from `previous` to `current` in percent. */
export function percentChange(current: number, previous: number): Change {
	if (previous === 0) return current === 0 ? null : 'new';
	return ((current - previous) / previous) * 100;
}

function compared(current: number, previous: number): Compared {
	return { current, previous, change: percentChange(current, previous) };
}

const dayTotal = (day: DayTotals) => day.categories.reduce((sum, c) => sum + c.seconds, 0);

function totalsByPath(days: DayTotals[]): Map<string, { path: string[]; seconds: number }> {
	const out = new Map<string, { path: string[]; seconds: number }>();
	for (const day of days) {
		for (const c of day.categories) {
			const entry = out.get(pathKey(c.path)) ?? { path: c.path, seconds: 0 };
			entry.seconds += c.seconds;
			out.set(pathKey(c.path), entry);
		}
	}
	return out;
}

function categoryChanges(current: DayTotals[], previous: DayTotals[]): CategoryChange[] {
	const now = totalsByPath(current);
	const before = totalsByPath(previous);
	const keys = new Set([...now.keys(), ...before.keys()]);
	const rows = [...keys].map((key) => {
		const path = now.get(key)?.path ?? before.get(key)?.path ?? [];
		return { path, ...compared(now.get(key)?.seconds ?? 0, before.get(key)?.seconds ?? 0) };
	});
	return rows
		.filter((r) => r.current >= MIN_CATEGORY_SECONDS || r.previous >= MIN_CATEGORY_SECONDS)
		.sort((a, b) => Math.abs(b.current - b.previous) - Math.abs(a.current - a.previous));
}

/** Compares the current window's days with the previous window's (equal lengths). */
export function compareTrends(current: DayTotals[], previous: DayTotals[]): TrendComparison {
	const now = current.reduce((sum, d) => sum + dayTotal(d), 0);
	const before = previous.reduce((sum, d) => sum + dayTotal(d), 0);
	const length = Math.max(current.length, 1);
	let best: TrendComparison['mostActiveDay'] = null;
	for (const day of current) {
		const seconds = dayTotal(day);
		if (seconds > 0 && (best === null || seconds > best.seconds))
			best = { start: day.start, seconds };
	}
	return {
		active: compared(now, before),
		dailyAverage: compared(now / length, before / Math.max(previous.length, 1)),
		mostActiveDay: best,
		categories: categoryChanges(current, previous)
	};
}

/** A change as the page shows it: `+12%`, `−5%`, `+new`, or `—`. */
export function formatChange(change: Change): string {
	if (change === null) return '—';
	if (change === 'new') return '+new';
	const rounded = Math.round(change);
	return rounded > 0 ? `+${rounded}%` : rounded < 0 ? `−${-rounded}%` : '0%';
}

/** Whether a change reads as up (shown green), down (red) or flat, rounded to whole percent. */
export function changeDirection(change: Change): 'up' | 'down' | 'flat' {
	if (change === 'new') return 'up';
	if (change === null || Math.round(change) === 0) return 'flat';
	return change > 0 ? 'up' : 'down';
}
