import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../../src/ui/lib/periods';
import {
	changeDirection,
	compareTrends,
	formatChange,
	percentChange,
	trendDays,
	type DayTotals
} from '../../../src/ui/lib/trends';

process.env.TZ = 'Europe/Berlin';

const HOUR = 3600;
const WORK = ['Work'];
const CODE = ['Work', 'Programming'];
const MEDIA = ['Media'];
const CHAT = ['Comms', 'Chat'];
const TINY = ['Tiny'];

const day = (start: number, ...categories: [string[], number][]): DayTotals => ({
	start,
	categories: categories.map(([path, seconds]) => ({ path, seconds }))
});

describe('trendDays', () => {
	it('gives the previous and current windows as 2N consecutive days ending today', () => {
		const days = trendDays('2026-03-31', 7, DEFAULT_CALENDAR);
		expect(days).toHaveLength(14);
		expect(days.map((d) => d.bar)).toEqual([...Array(14).keys()]);
		expect(new Date(days[0].start / 1000).toISOString()).toBe('2026-03-18T03:00:00.000Z');
		// 2026-03-31 starts at 04:00 summer time (02:00 UTC) and ends the next day at 04:00.
		expect(new Date(days[13].start / 1000).toISOString()).toBe('2026-03-31T02:00:00.000Z');
		expect(new Date(days[13].end / 1000).toISOString()).toBe('2026-04-01T02:00:00.000Z');
		expect(days.every((d, i) => i === 0 || d.start === days[i - 1].end)).toBe(true);
		// The clock change of 2026-03-29 makes that day 23 hours long.
		expect(days.map((d) => (d.end - d.start) / 3600e6).filter((h) => h === 23)).toHaveLength(1);
	});

	it('honours the start-of-day offset', () => {
		const days = trendDays('2026-01-10', 30, { ...DEFAULT_CALENDAR, dayOffsetMinutes: 0 });
		expect(days).toHaveLength(60);
		expect(new Date(days[59].start / 1000).toISOString()).toBe('2026-01-09T23:00:00.000Z');
		expect(new Date(days[0].start / 1000).toISOString()).toBe('2025-11-11T23:00:00.000Z');
	});

	it('rejects a date that is not YYYY-MM-DD', () => {
		expect(() => trendDays('2026-02-30', 7, DEFAULT_CALENDAR)).toThrow(/2026-02-30/);
	});
});

describe('percentChange and formatChange', () => {
	it('gives percent, new, or nothing', () => {
		expect(percentChange(150, 100)).toBe(50);
		expect(percentChange(25, 100)).toBe(-75);
		expect(percentChange(10, 0)).toBe('new');
		expect(percentChange(0, 0)).toBeNull();
		expect(formatChange(50)).toBe('+50%');
		expect(formatChange(-75)).toBe('−75%');
		expect(formatChange(0.2)).toBe('0%');
		expect(formatChange('new')).toBe('+new');
		expect(formatChange(null)).toBe('—');
		expect([12, -3, 0.4, -0.4, 'new', null].map((c) => changeDirection(c as never))).toEqual([
			'up',
			'down',
			'flat',
			'flat',
			'up',
			'flat'
		]);
	});
});

describe('compareTrends', () => {
	// Current (3 days): Work 2h+1h, Programming 1h, Media 30m, Chat 10m, Tiny 2m.
	// Previous (3 days): Work 1h, Programming 3h, Media 30m, Tiny 4m.
	const current = [
		day(100, [WORK, 2 * HOUR], [MEDIA, 1800]),
		day(200),
		day(300, [WORK, HOUR], [CODE, HOUR], [CHAT, 600], [TINY, 120])
	];
	const previous = [
		day(0, [CODE, 3 * HOUR], [TINY, 240]),
		day(10, [WORK, HOUR]),
		day(20, [MEDIA, 1800])
	];
	const result = compareTrends(current, previous);

	it('compares the active time and the daily average', () => {
		// Current 4h 42m = 16920 s; previous 4h 34m = 16440 s.
		expect(result.active).toEqual({
			current: 16920,
			previous: 16440,
			change: ((16920 - 16440) / 16440) * 100
		});
		expect(result.dailyAverage.current).toBe(5640);
		expect(result.dailyAverage.previous).toBe(5480);
		expect(result.dailyAverage.change).toBeCloseTo(((5640 - 5480) / 5480) * 100, 10);
	});

	it('finds the most active day of the current window', () => {
		// Day 300: 1h + 1h + 10m + 2m = 7920 s; day 100: 2h 30m = 9000 s.
		expect(result.mostActiveDay).toEqual({ start: 100, seconds: 9000 });
		expect(compareTrends([day(1), day(2)], []).mostActiveDay).toBeNull();
	});

	it('lists categories by absolute change, new ones marked, tiny ones left out', () => {
		expect(result.categories).toEqual([
			{ path: WORK, current: 3 * HOUR, previous: HOUR, change: 200 },
			{ path: CODE, current: HOUR, previous: 3 * HOUR, change: (-2 / 3) * 100 },
			{ path: CHAT, current: 600, previous: 0, change: 'new' },
			{ path: MEDIA, current: 1800, previous: 1800, change: 0 }
		]);
	});

	it('keeps a category that reached five minutes in either window only', () => {
		const rows = compareTrends([day(0, [TINY, 299])], [day(0, [TINY, 300])]).categories;
		expect(rows).toEqual([{ path: TINY, current: 299, previous: 300, change: (-1 / 300) * 100 }]);
		expect(compareTrends([day(0, [TINY, 299])], [day(0, [TINY, 299])]).categories).toEqual([]);
	});

	it('gives no change when both windows are empty', () => {
		const empty = compareTrends([day(0)], [day(0)]);
		expect(empty.active).toEqual({ current: 0, previous: 0, change: null });
		expect(empty.categories).toEqual([]);
	});
});
