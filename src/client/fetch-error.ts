/**
 * The rejection for HTTP error statuses (client.md 3.3). It serves three generations of
 * callers at once: aw-client-js 0.4 reads `await err.response.json()` (so the response body is
 * left unread), code written for the axios-based 0.3 reads `err.response.data.message` and
 * tests `err.isAxiosError`, and new code reads `err.status` and `err.data`.
 */

/** A `Response` that also carries its parsed body as `data`, as axios responses do. */
export type FetchErrorResponse = Response & { data?: unknown };

export class FetchError extends Error {
	override readonly name = 'FetchError';
	readonly status: number;
	readonly response: FetchErrorResponse;
	/** The parsed JSON body, or its text when it is not JSON, or undefined when empty. */
	readonly data: unknown;
	/** For code written against aw-client 0.3, which tells HTTP errors apart by this flag. */
	readonly isAxiosError = true;

	constructor(method: string, path: string, response: Response, data: unknown) {
		const detail = serverMessage(data);
		const suffix = detail === undefined ? '' : `: ${detail}`;
		super(`${method} ${path} failed with HTTP status ${response.status}${suffix}`);
		this.status = response.status;
		this.data = data;
		Object.defineProperty(response, 'data', { value: data, enumerable: true, writable: true });
		this.response = response;
	}
}

/** The `message` of an error body `{"message": "..."}`, if there is one. */
export function serverMessage(data: unknown): string | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const message = (data as { message?: unknown }).message;
	return typeof message === 'string' ? message : undefined;
}
