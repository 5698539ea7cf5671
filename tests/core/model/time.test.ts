import { describe, expect, it } from 'vitest';
import {
	dateToInstant,
	instantToDate,
	formatInstant,
	formatInstantOffset,
	parseInstant,
	tryParseInstant
} from '../../../src/core/model/time';

const T = (s: string) => parseInstant(s);

describe('parseInstant', () => {
	it('reads RFC 3339 with Z, offsets and fractions', () => {
		expect(T('1970-01-01T00:00:00Z')).toBe(0);
		expect(T('1970-01-01T00:00:01.5Z')).toBe(1_500_000);
		expect(T('1970-01-01T02:00:00+02:00')).toBe(0);
		expect(T('1969-12-31T19:00:00-05:00')).toBe(0);
		expect(T('2018-01-01T01:01:01.123456+00:00')).toBe(
			Date.UTC(2018, 0, 1, 1, 1, 1, 123) * 1000 + 456
		);
		expect(T('2024-05-01 11:00:00.5+02:00')).toBe(Date.UTC(2024, 4, 1, 9, 0, 0, 500) * 1000);
		expect(T('2024-05-01t11:00:00,25z')).toBe(Date.UTC(2024, 4, 1, 11, 0, 0, 250) * 1000);
	});

	it('truncates fraction digits beyond the sixth', () => {
		expect(T('1970-01-01T00:00:00.1234569Z')).toBe(123_456);
	});

	it('accepts the lenient forms only in lenient mode', () => {
		expect(T('2024-05-01T00:00:00')).toBe(Date.UTC(2024, 4, 1) * 1000);
		expect(T('2024-05-01T02:00:00+0200')).toBe(Date.UTC(2024, 4, 1) * 1000);
		expect(T('2024-05-01T02:00:00+02')).toBe(Date.UTC(2024, 4, 1) * 1000);
		expect(T('2024-05-01')).toBe(Date.UTC(2024, 4, 1) * 1000);
		for (const s of ['2024-05-01T00:00:00', '2024-05-01', '2024-05-01T00:00:00+0200']) {
			expect(() => parseInstant(s, 'strict')).toThrow(/Invalid timestamp/);
		}
	});

	it('rejects garbage and out-of-range fields with invalid_timestamp', () => {
		for (const s of [
			'2020',
			'May 1',
			'',
			'2024-13-01T00:00:00Z',
			'2023-02-29T00:00:00Z',
			'2024-05-01T24:00:00Z',
			'2024-05-01T00:60:00Z',
			'2024-05-01T00:00:00+25:00',
			' 2024-05-01T00:00:00Z',
			'2024-05-01T00:00:00.Z'
		]) {
			expect(tryParseInstant(s), s).toBeNull();
			expect(() => parseInstant(s), s).toThrow(
				expect.objectContaining({ code: 'invalid_timestamp' })
			);
		}
		expect(T('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29) * 1000);
	});

	it('handles dates before 1970 and far years', () => {
		expect(T('1980-01-01T00:00:00Z')).toBe(Date.UTC(1980, 0, 1) * 1000);
		expect(T('1960-06-15T12:30:00.25Z')).toBe(Date.UTC(1960, 5, 15, 12, 30, 0, 250) * 1000);
		expect(T('0001-01-01T00:00:00Z')).toBe(-62_135_596_800 * 1_000_000);
		expect(formatInstant(T('2255-06-01T23:59:59.999999Z'))).toBe('2255-06-01T23:59:59.999999Z');
		// Past 2255 microseconds exceed 2^53 and round, but seconds stay exact up to 9999.
		expect(formatInstant(T('9999-12-31T23:59:59Z'))).toBe('9999-12-31T23:59:59Z');
	});
});

describe('formatInstant', () => {
	it('prints the shortest of 0, 3 or 6 fraction digits with Z', () => {
		expect(formatInstant(T('2018-01-01T01:01:01Z'))).toBe('2018-01-01T01:01:01Z');
		expect(formatInstant(T('2018-01-01T01:01:01.5Z'))).toBe('2018-01-01T01:01:01.500Z');
		expect(formatInstant(T('2018-01-01T01:01:01.000250Z'))).toBe('2018-01-01T01:01:01.000250Z');
		expect(formatInstant(T('2000-01-01T00:00:02.500250Z'))).toBe('2000-01-01T00:00:02.500250Z');
	});

	it('uses floor division before 1970', () => {
		expect(formatInstant(-1)).toBe('1969-12-31T23:59:59.999999Z');
		expect(formatInstant(-1000)).toBe('1969-12-31T23:59:59.999Z');
		expect(formatInstant(T('1960-06-15T12:30:00.25Z'))).toBe('1960-06-15T12:30:00.250Z');
	});

	it('has a +00:00 form for TIMEINTERVAL', () => {
		expect(formatInstantOffset(T('2000-01-02T00:00:00.5Z'))).toBe('2000-01-02T00:00:00.500+00:00');
	});

	it('round-trips through parseInstant', () => {
		for (const us of [0, 1, 999, 1000, 1_000_001, 1_700_000_000_123_456, -86_400_000_001]) {
			expect(parseInstant(formatInstant(us))).toBe(us);
		}
	});
});

describe('instantToDate and dateToInstant', () => {
	it('turns an instant into a Date, dropping the sub-millisecond part', () => {
		expect(instantToDate(1_500_999).getTime()).toBe(1500);
		expect(instantToDate(-1).getTime()).toBe(-1);
	});

	it('turns a Date into an instant', () => {
		expect(dateToInstant(new Date(1500))).toBe(1_500_000);
		expect(instantToDate(dateToInstant(new Date(Date.UTC(2024, 4, 1))))).toEqual(
			new Date(Date.UTC(2024, 4, 1))
		);
	});
});
