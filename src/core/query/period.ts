/**
 * Time periods `START/END` (query-language.md sections 1 and 5.1): two RFC 3339 instants with a
 * mandatory UTC offset, separated by exactly one `/`. A start after the end is legal (bucket
 * reads inside such a period return nothing).
 */
import { formatInstantOffset, parseInstant, type Instant } from '../model/time';
import { invalidTimeInterval } from './errors';

/** A period in microseconds since the epoch; `start > end` is allowed. */
export type Period = { start: Instant; end: Instant };

/** Parses a request period or a TIMEINTERVAL value; throws a TimeIntervalError. */
export function parsePeriod(text: string): Period {
	const parts = text.split('/');
	if (parts.length !== 2) {
		invalidTimeInterval(text, 'expected two RFC 3339 date-times separated by one "/"');
	}
	const [start, end] = parts.map((part) => {
		try {
			return parseInstant(part, 'strict');
		} catch (err) {
			invalidTimeInterval(text, (err as Error).message);
		}
	});
	return { start, end };
}

/**
 * The TIMEINTERVAL string of a period: both ends in UTC written with `+00:00`, e.g.
 * `2000-01-01T00:00:00+00:00/2000-01-02T00:00:00.500+00:00`.
 */
export function formatPeriod(period: Period): string {
	return `${formatInstantOffset(period.start)}/${formatInstantOffset(period.end)}`;
}
