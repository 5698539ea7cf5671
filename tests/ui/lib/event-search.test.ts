import { describe, expect, it } from 'vitest';
import { HindsightError } from '../../../src/core/errors';
import { EXTENSION_CLIENT } from '../../../src/core/bridge-protocol';
import { regexCompileError } from '../../../src/core/regex/errors';
import { dateRange, hostSources, regexMessage, weekBefore } from '../../../src/ui/lib/event-search';
import type { Calendar } from '../../../src/ui/lib/periods';

const CALENDAR: Calendar = { dayOffsetMinutes: 4 * 60, weekStart: 'Monday' };

describe('dateRange', () => {
	it('runs from the start of the first day to the start of the last, at the day offset', () => {
		const range = dateRange('2026-05-04', '2026-05-06', CALENDAR);
		expect(range).toEqual({ start: new Date(2026, 4, 4, 4), end: new Date(2026, 4, 6, 4) });
	});

	it('says what is wrong with missing or reversed dates', () => {
		expect(dateRange('', '2026-05-06', CALENDAR)).toBe('Choose a start and an end date.');
		expect(dateRange('2026-05-04', 'May 6', CALENDAR)).toBe('Choose a start and an end date.');
		expect(dateRange('2026-05-06', '2026-05-06', CALENDAR)).toBe(
			'The start date must be before the end date.'
		);
		expect(dateRange('2026-05-07', '2026-05-06', CALENDAR)).toBe(
			'The start date must be before the end date.'
		);
	});
});

describe('weekBefore', () => {
	it('moves a day back seven days, across a month and a year', () => {
		expect(weekBefore('2026-05-14')).toBe('2026-05-07');
		expect(weekBefore('2026-03-03')).toBe('2026-02-24');
		expect(weekBefore('2026-01-05')).toBe('2025-12-29');
	});

	it('leaves text that is no date as it is', () => {
		expect(weekBefore('')).toBe('');
		expect(weekBefore('soon')).toBe('soon');
	});
});

describe('hostSources', () => {
	const bucket = (id: string, type: string, hostname: string, client = 'aw-watcher') => ({
		id,
		type,
		client,
		hostname
	});

	it("gives the host's window, AFK and browser buckets", () => {
		const list = [
			bucket('aw-watcher-web-firefox', 'web.tab.current', 'unknown'),
			bucket('aw-watcher-afk_desk', 'afkstatus', 'desk'),
			bucket('aw-watcher-window_desk', 'currentwindow', 'desk'),
			bucket('aw-watcher-afk_other', 'afkstatus', 'other')
		];
		expect(hostSources(list, 'desk')).toEqual({
			windowBucket: 'aw-watcher-window_desk',
			afkBucket: 'aw-watcher-afk_desk',
			browserBuckets: ['aw-watcher-web-firefox'],
			browserOnly: false
		});
	});

	it("marks the extension's focus stream as browser-only data", () => {
		const list = [
			bucket('aw-watcher-window_laptop', 'currentwindow', 'laptop', EXTENSION_CLIENT),
			bucket('aw-watcher-afk_laptop', 'afkstatus', 'laptop', EXTENSION_CLIENT),
			bucket('aw-watcher-web-chrome_laptop', 'web.tab.current', 'laptop', EXTENSION_CLIENT)
		];
		expect(hostSources(list, 'laptop')?.browserOnly).toBe(true);
	});

	it('is null for a host without window or AFK data', () => {
		const list = [bucket('aw-watcher-afk_desk', 'afkstatus', 'desk')];
		expect(hostSources(list, 'desk')).toBeNull();
		expect(hostSources(list, 'nowhere')).toBeNull();
	});
});

describe('regexMessage', () => {
	it("gives the engine's message for a pattern that does not compile, also serialized", () => {
		const error = regexCompileError('a(', 'unclosed group', 1);
		expect(regexMessage(error)).toBe(error.message);
		expect(regexMessage(error.toJSON())).toBe(error.message);
	});

	it('is null for any other error', () => {
		expect(
			regexMessage(new HindsightError('bucket_not_found', "There is no bucket 'x'"))
		).toBeNull();
		expect(regexMessage(new Error('boom'))).toBeNull();
	});
});
