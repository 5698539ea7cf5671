/**
 * Who may call the API: the Rust server's optional API key (rest-api.md 11.1) and the CORS
 * headers for OPTIONS and for cross-origin requests from controlled pages (11.2).
 */
import { HindsightError } from '../core/errors';

const encoder = new TextEncoder();

/**
 * Compares two strings in time that depends only on their lengths, so a caller cannot learn the
 * key one character at a time from response times.
 */
export function constantTimeEqual(a: string, b: string): boolean {
	const x = encoder.encode(a);
	const y = encoder.encode(b);
	const length = Math.max(x.length, y.length);
	let diff = x.length ^ y.length;
	for (let i = 0; i < length; i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
	return diff === 0;
}

/**
 * Throws `unauthorized` unless the request carries `Authorization: Bearer <apiKey>`. Callers skip
 * the check for `GET /api/0/info` and OPTIONS; an empty or absent key disables it.
 */
export function checkApiKey(request: Request, apiKey: string | null | undefined): void {
	if (!apiKey) return;
	const header = request.headers.get('Authorization') ?? '';
	const match = /^Bearer\s+(.+)$/i.exec(header.trim());
	if (match && constantTimeEqual(match[1], apiKey)) return;
	throw new HindsightError(
		'unauthorized',
		"This API needs an API key: send the header 'Authorization: Bearer <key>'"
	);
}

/** The headers a cross-origin caller needs to read a response (rest-api.md 11.2). */
export const CROSS_ORIGIN_HEADERS: Readonly<Record<string, string>> = {
	'Access-Control-Allow-Origin': '*',
	'Access-Control-Expose-Headers': 'Content-Disposition'
};

/** The answer to an OPTIONS request (rest-api.md 4.22): 200, empty, with Allow and CORS. */
export function optionsResponse(request: Request, allow: string[]): Response {
	const headers = new Headers(CROSS_ORIGIN_HEADERS);
	headers.set('Allow', allow.join(', '));
	headers.set('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
	const requested = request.headers.get('Access-Control-Request-Headers');
	if (requested) headers.set('Access-Control-Allow-Headers', requested);
	return new Response(null, { status: 200, headers });
}
