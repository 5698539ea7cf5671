/**
 * The engine's entry points: `runQuery` answers a query request (query-language.md section 1)
 * and `parseQuery` checks program text for the query explorer without running it.
 */
import { HindsightError } from '../errors';
import { createLogger } from '../log';
import type { Program } from './1-parse/ast';
import { joinQuery, parse } from './1-parse/parser';
import { Budget, type CancelSignal } from './3-eval/budget';
import { EvalContext, RequestState, type RunHooks } from './3-eval/context';
import { FUNCTIONS } from './3-eval/functions';
import { runProgram } from './3-eval/interpreter';
import { valueTooDeep } from './errors';
import { parsePeriod, type Period } from './period';
import type { EventSource } from './source';

const log = createLogger('query');

/** A query request as the REST API and the worker receive it. */
export type QueryRequest = {
	/** Program text, or lines that are joined with line feeds. */
	query: string | readonly string[];
	/** Periods `START/END`, RFC 3339 date-times with a mandatory UTC offset. */
	timeperiods: readonly string[];
	/** Exposed to the program as NAME; default "". */
	name?: string;
};

/**
 * The time budget of a run unless the caller sets one: JavaScript backtracks where the Rust
 * server's regex engine is linear, so a hostile pattern or an enormous period could otherwise
 * keep the service worker or the dashboard's worker busy indefinitely (query-language.md 11.3).
 * Generous: the dashboard's year summary takes a few seconds.
 */
export const DEFAULT_BUDGET_MS = 120_000;

/** Optional limits and callbacks of a run. */
export type RunOptions = RunHooks & {
	/**
	 * Stops the run with a `timeout` HindsightError once this many milliseconds have passed
	 * (default DEFAULT_BUDGET_MS; `Infinity` for none).
	 */
	budgetMs?: number;
	/** Stops the run with an `aborted` HindsightError once `signal.aborted` is true. */
	signal?: CancelSignal;
	/** Called after each period with the number of periods done and the total. */
	onProgress?: (done: number, total: number) => void;
};

function checkRequest(request: QueryRequest): void {
	const { query, timeperiods, name } = request;
	const lines = typeof query === 'string' ? [query] : query;
	if (!Array.isArray(lines) || !lines.every((line) => typeof line === 'string')) {
		throw new HindsightError(
			'invalid_argument',
			'The query must be a string or a list of strings',
			{
				field: 'query'
			}
		);
	}
	if (!Array.isArray(timeperiods) || !timeperiods.every((p) => typeof p === 'string')) {
		throw new HindsightError(
			'invalid_argument',
			"The timeperiods must be a list of 'START/END' strings",
			{
				field: 'timeperiods'
			}
		);
	}
	if (name !== undefined && typeof name !== 'string') {
		throw new HindsightError('invalid_argument', 'The query name must be a string', {
			field: 'name'
		});
	}
}

/** Recently parsed programs by text: the dashboard sends the same programs again and again. */
const PARSED = new Map<string, Program>();
const PARSED_LIMIT = 64;

/** Parses `text`, reusing the tree of an identical earlier program (trees are never modified). */
function parseCached(text: string): Program {
	let program = PARSED.get(text);
	if (program) {
		PARSED.delete(text);
	} else {
		program = parse(text);
		if (PARSED.size >= PARSED_LIMIT) PARSED.delete(PARSED.keys().next().value as string);
	}
	PARSED.set(text, program);
	return program;
}

/**
 * Parses program text (or a request's lines, joined with line feeds) into its syntax tree.
 * Throws a QueryError of kind ParsingError carrying the line, column and offsets of the
 * offending token.
 */
export function parseQuery(query: string | readonly string[]): Program {
	return parse(query);
}

/** Runs one period; a JavaScript stack overflow (from absurdly nested values) becomes a QueryError. */
async function runGuarded(program: Program, ctx: EvalContext): Promise<unknown> {
	try {
		return await runProgram(program, ctx);
	} catch (err) {
		if (err instanceof RangeError && /call stack/i.test(err.message)) valueTooDeep(err);
		throw err;
	}
}

/**
 * Runs a query request against `source`: the periods are checked first (TimeIntervalError),
 * then the program is parsed once (ParsingError), then it runs once per period in a fresh
 * namespace, in order. Resolves to one JSON-ready result per period; the first failure rejects
 * the whole request with a QueryError (or `timeout`/`aborted`). No periods give `[]` without
 * parsing, as both reference servers do.
 *
 * The results share event `data` objects with the source's events: treat them as read-only.
 */
export async function runQuery(
	request: QueryRequest,
	source: EventSource,
	options: RunOptions = {}
): Promise<unknown[]> {
	checkRequest(request);
	if (request.timeperiods.length === 0) return [];

	const started = performance.now();
	const periods: Period[] = request.timeperiods.map(parsePeriod);
	const program = parseCached(joinQuery(request.query));
	const state = new RequestState(
		source,
		new Budget(options.budgetMs ?? DEFAULT_BUDGET_MS, options.signal),
		options
	);

	const results: unknown[] = [];
	for (const period of periods) {
		const ctx = new EvalContext(state, period, request.name ?? '', FUNCTIONS);
		results.push(await runGuarded(program, ctx));
		options.onProgress?.(results.length, periods.length);
	}

	log.debug('query ran', { periods: periods.length, ms: Math.round(performance.now() - started) });
	return results;
}
