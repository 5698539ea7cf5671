import { expect, it } from 'vitest';
import {
	categoryFilter,
	categoryQuery,
	parseCategoryParam,
	periodDayRanges
} from '../../../src/ui/lib/activity-request';
import { DEFAULT_CATEGORIES } from '../../../src/ui/lib/categories';
import { DEFAULT_CALENDAR } from '../../../src/ui/lib/periods';

process.env.TZ = 'Europe/Berlin';

it('gives each day of a period its local bounds, with 23 and 25 hour days at clock changes', () => {
	const days = periodDayRanges({ unit: 'month', date: '2026-03-01' }, DEFAULT_CALENDAR);
	expect(days).toHaveLength(31);
	const hours = days.map((d) => (d.end - d.start) / 3600e6);
	expect(hours.filter((h) => h === 23)).toHaveLength(1);
	expect(hours[27]).toBe(23);
	expect(days.every((d, i) => i === 0 || d.start === days[i - 1].end)).toBe(true);
	expect(new Date(days[0].start / 1000).toISOString()).toBe('2026-03-01T03:00:00.000Z');
	const autumn = periodDayRanges({ unit: 'day', date: '2026-10-24' }, DEFAULT_CALENDAR);
	expect((autumn[0].end - autumn[0].start) / 3600e6).toBe(25);
});

it('puts the days of a year into month bars', () => {
	const days = periodDayRanges({ unit: 'year', date: '2026-01-01' }, DEFAULT_CALENDAR);
	expect(days).toHaveLength(365);
	expect(days[31].bar).toBe(1);
	expect(days[364].bar).toBe(11);
	const week = periodDayRanges({ unit: 'week', date: '2026-03-02' }, DEFAULT_CALENDAR);
	expect(week.map((d) => d.bar)).toEqual([0, 1, 2, 3, 4, 5, 6]);
});

it('filters on a category with all its descendants', () => {
	expect(categoryFilter(DEFAULT_CATEGORIES, ['Work', 'Programming'])).toEqual([
		['Work', 'Programming'],
		['Work', 'Programming', 'ActivityWatch']
	]);
	expect(categoryFilter(DEFAULT_CATEGORIES, ['Uncategorized'])).toEqual([['Uncategorized']]);
	expect(categoryFilter(DEFAULT_CATEGORIES, null)).toBeNull();
	expect(parseCategoryParam('Work>Programming')).toEqual(['Work', 'Programming']);
	expect(parseCategoryParam('')).toBeNull();
});

it('writes the category query string that parseCategoryParam reads', () => {
	expect(categoryQuery(['Work', 'Programming'])).toBe('?category=Work%3EProgramming');
	expect(
		parseCategoryParam(new URLSearchParams('?category=Work%3EProgramming').get('category'))
	).toEqual(['Work', 'Programming']);
	expect(categoryQuery(null)).toBe('');
});
