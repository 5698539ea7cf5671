import { expect, it } from 'vitest';
import type { Event } from '../../../src/core/model/event';
import { mergeEventsByKeys, sortByDuration } from '../../../src/core/transforms';
import {
	addEvents,
	emptyGroups,
	groupToJson,
	mergeGroups,
	regroup,
	sortGroups,
	sumToSeconds
} from '../../../src/worker/summary/groups';
import { splitByDays, piecesWithin } from '../../../src/worker/summary/day';

const ev = (timestamp: number, duration: number, data: Event['data']): Event => ({
	id: null,
	timestamp,
	duration,
	data
});

const events: Event[] = [
	ev(0, 5, { app: 'a', title: 'x' }),
	ev(10, 7, { app: 'b', title: 'y' }),
	ev(20, 5, { app: 'a', title: 'x', extra: 1 }),
	ev(30, 4, { title: 'no app' }),
	ev(40, 12, { app: 'b', title: 'z' }),
	ev(50, 3, { app: 'a', title: 'w' })
];

it('merges day groups into the groups of the whole list, as merge_events_by_keys does', () => {
	const whole = mergeEventsByKeys(events, ['app', 'title']);
	const first = emptyGroups();
	addEvents(first, events.slice(0, 3), ['app', 'title']);
	const second = emptyGroups();
	addEvents(second, events.slice(3), ['app', 'title']);
	const merged = emptyGroups();
	mergeGroups(merged, first);
	mergeGroups(merged, second);
	expect(merged.list.map((g) => [g.timestamp, g.duration, g.data])).toEqual(
		whole.map((e) => [e.timestamp, e.duration, e.data])
	);
	expect(first.list[0].duration).toBe(10);
});

it('sorts stably by duration and regroups sorted rows by app like the summary query', () => {
	const groups = emptyGroups();
	addEvents(groups, events, ['app', 'title']);
	const sorted = sortGroups(groups.list);
	const expected = sortByDuration(mergeEventsByKeys(events, ['app', 'title']));
	expect(sorted.map((g) => g.duration)).toEqual(expected.map((e) => e.duration));
	const apps = sortGroups(regroup(sorted, ['app']).list);
	const expectedApps = sortByDuration(mergeEventsByKeys(expected, ['app']));
	expect(apps.map((g) => [g.duration, g.data.title])).toEqual(
		expectedApps.map((e) => [e.duration, e.data.title])
	);
});

it('sums like sum_durations, truncating to milliseconds', () => {
	expect(sumToSeconds(1_000_500 + 1_000_500)).toBe(2.001);
	expect(sumToSeconds(1_999_900)).toBe(1.999);
	expect(groupToJson({ key: 'k', timestamp: 0, duration: 1_500_000, data: {} })).toEqual({
		id: null,
		timestamp: '1970-01-01T00:00:00Z',
		duration: 1.5,
		data: {}
	});
});

it('splits events across days exactly as clipping each day would', () => {
	const days = [
		{ start: 0, end: 10 },
		{ start: 10, end: 25 },
		{ start: 25, end: 40 }
	];
	const list = [
		ev(5, 30, { a: 1 }),
		ev(10, 0, { z: 1 }),
		ev(12, 3, { b: 1 }),
		ev(40, 0, { end: 1 }),
		ev(-5, 8, { before: 1 })
	];
	const split = splitByDays(list, days, true);
	days.forEach((d, i) =>
		expect(split[i]).toEqual(piecesWithin(list, d.start, d.end, i === days.length - 1))
	);
	expect(split[0].map((e) => [e.timestamp, e.duration])).toEqual([
		[5, 5],
		[0, 3]
	]);
	expect(split[2].map((e) => e.data)).toEqual([{ a: 1 }, { end: 1 }]);
});
