/**
 * One HTTP exchange with the API (client.md section 3): builds the URL under `<base>/api`,
 * adds the JSON body and the bearer token, bounds the request by a signal and a timeout, parses
 * the answer as JSON whatever its content type, and turns error statuses into `FetchError`.
 *
 * The transport is always called with a single `Request`, so the in-process API handler
 * (`(request: Request) => Promise<Response>`) works as a transport as well as `fetch`. Because
 * such a handler may ignore the request's signal, the exchange also races the signal itself.
 */
import { createLogger } from '../core/log';
import { FetchError } from './fetch-error';
import type { FetchLike } from './types';

const log = createLogger('client');

/** What the transport needs from the client; read on every call, so changes apply at once. */
export type TransportConfig = {
	readonly baseURL: string;
	readonly token?: string | undefined;
	readonly fetch: FetchLike;
};

export type QueryParams = Record<string, string | number | undefined | null>;

export type ApiRequest = {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** Path under `<base>/api`, e.g. `/0/buckets/`. */
	path: string;
	query?: QueryParams;
	/** A value to send as JSON. */
	json?: unknown;
	/** A body sent as it is (the `req` shim's FormData and text). */
	body?: BodyInit;
	headers?: Record<string, string>;
	/** Statuses from this one upwards reject: 300 for aw-client-js names, 400 for Python names. */
	errorFrom: 300 | 400;
	signal: AbortSignal;
	/** Milliseconds; 0 or less means no timeout. */
	timeout: number;
};

export type ApiResult = { status: number; headers: Headers; data: unknown };

/** Percent-encodes one path segment (bucket ids may hold any character, `/` included). */
export function segment(value: string | number): string {
	return encodeURIComponent(String(value));
}

export function buildURL(baseURL: string, path: string, query?: QueryParams): string {
	let url = `${baseURL}/api${path}`;
	if (query) {
		const params = new URLSearchParams();
		for (const [key, value] of Object.entries(query)) {
			if (value !== undefined && value !== null) params.append(key, String(value));
		}
		const text = params.toString();
		if (text) url += `?${text}`;
	}
	return url;
}

/**
 * A signal that aborts with the caller's reason, or with a `TimeoutError` after `timeout` ms.
 * Built by hand rather than with `AbortSignal.any`/`AbortSignal.timeout`: Node 20 can collect
 * the timeout signal behind such a composite before it fires, leaving the request hanging.
 */
export function boundedSignal(
	signal: AbortSignal,
	timeout: number
): { signal: AbortSignal; done(): void } {
	if (!(timeout > 0) || !Number.isFinite(timeout)) return { signal, done: () => {} };
	const bounded = new AbortController();
	const follow = () => bounded.abort(signal.reason);
	const timer = setTimeout(() => {
		bounded.abort(new DOMException(`The request took longer than ${timeout} ms`, 'TimeoutError'));
	}, timeout);
	if (signal.aborted) follow();
	else signal.addEventListener('abort', follow, { once: true });
	const done = () => {
		clearTimeout(timer);
		signal.removeEventListener('abort', follow);
	};
	return { signal: bounded.signal, done };
}

function buildRequest(config: TransportConfig, request: ApiRequest, signal: AbortSignal): Request {
	const headers = new Headers(request.headers);
	let body = request.body;
	if (request.json !== undefined) {
		body = JSON.stringify(request.json);
		headers.set('Content-Type', 'application/json');
	}
	if (config.token && !headers.has('Authorization')) {
		headers.set('Authorization', `Bearer ${config.token}`);
	}
	const url = buildURL(config.baseURL, request.path, request.query);
	return new Request(url, { method: request.method, headers, body, signal });
}

/** Resolves like `promise`, or rejects with the signal's reason as soon as it aborts. */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
	if (signal.aborted) return Promise.reject(signal.reason);
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => reject(signal.reason);
		signal.addEventListener('abort', onAbort, { once: true });
		promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
	});
}

/** Parses a body as JSON; an empty body gives undefined, text that is not JSON stays text. */
export function parseBody(text: string): unknown {
	if (text === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/**
 * Performs the exchange. Resolves to status, headers and parsed body; rejects with `FetchError`
 * for statuses from `errorFrom` upwards, and with the transport's own error (a `TypeError`, an
 * `AbortError` or a `TimeoutError`) when no response arrived.
 */
export async function callApi(config: TransportConfig, request: ApiRequest): Promise<ApiResult> {
	const { signal, done } = boundedSignal(request.signal, request.timeout);
	try {
		return await exchange(config, request, signal);
	} finally {
		done();
	}
}

async function exchange(
	config: TransportConfig,
	request: ApiRequest,
	signal: AbortSignal
): Promise<ApiResult> {
	const started = Date.now();
	const response = await raceSignal(config.fetch(buildRequest(config, request, signal)), signal);
	log.debug('response', {
		method: request.method,
		path: request.path,
		status: response.status,
		ms: Date.now() - started
	});

	if (response.status >= request.errorFrom) {
		const data = parseBody(await raceSignal(response.clone().text(), signal));
		throw new FetchError(request.method, `/api${request.path}`, response, data);
	}
	const data = parseBody(await raceSignal(response.text(), signal));
	return { status: response.status, headers: response.headers, data };
}
