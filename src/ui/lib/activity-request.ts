/**
 * Builds the worker's Activity request from a period: its calendar days (local time, offset
 * applied, so a DST day is 23 or 25 hours long) with the bar each day belongs to (the month of
 * a year period, otherwise the day itself), and the category filter with all descendants.
 */
import { addDays } from 'date-fns';
import { dateToInstant } from '../../core/model/time';
import type { DayRange } from '../../worker/summary/types';
import { isUncategorized, isWithin, pathKey, type Category } from './categories';
import { atOffset, periodDays, type Calendar, type Period } from './periods';

/** The filters panel's choices. */
export type ActivityFilters = {
	filterAfk: boolean;
	includeAudible: boolean;
	category: string[] | null;
};

export function periodDayRanges(period: Period, calendar: Calendar): DayRange[] {
	const { first, next } = periodDays(period);
	const out: DayRange[] = [];
	for (let day = first, i = 0; day < next; day = addDays(day, 1), i++) {
		const bar =
			period.unit === 'year'
				? (day.getFullYear() - first.getFullYear()) * 12 + day.getMonth() - first.getMonth()
				: i;
		out.push({
			start: dateToInstant(atOffset(day, calendar)),
			end: dateToInstant(atOffset(addDays(day, 1), calendar)),
			bar
		});
	}
	return out;
}

/** The paths the Activity page filters on: the chosen category and all its descendants. */
export function categoryFilter(list: Category[], chosen: string[] | null): string[][] | null {
	if (!chosen) return null;
	if (isUncategorized(chosen)) return [['Uncategorized']];
	const paths = list.filter((c) => isWithin(c.name, chosen)).map((c) => c.name);
	return paths.length > 0 ? paths : [chosen];
}

/** The Activity page's query string selecting `path` (`?category=Work%3EProgramming`). */
export function categoryQuery(path: readonly string[] | null): string {
	return path ? `?category=${encodeURIComponent(pathKey(path))}` : '';
}

/** `Work>Programming` (the URL's `category` parameter) as a path. */
export function parseCategoryParam(value: string | null): string[] | null {
	if (!value) return null;
	const path = value.split('>').filter((p) => p !== '');
	return path.length > 0 ? path : null;
}
