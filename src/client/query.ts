/**
 * The three call forms of `query` (client.md section 7): telling them apart from the argument
 * types, turning each into one `POST /0/query/` body, and aw-client-js's in-memory result
 * cache, which skips periods already answered (never periods reaching into the future, and
 * empty results only on request).
 */
import { HindsightError } from '../core/errors';
import { createLogger } from '../core/log';
import { tryParseInstant } from '../core/model/time';
import type { QueryParams } from './transport';
import type { Timeperiod } from './types';

const log = createLogger('client');

/** The aw-client-js form's options. `name` and `verbose` only label debug output. */
export type QueryOptions = {
	cache?: boolean;
	cacheEmpty?: boolean;
	verbose?: boolean;
	name?: string;
};

/** One resolved call: the body to post, how errors are judged, and the cache settings. */
export type QueryCall = {
	lines: string[];
	periods: string[];
	params?: QueryParams;
	/** 300 for the aw-client-js form, 400 for the Python forms. */
	errorFrom: 300 | 400;
	/** aw-client-js form only. */
	cache?: Required<Pick<QueryOptions, 'cache' | 'cacheEmpty' | 'verbose' | 'name'>>;
};

type Bound = Date | string;

const OFFSET = /[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/;

/** A Python-form bound: a `Date`, or a string that must carry a UTC offset. */
function boundText(bound: unknown, which: string): string {
	if (bound instanceof Date) return bound.toISOString();
	if (typeof bound === 'string' && OFFSET.test(bound)) return bound;
	throw new HindsightError(
		'invalid_timestamp',
		`The query's ${which} time ${JSON.stringify(String(bound))} has no UTC offset: pass a Date or a string ending in Z or ±hh:mm`,
		{ field: which }
	);
}

function periodText(period: Timeperiod): string {
	if (typeof period === 'string') return period;
	return `${period.start.toISOString()}/${period.end.toISOString()}`;
}

function pythonCall(query: string, pairs: [Bound, Bound][], name: unknown, cache: unknown) {
	const periods = pairs.map((pair) => {
		if (!Array.isArray(pair) || pair.length !== 2) {
			throw new TypeError(
				`Each query time period must be a [start, end] pair, got ${String(pair)}`
			);
		}
		return `${boundText(pair[0], 'start')}/${boundText(pair[1], 'end')}`;
	});
	if (cache && typeof name !== 'string') {
		throw new HindsightError(
			'invalid_argument',
			'A cached query needs a name: pass name with cache',
			{
				field: 'name'
			}
		);
	}
	const params = cache ? { name: name as string, cache: 1 } : undefined;
	return { lines: query.split('\n'), periods, params, errorFrom: 400 as const };
}

/**
 * Resolves `query(...)` arguments: first argument an array is the aw-client-js form; a string
 * with an array second is the current Python form; a string with a `Date` or string second is
 * the older single-period Python form. Anything else is a `TypeError`.
 */
export function resolveQuery(args: unknown[]): QueryCall {
	const [first, second, third, fourth, fifth] = args;
	if (Array.isArray(first)) {
		if (!Array.isArray(second))
			throw new TypeError('query(timeperiods, query): query must be an array of lines');
		const options = (third ?? {}) as QueryOptions;
		const cache = {
			cache: options.cache ?? true,
			cacheEmpty: options.cacheEmpty ?? false,
			verbose: options.verbose ?? false,
			name: options.name ?? 'query'
		};
		return {
			lines: second as string[],
			periods: (first as Timeperiod[]).map(periodText),
			errorFrom: 300,
			cache
		};
	}
	if (typeof first !== 'string') {
		throw new TypeError(
			`query(): the first argument must be an array of periods or the query text, got ${typeof first}`
		);
	}
	if (Array.isArray(second)) return pythonCall(first, second as [Bound, Bound][], third, fourth);
	if (second instanceof Date || typeof second === 'string') {
		return pythonCall(first, [[second, third as Bound]], fourth, fifth);
	}
	throw new TypeError(
		`query(text, ...): the second argument must be periods or a start time, got ${typeof second}`
	);
}

function isEmpty(result: unknown): boolean {
	return typeof result === 'object' && result !== null && Object.keys(result).length === 0;
}

function endsInFuture(period: string): boolean {
	const end = period.slice(period.indexOf('/') + 1);
	const micros = tryParseInstant(end, 'lenient');
	const ms = micros === null ? Date.parse(end) : micros / 1000;
	return !(ms <= Date.now());
}

/** aw-client-js's per-client query cache (client.md 7.2). */
export class QueryCache {
	private readonly results = new Map<string, unknown>();

	/** Answers `call`, posting only the periods the cache cannot serve, through `send`. */
	async run(call: QueryCall, send: (periods: string[]) => Promise<unknown[]>): Promise<unknown[]> {
		const settings = call.cache;
		if (!settings?.cache) return send(call.periods);

		const keyOf = (period: string) => JSON.stringify({ timeperiod: period, query: call.lines });
		const hit = (period: string) => {
			if (endsInFuture(period) || !this.results.has(keyOf(period))) return false;
			return settings.cacheEmpty || !isEmpty(this.results.get(keyOf(period)));
		};
		const missing = call.periods.filter((p) => !hit(p));
		log.debug('query cache', {
			name: settings.name,
			periods: call.periods.length,
			sent: missing.length
		});

		if (missing.length > 0) {
			const answers = await send(missing);
			missing.forEach((period, i) => this.results.set(keyOf(period), answers[i]));
		}
		return call.periods.map((period) => this.results.get(keyOf(period)));
	}
}
