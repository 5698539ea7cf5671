/**
 * Instants and durations. Internally every instant is an integer number of microseconds since
 * the Unix epoch (UTC) and every duration an integer number of microseconds. A JavaScript number
 * holds such integers exactly until the year 2255 (2^53 microseconds); later instants, which the
 * API accepts up to the year 9999, round to a few microseconds.
 *
 * Parsing never uses `Date.parse`: it accepts non-ISO text ("May 1") and drops digits.
 */
import { HindsightError } from '../errors';

/** Microseconds since the Unix epoch, UTC; an integer. */
export type Instant = number;
/** A length of time in microseconds; an integer. */
export type Micros = number;

export const MICROS_PER_SECOND = 1_000_000;
export const MICROS_PER_MILLI = 1_000;
const MICROS_PER_DAY = 86_400 * MICROS_PER_SECOND;

/** The greatest instant Hindsight stores: 9999-12-31T23:59:59.999999Z. */
export const MAX_INSTANT = daysFromCivil(10000, 1, 1) * MICROS_PER_DAY - 1;
/** The smallest: 0000-01-01T00:00:00Z. */
export const MIN_INSTANT = daysFromCivil(0, 1, 1) * MICROS_PER_DAY;

export type ParseMode =
	/** RFC 3339 with a mandatory offset: query time periods. */
	| 'strict'
	/**
	 * What the REST API accepts (rest-api.md 2.1): RFC 3339, plus no offset (taken as UTC),
	 * offsets `+hhmm` and `+hh`, and a bare date (midnight UTC).
	 */
	| 'lenient';

const RFC3339 =
	/^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const mp = (month + 9) % 12;
	const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
	const z = days + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor(
		(doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
	);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return [era * 400 + yoe + (month <= 2 ? 1 : 0), month, day];
}

function daysInMonth(year: number, month: number): number {
	if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function invalid(text: string, why: string): HindsightError {
	return new HindsightError('invalid_timestamp', `Invalid timestamp '${text}': ${why}`, {
		value: text
	});
}

/** Parses an offset such as `Z`, `+02:00`, `-0530`, `+05` into minutes east of UTC. */
function parseOffset(text: string, offset: string | undefined, mode: ParseMode): number {
	if (offset === undefined) {
		if (mode === 'strict') throw invalid(text, 'a UTC offset (Z or ±hh:mm) is required');
		return 0;
	}
	if (offset === 'Z' || offset === 'z') return 0;
	const sign = offset[0] === '-' ? -1 : 1;
	const digits = offset.slice(1).replace(':', '');
	if (mode === 'strict' && !/^\d{2}:\d{2}$/.test(offset.slice(1))) {
		throw invalid(text, 'the offset must be written ±hh:mm');
	}
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
	if (hours > 23 || minutes > 59) throw invalid(text, 'the UTC offset is out of range');
	return sign * (hours * 60 + minutes);
}

/**
 * Parses an RFC 3339 date-time into microseconds since the epoch, converting the offset to UTC.
 * Fraction digits beyond the sixth are truncated. Throws `invalid_timestamp` for anything else.
 */
export function parseInstant(text: string, mode: ParseMode = 'lenient'): Instant {
	const m = RFC3339.exec(text);
	if (!m) throw invalid(text, 'expected an RFC 3339 date-time such as 2024-05-01T09:00:00Z');
	const [, ys, mos, ds, hs, mis, ss, frac, offset] = m;
	if (hs === undefined && mode === 'strict') throw invalid(text, 'a time of day is required');

	const year = Number(ys);
	const month = Number(mos);
	const day = Number(ds);
	if (month < 1 || month > 12) throw invalid(text, 'the month is out of range');
	if (day < 1 || day > daysInMonth(year, month)) throw invalid(text, 'the day is out of range');

	const hour = hs === undefined ? 0 : Number(hs);
	const minute = mis === undefined ? 0 : Number(mis);
	const second = ss === undefined ? 0 : Number(ss);
	if (hour > 23 || minute > 59 || second > 59)
		throw invalid(text, 'the time of day is out of range');

	const micros = frac === undefined ? 0 : Number(frac.slice(0, 6).padEnd(6, '0'));
	const offsetMinutes = parseOffset(text, offset, mode);
	const seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
	return (seconds - offsetMinutes * 60) * MICROS_PER_SECOND + micros;
}

/** Like parseInstant, but returns null instead of throwing. */
export function tryParseInstant(text: string, mode: ParseMode = 'lenient'): Instant | null {
	try {
		return parseInstant(text, mode);
	} catch {
		return null;
	}
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatParts(us: Instant): { date: string; fraction: string } {
	const seconds = Math.floor(us / MICROS_PER_SECOND);
	const sub = us - seconds * MICROS_PER_SECOND;
	const days = Math.floor(seconds / 86_400);
	const secOfDay = seconds - days * 86_400;
	const [year, month, day] = civilFromDays(days);
	const hh = Math.floor(secOfDay / 3600);
	const mm = Math.floor((secOfDay % 3600) / 60);
	const ss = secOfDay % 60;
	const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hh)}:${pad(mm)}:${pad(ss)}`;
	let fraction = '';
	if (sub !== 0) fraction = sub % 1000 === 0 ? `.${pad(sub / 1000, 3)}` : `.${pad(sub, 6)}`;
	return { date, fraction };
}

/**
 * Formats an instant as ActivityWatch's Rust server does: UTC with a `Z` suffix and the shortest
 * of 0, 3 or 6 fraction digits that loses nothing (`2018-01-01T01:01:01Z`, `...01.500Z`,
 * `...01.000250Z`).
 */
export function formatInstant(us: Instant): string {
	const { date, fraction } = formatParts(us);
	return `${date}${fraction}Z`;
}

/** The same, with a `+00:00` suffix instead of `Z` (the query language's TIMEINTERVAL form). */
export function formatInstantOffset(us: Instant): string {
	const { date, fraction } = formatParts(us);
	return `${date}${fraction}+00:00`;
}

/** Seconds (a float, as in JSON) to microseconds, rounded to the nearest microsecond. */
export function secondsToMicros(seconds: number): Micros {
	return Math.round(seconds * MICROS_PER_SECOND);
}

/** Microseconds to seconds, as written in JSON. */
export function microsToSeconds(us: Micros): number {
	return us / MICROS_PER_SECOND;
}

/** An instant as a `Date`, which holds milliseconds: the sub-millisecond part is dropped. */
export function instantToDate(us: Instant): Date {
	return new Date(Math.floor(us / MICROS_PER_MILLI));
}

/** A `Date` as an instant. */
export function dateToInstant(date: Date): Instant {
	return date.getTime() * MICROS_PER_MILLI;
}

/** The current time in microseconds (millisecond resolution). */
export function now(): Instant {
	return Date.now() * MICROS_PER_MILLI;
}
