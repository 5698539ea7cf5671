import { describe, expect, it } from 'vitest';
import { formatAgo, formatDuration, formatInstantTime } from '../../../src/ui/lib/format';

describe('format', () => {
	it('writes durations in the largest two units', () => {
		expect(formatDuration(7500)).toBe('2h 05m');
		expect(formatDuration(750)).toBe('12m 30s');
		expect(formatDuration(44.6)).toBe('45s');
		expect(formatDuration(-3)).toBe('0s');
	});

	it('writes an instant as local date and time, and a dash for none', () => {
		const us = new Date(2024, 4, 1, 9, 30, 15).getTime() * 1000 + 250;
		expect(formatInstantTime(us)).toBe('2024-05-01 09:30:15');
		expect(formatInstantTime(null)).toBe('—');
	});

	it('says how long ago, coarsely', () => {
		const now = Date.UTC(2024, 4, 1, 12);
		expect(formatAgo(now - 30_000, now)).toBe('just now');
		expect(formatAgo(now - 5 * 60_000, now)).toBe('5 min ago');
		expect(formatAgo(now - 3 * 3_600_000, now)).toBe('3 h ago');
		expect(formatAgo(now - 2 * 86_400_000, now)).toBe('2 days ago');
	});
});
