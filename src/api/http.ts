/**
 * Building the router's responses (rest-api.md 0.3): JSON bodies as UTF-8, empty-body successes,
 * a 304 with a null body (a service worker cannot build a 304 with one), and the one table that
 * maps error codes to HTTP statuses. Every API response carries `Cache-Control: no-store`.
 */
import type { ErrorCode, HindsightError } from '../core/errors';

const JSON_TYPE = 'application/json';

/** The HTTP status for each error code; codes not listed (storage, bugs) are 500. */
const STATUS_FOR_CODE: Partial<Record<ErrorCode, number>> = {
	invalid_json: 400,
	invalid_timestamp: 400,
	invalid_duration: 400,
	invalid_event: 400,
	invalid_bucket: 400,
	invalid_argument: 400,
	event_in_other_bucket: 400,
	invalid_import: 400,
	query_failed: 400,
	regex_compile: 400,
	unauthorized: 401,
	bucket_not_found: 404,
	event_not_found: 404,
	not_found: 404,
	method_not_allowed: 405
};

export function statusForCode(code: ErrorCode): number {
	return STATUS_FOR_CODE[code] ?? 500;
}

/** A JSON response; `body` is serialized with JSON.stringify. */
export function jsonResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
	return textResponse(JSON.stringify(body), status, headers);
}

/** A response whose body is already JSON text (a bare integer for `count`, for example). */
export function textResponse(text: string, status = 200, headers?: HeadersInit): Response {
	const all = new Headers(headers);
	all.set('Content-Type', JSON_TYPE);
	return new Response(text, { status, headers: all });
}

/** A success without content: 200 (or 201) with an empty body and no Content-Type. */
export function emptyResponse(status = 200): Response {
	return new Response(null, { status });
}

/** 304 Not Modified: the body must be null (rest-api.md 13). */
export function notModified(): Response {
	return new Response(null, { status: 304 });
}

/** The error body `{"message": ...}` with the status of the error's code. */
export function errorResponse(err: HindsightError): Response {
	return jsonResponse({ message: err.message }, statusForCode(err.code));
}
