import { describe, expect, it } from 'vitest';
import { instantToDate } from '../../../src/core/model/time';
import { DEFAULT_CALENDAR } from '../../../src/ui/lib/periods';
import {
	evaluateGoals,
	goalSeconds,
	goalsToJson,
	newlyReached,
	parseGoalForm,
	readNotified,
	readGoals,
	SUGGESTED_GOALS,
	todayRange,
	type Goal
} from '../../../src/ui/lib/alerts';

process.env.TZ = 'Europe/Berlin';

const totals = [
	{ path: ['Work'], seconds: 600 },
	{ path: ['Work', 'Programming'], seconds: 1800 },
	{ path: ['Work', 'Programming', 'ActivityWatch'], seconds: 300 },
	{ path: ['Workshop'], seconds: 999 },
	{ path: ['Media', 'Video'], seconds: 590 }
];

describe('goalSeconds', () => {
	it('sums a category and all its descendants, not siblings with a common prefix', () => {
		expect(goalSeconds(totals, ['Work'])).toBe(2700);
		expect(goalSeconds(totals, ['Work', 'Programming'])).toBe(2100);
		expect(goalSeconds(totals, ['Media'])).toBe(590);
		expect(goalSeconds(totals, ['Comms'])).toBe(0);
	});
});

describe('evaluateGoals', () => {
	it('marks a goal reached when today has at least its minutes', () => {
		const goals: Goal[] = [
			{ name: 'Work', category: ['Work'], minutes: 45 },
			{ name: 'Code', category: ['Work', 'Programming'], minutes: 36 }
		];
		const [work, code] = evaluateGoals(goals, totals);
		expect(work).toMatchObject({ seconds: 2700, currentMinutes: 45, reached: true });
		expect(code).toMatchObject({ seconds: 2100, currentMinutes: 35, reached: false });
	});

	it('rounds the shown minutes down, so an unreached goal never shows its own minutes', () => {
		const [media] = evaluateGoals([{ name: 'Media', category: ['Media'], minutes: 10 }], totals);
		expect(media).toMatchObject({ seconds: 590, currentMinutes: 9, reached: false });
		const [exact] = evaluateGoals(
			[{ name: 'Media', category: ['Media'], minutes: 10 }],
			[{ path: ['Media'], seconds: 600 }]
		);
		expect(exact).toMatchObject({ currentMinutes: 10, reached: true });
	});

	it('gives zero minutes for a category without time', () => {
		const [none] = evaluateGoals([{ name: 'Chat', category: ['Comms'], minutes: 1 }], []);
		expect(none).toMatchObject({ seconds: 0, currentMinutes: 0, reached: false });
	});
});

describe('todayRange', () => {
	it('runs from the start-of-day offset to the next day at the offset', () => {
		const [day] = todayRange('2026-03-28', DEFAULT_CALENDAR);
		expect(instantToDate(day.start).toISOString()).toBe('2026-03-28T03:00:00.000Z');
		// The clock moves forward that night in Berlin: the day lasts 23 hours.
		expect(instantToDate(day.end).toISOString()).toBe('2026-03-29T02:00:00.000Z');
		expect(day.bar).toBe(0);
	});

	it('refuses a text that is not a date', () => {
		expect(() => todayRange('today', DEFAULT_CALENDAR)).toThrow(/'today'/);
	});
});

