/**
 * Reading the request: path segments, query parameters (timestamps with the `+` repair of
 * rest-api.md 2.4, `limit`, `pulsetime`) and JSON bodies, which are parsed whatever the
 * Content-Type says (0.2). Every failure is a HindsightError that quotes the culprit.
 */
import { HindsightError } from '../core/errors';
import { parseInstant, type Instant } from '../core/model/time';
import type { JsonValue } from '../core/model/json';

/**
 * Splits a URL path into its non-empty segments, percent-decoded one by one after splitting, so
 * `%2F` stays inside its segment and repeated or trailing slashes do not matter. A segment that
 * is not valid percent-encoding is kept as written (a bare `%` in a bucket id some clients send
 * unescaped).
 */
export function pathSegments(pathname: string): string[] {
	return pathname
		.split('/')
		.filter((segment) => segment !== '')
		.map((segment) => {
			try {
				return decodeURIComponent(segment);
			} catch {
				return segment;
			}
		});
}

// An offset whose `+` a form decoder turned into a space: `... 02:00`, `... 0200`, `... 02`.
const SPACED_OFFSET = / (\d{2}(?::?\d{2})?)$/;

/** Parses a timestamp parameter, retrying with `+` when a space stands in front of an offset. */
export function parseTimeParam(name: string, text: string): Instant {
	try {
		return parseInstant(text, 'lenient');
	} catch (err) {
		if (SPACED_OFFSET.test(text)) {
			try {
				return parseInstant(text.replace(SPACED_OFFSET, '+$1'), 'lenient');
			} catch {
				// Report the original text below.
			}
		}
		const reason = err instanceof Error ? err.message : String(err);
		throw new HindsightError('invalid_timestamp', `Parameter '${name}': ${reason}`, {
			parameter: name,
			value: text
		});
	}
}

/** The first present parameter among `names`, parsed as a timestamp; undefined when absent. */
export function optionalTimeParam(url: URL, ...names: string[]): Instant | undefined {
	for (const name of names) {
		const value = url.searchParams.get(name);
		if (value !== null && value !== '') return parseTimeParam(name, value);
	}
	return undefined;
}

/** `limit`: absent, negative or unparseable means no limit (the Rust server's leniency). */
export function limitParam(url: URL): number | undefined {
	const text = url.searchParams.get('limit');
	if (text === null || !/^\s*[+-]?\d+\s*$/.test(text)) return undefined;
	const limit = Number(text);
	return limit < 0 || !Number.isSafeInteger(limit) ? undefined : limit;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** `pulsetime`: a required number of seconds in decimal notation. */
export function pulsetimeParam(url: URL): number {
	const text = url.searchParams.get('pulsetime');
	if (text === null || text === '') {
		throw new HindsightError(
			'invalid_argument',
			"The heartbeat needs a 'pulsetime' query parameter (seconds), e.g. ?pulsetime=60",
			{ parameter: 'pulsetime' }
		);
	}
	const value = Number(text);
	if (!DECIMAL.test(text.trim()) || !Number.isFinite(value)) {
		throw new HindsightError(
			'invalid_argument',
			`Parameter 'pulsetime' must be a number of seconds, got '${text}'`,
			{ parameter: 'pulsetime', value: text }
		);
	}
	return value;
}

/** The body as JSON, whatever the Content-Type; 400 when it is empty or not JSON. */
export async function readJson(request: Request): Promise<JsonValue> {
	return parseJsonText(await request.text(), 'request body');
}

/** Parses JSON text, naming `what` in the error (a body, a multipart part). */
export function parseJsonText(text: string, what: string): JsonValue {
	if (text.trim() === '') {
		throw new HindsightError('invalid_json', `The ${what} is empty; send JSON`, { what });
	}
	try {
		return JSON.parse(text) as JsonValue;
	} catch (err) {
		const reason = err instanceof Error ? err.message : String(err);
		throw new HindsightError('invalid_json', `The ${what} is not valid JSON: ${reason}`, {
			what
		});
	}
}
