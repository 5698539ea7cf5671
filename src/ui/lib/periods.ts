/**
 * Periods of the Activity view (dashboard spec, section 5). A period is named by a unit and a
 * calendar date: the first day for day, week, month and year; the last day for the rolling
 * "7 days" and "30 days". Its bounds are local wall-clock times at the start-of-day offset, and
 * lengths are added in calendar terms, so a day that holds a daylight-saving change lasts 23 or
 * 25 hours. Dates travel as `YYYY-MM-DD` strings (the URL form); bounds as `Date`s.
 */
import {
	addDays,
	addHours,
	addMonths,
	addYears,
	format,
	formatISO,
	getISOWeek,
	getISOWeekYear,
	startOfMonth,
	startOfWeek,
	startOfYear
} from 'date-fns';

export const PERIOD_UNITS = ['day', 'last7d', 'last30d', 'week', 'month', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export type WeekStart = 'Monday' | 'Sunday' | 'Saturday';

/** The user's calendar: start of day as minutes after midnight, and the first weekday. */
export type Calendar = { dayOffsetMinutes: number; weekStart: WeekStart };

export const DEFAULT_CALENDAR: Calendar = { dayOffsetMinutes: 4 * 60, weekStart: 'Monday' };

export type Period = { unit: PeriodUnit; date: string };

/** A period's bounds: `start` inclusive, `end` exclusive. */
export type Range = { start: Date; end: Date };

export function isPeriodUnit(value: string): value is PeriodUnit {
	return (PERIOD_UNITS as readonly string[]).includes(value);
}

/** Parses `HH:MM` (the `startOfDay` setting) into minutes; null when it is not such a time. */
export function parseStartOfDay(text: string): number | null {
	const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
	if (!match) return null;
	const hours = Number(match[1]);
	const minutes = Number(match[2]);
	if (hours > 23 || minutes > 59) return null;
	return hours * 60 + minutes;
}

/** A `YYYY-MM-DD` string as local midnight of that date; null when it is not a real date. */
export function parseDate(text: string): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return null;
	const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
	if (date.getMonth() !== Number(match[2]) - 1 || date.getDate() !== Number(match[3])) return null;
	return date;
}

export function formatDate(date: Date): string {
	return format(date, 'yyyy-MM-dd');
}

function requireDate(text: string): Date {
	const date = parseDate(text);
	if (!date) throw new RangeError(`'${text}' is not a date of the form YYYY-MM-DD`);
	return date;
}

/** The local instant at the start-of-day offset on that calendar date. */
export function atOffset(date: Date, calendar: Calendar): Date {
	const hours = Math.floor(calendar.dayOffsetMinutes / 60);
	const minutes = calendar.dayOffsetMinutes % 60;
	return new Date(date.getFullYear(), date.getMonth(), date.getDate(), hours, minutes);
}

/** "Today": the calendar date of `now` less the offset (at 02:00 with 04:00 it is yesterday). */
export function today(now: Date, calendar: Calendar): string {
	const minutesNow = now.getHours() * 60 + now.getMinutes();
	const date = new Date(now.getFullYear(), now.getMonth(), now.getDate());
	return formatDate(minutesNow < calendar.dayOffsetMinutes ? addDays(date, -1) : date);
}

function weekStartsOn(calendar: Calendar): 0 | 1 | 6 {
	if (calendar.weekStart === 'Sunday') return 0;
	return calendar.weekStart === 'Saturday' ? 6 : 1;
}

/** The date that names the period of `unit` holding `date` (its first day; rolling: `date`). */
export function normalizeDate(unit: PeriodUnit, date: string, calendar: Calendar): string {
	const day = requireDate(date);
	if (unit === 'week')
		return formatDate(startOfWeek(day, { weekStartsOn: weekStartsOn(calendar) }));
	if (unit === 'month') return formatDate(startOfMonth(day));
	if (unit === 'year') return formatDate(startOfYear(day));
	return formatDate(day);
}

function firstDay(period: Period): Date {
	const day = requireDate(period.date);
	if (period.unit === 'last7d') return addDays(day, -6);
	if (period.unit === 'last30d') return addDays(day, -29);
	return day;
}

