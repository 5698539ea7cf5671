/**
 * `POST /api/0/query/` (rest-api.md section 8): checks the body's shape, then hands the program
 * and periods to the query engine. Program errors answer 400 with the Rust server's error kind
 * as `type`, and the position of a parse error.
 */
import { HindsightError, toHindsightError, type ErrorCode } from '../../core/errors';
import { isJsonObject, type JsonValue } from '../../core/model/json';
import { jsonResponse, statusForCode } from '../http';
import { readJson } from '../params';
import type { Handler, QueryInput } from '../types';

/** The error kind for failures that reach the endpoint without a `kind` of their own. */
const KIND_FOR_CODE: Partial<Record<ErrorCode, string>> = {
	regex_compile: 'RegexCompileError',
	bucket_not_found: 'BucketQueryError',
	invalid_timestamp: 'TimeIntervalError'
};

function isStringList(value: JsonValue | undefined): value is string[] {
	return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Validates `{"query": [...], "timeperiods": [...]}`, both lists of strings. */
function parseQueryBody(raw: JsonValue, name: string | null): QueryInput {
	if (!isJsonObject(raw)) {
		throw new HindsightError('invalid_argument', 'The query request must be a JSON object');
	}
	for (const field of ['query', 'timeperiods']) {
		if (!isStringList(raw[field])) {
			throw new HindsightError(
				'invalid_argument',
				`The query request needs '${field}', a list of strings`,
				{ field }
			);
		}
	}
	const input: QueryInput = {
		query: raw.query as string[],
		timeperiods: raw.timeperiods as string[]
	};
	if (name !== null) input.name = name;
	return input;
}

/** The 400 body of a failed program: `{type, message}` plus `line`, `column`, `offset`. */
function queryErrorResponse(err: HindsightError): Response {
	const details = err.details ?? {};
	const kind = typeof details.kind === 'string' ? details.kind : KIND_FOR_CODE[err.code];
	if (!kind) throw err;

	const body: Record<string, unknown> = { type: kind, message: err.message };
	for (const key of ['line', 'column', 'offset']) {
		if (typeof details[key] === 'number') body[key] = details[key];
	}
	return jsonResponse(body, statusForCode(err.code) === 500 ? 500 : 400);
}

export const postQuery: Handler = async ({ datastore, runQuery, request, url }) => {
	const input = parseQueryBody(await readJson(request), url.searchParams.get('name'));
	try {
		return jsonResponse(await runQuery(input, datastore));
	} catch (err) {
		return queryErrorResponse(toHindsightError(err));
	}
};