describe('readGoals', () => {
	it('gives the two suggestions, unstored, when nothing is stored', () => {
		expect(readGoals(undefined)).toEqual({ goals: SUGGESTED_GOALS, stored: false, skipped: 0 });
		expect(readGoals(null)).toEqual({ goals: SUGGESTED_GOALS, stored: false, skipped: 0 });
		expect(SUGGESTED_GOALS.map((g) => [g.name, g.minutes])).toEqual([
			['Work', 100],
			['Media', 10]
		]);
	});

	it('gives an empty stored list as no goals, not as the suggestions', () => {
		expect(readGoals([])).toEqual({ goals: [], stored: true, skipped: 0 });
	});

	it('skips and counts stored entries that are not goals', () => {
		const raw = [
			{ name: ' Code ', category: ['Work', 'Programming'], minutes: 30 },
			{ name: '', category: ['Work'], minutes: 30 },
			{ name: 'x', category: [], minutes: 30 },
			{ name: 'x', category: ['Work', 3], minutes: 30 },
			{ name: 'x', category: 'Work', minutes: 30 },
			{ name: 'x', category: ['Work'], minutes: 0 },
			{ name: 'x', category: ['Work'], minutes: 2.5 },
			{ name: 'x', category: ['Work'], minutes: '30' },
			null,
			'Work'
		];
		expect(readGoals(raw)).toEqual({
			goals: [{ name: 'Code', category: ['Work', 'Programming'], minutes: 30 }],
			stored: true,
			skipped: 9
		});
	});

	it('reads a stored value that is not a list as the suggestions, counted as skipped', () => {
		expect(readGoals({ name: 'Work' })).toMatchObject({ stored: false, skipped: 1 });
		expect(readGoals('goals').goals).toEqual(SUGGESTED_GOALS);
	});

	it('reads back what it stores', () => {
		const goals: Goal[] = [{ name: 'Code', category: ['Work', 'Programming'], minutes: 30 }];
		expect(readGoals(goalsToJson(goals)).goals).toEqual(goals);
	});
});

describe('parseGoalForm', () => {
	it('gives the goal with the category path and whole minutes', () => {
		expect(parseGoalForm(' Code ', 'Work>Programming', ' 45 ')).toEqual({
			goal: { name: 'Code', category: ['Work', 'Programming'], minutes: 45 }
		});
	});

	it('words an error per field, quoting the bad minutes', () => {
		const result = parseGoalForm(' ', '', '');
		expect(result).toEqual({
			errors: {
				name: 'Give the goal a name.',
				category: 'Choose a category.',
				minutes: 'Enter the goal in minutes, e.g. 30.'
			}
		});
		for (const bad of ['0', '-5', '2.5', '1e3', 'ten']) {
			const parsed = parseGoalForm('Code', 'Work', bad);
			expect(parsed).toEqual({ errors: { minutes: expect.stringContaining(`'${bad}'`) } });
		}
		expect(parseGoalForm('Code', 'Work', '1441')).toEqual({
			errors: { minutes: expect.stringContaining('at most 1440') }
		});
		expect(parseGoalForm('Code', 'Work', '1440')).toHaveProperty('goal.minutes', 1440);
	});
});

describe('newlyReached', () => {
	const goals: Goal[] = [
		{ name: 'Work', category: ['Work'], minutes: 40 },
		{ name: 'Media', category: ['Media'], minutes: 10 },
		{ name: 'Long', category: ['Work'], minutes: 600 }
	];
	const statuses = evaluateGoals(goals, totals);

	it('notifies each reached goal once a day, starting afresh on a new day', () => {
		const first = newlyReached(statuses, '2024-05-01', null);
		expect(first.notify.map((s) => s.name)).toEqual(['Work']);
		expect(first.record).toEqual({ day: '2024-05-01', names: ['Work'] });

		const again = newlyReached(statuses, '2024-05-01', first.record);
		expect(again.notify).toEqual([]);
		expect(again.record).toEqual(first.record);

		const more = evaluateGoals(goals, [...totals, { path: ['Media'], seconds: 30 }]);
		const later = newlyReached(more, '2024-05-01', again.record);
		expect(later.notify.map((s) => s.name)).toEqual(['Media']);
		expect(later.record.names).toEqual(['Work', 'Media']);

		const tomorrow = newlyReached(more, '2024-05-02', later.record);
		expect(tomorrow.notify.map((s) => s.name)).toEqual(['Work', 'Media']);
		expect(tomorrow.record).toEqual({ day: '2024-05-02', names: ['Work', 'Media'] });
	});
});

describe('readNotified', () => {
	it('reads a kept record and refuses anything else', () => {
		expect(readNotified('{"day":"2024-05-01","names":["Work",3]}')).toEqual({
			day: '2024-05-01',
			names: ['Work']
		});
		expect(readNotified(null)).toBeNull();
		expect(readNotified('not json')).toBeNull();
		expect(readNotified('{"day":1,"names":[]}')).toBeNull();
		expect(readNotified('null')).toBeNull();
	});
});