function addLength(day: Date, unit: PeriodUnit, count: number): Date {
	if (unit === 'day') return addDays(day, count);
	if (unit === 'week' || unit === 'last7d') return addDays(day, 7 * count);
	if (unit === 'last30d') return addDays(day, 30 * count);
	if (unit === 'month') return addMonths(day, count);
	return addYears(day, count);
}

/** The first calendar day of the period and the first day after it. */
export function periodDays(period: Period): { first: Date; next: Date } {
	const first = firstDay(period);
	return { first, next: addLength(first, period.unit, 1) };
}

export function periodRange(period: Period, calendar: Calendar): Range {
	const { first, next } = periodDays(period);
	return { start: atOffset(first, calendar), end: atOffset(next, calendar) };
}

/** The period `steps` lengths before (negative) or after (positive) this one. */
export function shiftPeriod(period: Period, steps: number): Period {
	return {
		unit: period.unit,
		date: formatDate(addLength(requireDate(period.date), period.unit, steps))
	};
}

/** True when `day` (a date) lies within the period's calendar days. */
export function periodContains(period: Period, day: string): boolean {
	const { first, next } = periodDays(period);
	const date = requireDate(day);
	return date >= first && date < next;
}

/**
 * Whether "next" is allowed: the next calendar period must start on or before today; a rolling
 * period (named by its last day) must not end after today.
 */
export function canGoNext(period: Period, todayDate: string): boolean {
	const next = shiftPeriod(period, 1);
	const limit = requireDate(todayDate);
	if (period.unit === 'last7d' || period.unit === 'last30d') return requireDate(next.date) <= limit;
	return periodDays(next).first <= limit;
}

/**
 * The period shown after switching to `unit`: anchored on today when today lies in the shown
 * period (so year → month → week stays on the present), otherwise on the shown period's date.
 */
export function switchUnit(
	current: Period,
	unit: PeriodUnit,
	todayDate: string,
	calendar: Calendar
): Period {
	const anchor = periodContains(current, todayDate)
		? todayDate
		: formatDate(periodDays(current).first);
	const date =
		unit === 'last7d' || unit === 'last30d' ? anchor : normalizeDate(unit, anchor, calendar);
	return { unit, date };
}

/**
 * Sub-periods of the category bar chart: hours for a day (23 or 25 on daylight-saving days, as
 * hours are absolute), months for a year, calendar days otherwise.
 */
export function subPeriods(period: Period, calendar: Calendar): Range[] {
	const { start, end } = periodRange(period, calendar);
	const out: Range[] = [];
	const step = (d: Date): Date => {
		if (period.unit === 'day') return addHours(d, 1);
		if (period.unit === 'year')
			return atOffset(addMonths(new Date(d.getFullYear(), d.getMonth(), 1), 1), calendar);
		return atOffset(addDays(new Date(d.getFullYear(), d.getMonth(), d.getDate()), 1), calendar);
	};
	for (let cursor = start; cursor < end;) {
		const next = step(cursor);
		out.push({ start: cursor, end: next < end ? next : end });
		cursor = next;
	}
	return out;
}

/** The 31 periods of the usage strip, the current one in the middle. */
export function stripPeriods(period: Period): Period[] {
	return Array.from({ length: 31 }, (_, i) => shiftPeriod(period, i - 15));
}

/** The title of the period: `2026-03-02`, `2026 W10`, `2026-03`, `2026`, `last 7 days`. */
export function periodTitle(period: Period): string {
	const day = requireDate(period.date);
	if (period.unit === 'day') return period.date;
	if (period.unit === 'week') return `${getISOWeekYear(day)} W${getISOWeek(day)}`;
	if (period.unit === 'month') return format(day, 'yyyy-MM');
	if (period.unit === 'year') return format(day, 'yyyy');
	return period.unit === 'last7d' ? 'last 7 days' : 'last 30 days';
}

/** `START/END` in local time with the UTC offset, as the query engine takes periods. */
export function periodString(range: Range): string {
	return `${formatISO(range.start)}/${formatISO(range.end)}`;
}

/** A short label for a bar-chart sub-period of a period of `unit`. */
export function subPeriodLabel(unit: PeriodUnit, range: Range): string {
	if (unit === 'day') return format(range.start, 'HH:mm');
	if (unit === 'year') return format(range.start, 'MMM');
	if (unit === 'week' || unit === 'last7d') return format(range.start, 'EEE');
	return format(range.start, 'd');
}
