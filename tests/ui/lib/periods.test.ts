import { describe, expect, it } from 'vitest';
import {
	canGoNext,
	DEFAULT_CALENDAR,
	normalizeDate,
	parseDate,
	parseStartOfDay,
	periodRange,
	periodString,
	periodTitle,
	shiftPeriod,
	stripPeriods,
	subPeriods,
	switchUnit,
	today,
	type Calendar
} from '../../../src/ui/lib/periods';

// Every test here runs in Europe/Berlin so that the clocks change on known days: 2026-03-29
// (a 23-hour day) and 2026-10-25 (25 hours). Node reads TZ when a date is first formatted.
process.env.TZ = 'Europe/Berlin';

const cal: Calendar = DEFAULT_CALENDAR;
const hours = (ms: number) => ms / 3_600_000;

describe('periods', () => {
	it('parses the start of day and rejects other text', () => {
		expect(parseStartOfDay('04:00')).toBe(240);
		expect(parseStartOfDay('7:30')).toBe(450);
		expect(parseStartOfDay('24:00')).toBeNull();
		expect(parseStartOfDay('four')).toBeNull();
	});

	it('rejects dates that do not exist', () => {
		expect(parseDate('2026-02-30')).toBeNull();
		expect(parseDate('2026-2-3')).toBeNull();
		expect(parseDate('2024-02-29')?.getDate()).toBe(29);
	});

	it('runs a day from the offset to the offset of the next day', () => {
		const range = periodRange({ unit: 'day', date: '2026-03-02' }, cal);
		expect(periodString(range)).toBe('2026-03-02T04:00:00+01:00/2026-03-03T04:00:00+01:00');
	});

	it('gives the spring daylight-saving day 23 hours and the autumn one 25', () => {
		// The clocks change at 02:00 and 03:00, before the 04:00 offset: within the previous day.
		const spring = periodRange({ unit: 'day', date: '2026-03-28' }, cal);
		const autumn = periodRange({ unit: 'day', date: '2026-10-24' }, cal);
		expect(hours(+spring.end - +spring.start)).toBe(23);
		expect(hours(+autumn.end - +autumn.start)).toBe(25);
		expect(periodString(spring)).toBe('2026-03-28T04:00:00+01:00/2026-03-29T04:00:00+02:00');
		expect(subPeriods({ unit: 'day', date: '2026-03-28' }, cal)).toHaveLength(23);
		expect(subPeriods({ unit: 'day', date: '2026-10-24' }, cal)).toHaveLength(25);
		const midnight = { ...cal, dayOffsetMinutes: 0 };
		const plain = periodRange({ unit: 'day', date: '2026-03-29' }, midnight);
		expect(hours(+plain.end - +plain.start)).toBe(23);
	});

	it('keeps the wall-clock offset on both sides of a daylight-saving change in a week', () => {
		const range = periodRange({ unit: 'week', date: '2026-03-23' }, cal);
		expect(periodString(range)).toBe('2026-03-23T04:00:00+01:00/2026-03-30T04:00:00+02:00');
		const days = subPeriods({ unit: 'week', date: '2026-03-23' }, cal);
		expect(days).toHaveLength(7);
		expect(days.map((d) => d.start.getHours())).toEqual([4, 4, 4, 4, 4, 4, 4]);
	});

	it("treats the time before the offset as the previous day's", () => {
		expect(today(new Date(2026, 2, 2, 2, 0), cal)).toBe('2026-03-01');
		expect(today(new Date(2026, 2, 2, 4, 0), cal)).toBe('2026-03-02');
		expect(today(new Date(2026, 2, 2, 2, 0), { ...cal, dayOffsetMinutes: 0 })).toBe('2026-03-02');
	});

	it('starts weeks on Monday, Sunday or Saturday as configured', () => {
		expect(normalizeDate('week', '2026-03-05', cal)).toBe('2026-03-02');
		expect(normalizeDate('week', '2026-03-05', { ...cal, weekStart: 'Sunday' })).toBe('2026-03-01');
		expect(normalizeDate('week', '2026-03-05', { ...cal, weekStart: 'Saturday' })).toBe(
			'2026-02-28'
		);
		expect(normalizeDate('week', '2026-02-28', { ...cal, weekStart: 'Saturday' })).toBe(
			'2026-02-28'
		);
	});

	it('names rolling periods by their last day and spans 7 or 30 days', () => {
		const range = periodRange({ unit: 'last7d', date: '2026-03-10' }, cal);
		expect(periodString(range)).toBe('2026-03-04T04:00:00+01:00/2026-03-11T04:00:00+01:00');
		const month = periodRange({ unit: 'last30d', date: '2026-03-10' }, cal);
		expect(month.start.getDate()).toBe(9);
		expect(month.start.getMonth()).toBe(1);
		expect(shiftPeriod({ unit: 'last7d', date: '2026-03-10' }, -1).date).toBe('2026-03-03');
	});

	it('moves months and years in calendar terms', () => {
		expect(shiftPeriod({ unit: 'month', date: '2026-01-01' }, 1).date).toBe('2026-02-01');
		expect(shiftPeriod({ unit: 'year', date: '2026-01-01' }, -1).date).toBe('2025-01-01');
		expect(subPeriods({ unit: 'month', date: '2026-02-01' }, cal)).toHaveLength(28);
		expect(subPeriods({ unit: 'year', date: '2026-01-01' }, cal)).toHaveLength(12);
	});

	it('disables next once the next period would start after today', () => {
		expect(canGoNext({ unit: 'day', date: '2026-03-01' }, '2026-03-02')).toBe(true);
		expect(canGoNext({ unit: 'day', date: '2026-03-02' }, '2026-03-02')).toBe(false);
		expect(canGoNext({ unit: 'month', date: '2026-02-01' }, '2026-03-02')).toBe(true);
		expect(canGoNext({ unit: 'month', date: '2026-03-01' }, '2026-03-31')).toBe(false);
		expect(canGoNext({ unit: 'last7d', date: '2026-03-01' }, '2026-03-07')).toBe(false);
	});

	it('anchors a unit switch on today when today is in the shown period', () => {
		const year = { unit: 'year' as const, date: '2026-01-01' };
		expect(switchUnit(year, 'month', '2026-03-18', cal)).toEqual({
			unit: 'month',
			date: '2026-03-01'
		});
		expect(switchUnit(year, 'week', '2026-03-18', cal)).toEqual({
			unit: 'week',
			date: '2026-03-16'
		});
		const past = { unit: 'year' as const, date: '2024-01-01' };
		expect(switchUnit(past, 'month', '2026-03-18', cal)).toEqual({
			unit: 'month',
			date: '2024-01-01'
		});
		expect(switchUnit(past, 'last7d', '2026-03-18', cal)).toEqual({
			unit: 'last7d',
			date: '2024-01-01'
		});
	});

	it('titles periods as the dashboard does', () => {
		expect(periodTitle({ unit: 'day', date: '2026-03-02' })).toBe('2026-03-02');
		expect(periodTitle({ unit: 'week', date: '2026-03-02' })).toBe('2026 W10');
		expect(periodTitle({ unit: 'week', date: '2024-12-30' })).toBe('2025 W1');
		expect(periodTitle({ unit: 'month', date: '2026-03-01' })).toBe('2026-03');
		expect(periodTitle({ unit: 'last30d', date: '2026-03-01' })).toBe('last 30 days');
	});

	it('centres 31 strip periods on the current one', () => {
		const strip = stripPeriods({ unit: 'day', date: '2026-03-16' });
		expect(strip).toHaveLength(31);
		expect(strip[15].date).toBe('2026-03-16');
		expect(strip[0].date).toBe('2026-03-01');
	});
});
