import { describe, expect, it } from 'vitest';
import { formatPeriod, parsePeriod } from '../../../src/core/query/period';
import { QueryError } from '../../../src/core/query/errors';

describe('parsePeriod', () => {
	it('reads two RFC 3339 instants with offsets, converting to UTC', () => {
		const period = parsePeriod('2000-01-01T01:00:00+01:00/2000-01-02T00:00:00.5Z');
		expect(period).toEqual({
			start: Date.UTC(2000, 0, 1) * 1000,
			end: Date.UTC(2000, 0, 2) * 1000 + 500_000
		});
	});

	it('accepts a start after the end', () => {
		const { start, end } = parsePeriod('2000-01-02T00:00:00Z/2000-01-01T00:00:00Z');
		expect(start > end).toBe(true);
	});

	it('rejects anything else with a TimeIntervalError quoting the text', () => {
		for (const text of [
			'2000-01-01T00:00:00Z',
			'2000-01-01T00:00:00Z/2000-01-02T00:00:00Z/2000-01-03T00:00:00Z',
			'2000-01-01/2000-01-02',
			'2000-01-01T00:00:00/2000-01-02T00:00:00',
			'2000-01-01T00:00:00+0100/2000-01-02T00:00:00Z',
			'garbage/garbage',
			''
		]) {
			let error: unknown;
			try {
				parsePeriod(text);
			} catch (err) {
				error = err;
			}
			expect(error).toBeInstanceOf(QueryError);
			expect((error as QueryError).kind).toBe('TimeIntervalError');
			expect((error as QueryError).message).toContain(`'${text}'`);
		}
	});
});

describe('formatPeriod', () => {
	it('writes both ends in UTC with +00:00 and the shortest exact fraction', () => {
		const period = parsePeriod('2000-01-01T00:00:00.00025+01:30/2000-01-01T00:00:00.5-05:00');
		expect(formatPeriod(period)).toBe(
			'1999-12-31T22:30:00.000250+00:00/2000-01-01T05:00:00.500+00:00'
		);
	});
});
