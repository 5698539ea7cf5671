/**
 * The Alerts page's arithmetic (dashboard spec 2.12, with its Rebuild line): daily goals per
 * category, evaluated for "today" at the start-of-day offset. Stored under the setting
 * `alertGoals` as a list of `{ name, category, minutes }`. Pure, so the page only fetches,
 * stores and draws.
 */
import { addDays } from 'date-fns';
import type { JsonValue } from '../../core/model/json';
import { dateToInstant } from '../../core/model/time';
import type { CategoryTotal, DayRange } from '../../worker/summary/types';
import { isWithin, pathFromKey } from './categories';
import { atOffset, parseDate, type Calendar } from './periods';

/** The settings key the goals are stored under. */
export const ALERT_GOALS_SETTING = 'alertGoals';

/** A daily goal: at least `minutes` (a positive whole number) in `category` and below it. */
export type Goal = { name: string; category: string[]; minutes: number };

/** A goal with today's time: whole minutes shown, and whether the goal is reached. */
export type GoalStatus = Goal & { seconds: number; currentMinutes: number; reached: boolean };

/** The spec's example goals, offered while nothing is stored. */
export const SUGGESTED_GOALS: readonly Goal[] = [
	{ name: 'Work', category: ['Work'], minutes: 100 },
	{ name: 'Media', category: ['Media'], minutes: 10 }
];

/** The largest goal the form takes: a day's minutes. */
export const MAX_GOAL_MINUTES = 24 * 60;

/** Form input errors by field, worded for the user; empty when the input is valid. */
export type GoalErrors = { name?: string; category?: string; minutes?: string };

/** "Today" as the one day the summary is asked for: from the offset to the next day's offset. */
export function todayRange(today: string, calendar: Calendar): DayRange[] {
	const day = parseDate(today);
	if (!day) throw new RangeError(`'${today}' is not a date of the form YYYY-MM-DD`);
	const start = dateToInstant(atOffset(day, calendar));
	return [{ start, end: dateToInstant(atOffset(addDays(day, 1), calendar)), bar: 0 }];
}

/** The time in `category` and all its descendants, in seconds. */
export function goalSeconds(totals: readonly CategoryTotal[], category: readonly string[]): number {
	return totals.reduce((sum, t) => (isWithin(t.path, category) ? sum + t.seconds : sum), 0);
}

/**
 * Evaluates each goal against today's totals. Reached compares seconds with the goal in
 * seconds; the shown minutes are rounded down, so a goal never reads "100 / 100" unreached.
 */
export function evaluateGoals(
	goals: readonly Goal[],
	totals: readonly CategoryTotal[]
): GoalStatus[] {
	return goals.map((goal) => {
		const seconds = goalSeconds(totals, goal.category);
		return {
			...goal,
			seconds,
			currentMinutes: Math.floor(seconds / 60),
			reached: seconds >= goal.minutes * 60
		};
	});
}

function readGoal(raw: unknown): Goal | null {
	if (typeof raw !== 'object' || raw === null) return null;
	const { name, category, minutes } = raw as Record<string, unknown>;
	if (typeof name !== 'string' || name.trim() === '') return null;
	if (!Array.isArray(category) || category.length === 0) return null;
	if (!category.every((part) => typeof part === 'string' && part !== '')) return null;
	if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes <= 0) return null;
	return { name: name.trim(), category: [...category] as string[], minutes };
}

/**
 * Reads the stored setting. `stored` is false when nothing (or no list) is stored, and the
 * suggestions are given instead; entries that are not valid goals are skipped and counted.
 */
export function readGoals(raw: unknown): { goals: Goal[]; stored: boolean; skipped: number } {
	if (!Array.isArray(raw))
		return {
			goals: SUGGESTED_GOALS.map((g) => ({ ...g, category: [...g.category] })),
			stored: false,
			skipped: raw === undefined || raw === null ? 0 : 1
		};
	const goals = raw.map(readGoal).filter((g): g is Goal => g !== null);
	return { goals, stored: true, skipped: raw.length - goals.length };
}

/** The goals as the setting's JSON value. */
export function goalsToJson(goals: readonly Goal[]): JsonValue {
	return goals.map((g) => ({ name: g.name, category: [...g.category], minutes: g.minutes }));
}

/**
 * Checks the add-goal form: a name, a category (its `pathKey`) and a whole number of minutes
 * from 1 to a day's. Gives the goal, or the errors by field.
 */
export function parseGoalForm(
	name: string,
	categoryKey: string,
	minutesText: string
): { goal: Goal } | { errors: GoalErrors } {
	const errors: GoalErrors = {};
	if (name.trim() === '') errors.name = 'Give the goal a name.';
	if (categoryKey === '') errors.category = 'Choose a category.';
	const text = minutesText.trim();
	const minutes = Number(text);
	if (text === '') errors.minutes = 'Enter the goal in minutes, e.g. 30.';
	else if (!/^\d+$/.test(text) || minutes <= 0)
		errors.minutes = `'${text}' is not a whole number of minutes above 0; enter e.g. 30.`;
	else if (minutes > MAX_GOAL_MINUTES)
		errors.minutes = `${text} minutes is more than a day; enter at most ${MAX_GOAL_MINUTES}.`;
	if (Object.keys(errors).length > 0) return { errors };
	return { goal: { name: name.trim(), category: pathFromKey(categoryKey), minutes } };
}

/** The setting that turns goal notifications on (true) while the dashboard is open. */
export const ALERT_NOTIFY_SETTING = 'alertNotifications';

/** Which goals were notified on which day (kept in this browser's localStorage). */
export type NotifiedRecord = { day: string; names: string[] };

/**
 * The goals to notify about now: reached today and not notified yet today. Also gives the
 * record to keep, which starts afresh on a new day and keeps what it had otherwise.
 */
export function newlyReached(
	statuses: readonly GoalStatus[],
	day: string,
	record: NotifiedRecord | null
): { notify: GoalStatus[]; record: NotifiedRecord } {
	const names = record?.day === day ? [...record.names] : [];
	const notify = statuses.filter((s) => s.reached && !names.includes(s.name));
	return { notify, record: { day, names: [...names, ...notify.map((s) => s.name)] } };
}

/** Reads a kept record, or null when it is missing or not one. */
export function readNotified(text: string | null): NotifiedRecord | null {
	if (text === null) return null;
	try {
		const value = JSON.parse(text) as Partial<NotifiedRecord> | null;
		if (typeof value?.day !== 'string' || !Array.isArray(value.names)) return null;
		return { day: value.day, names: value.names.filter((n) => typeof n === 'string') };
	} catch {
		return null;
	}
}
