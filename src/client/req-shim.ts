/**
 * A small stand-in for aw-client 0.3's `client.req` (an axios instance with `baseURL`
 * `<base>/api`), covering what the ActivityWatch dashboard does with it (client.md section 10):
 * `get`/`post`/`delete` resolving to `{ data, status, headers }`, `defaults.timeout` and
 * `defaults.headers.common` (where the dashboard puts its `Authorization` header). Statuses
 * from 300 reject with `FetchError`, whose `response` has `status` and `data` like axios's.
 */
import { callApi, type ApiRequest, type QueryParams, type TransportConfig } from './transport';

export type ReqConfig = {
	params?: Record<string, unknown>;
	headers?: Record<string, string>;
	signal?: AbortSignal;
	timeout?: number;
};

export type ReqResponse = { data: unknown; status: number; headers: Record<string, string> };

export type ReqShim = {
	defaults: {
		readonly baseURL: string;
		/** Milliseconds; the client's `timeout` when unset. */
		timeout: number | undefined;
		headers: { common: Record<string, string> };
	};
	get(url: string, config?: ReqConfig): Promise<ReqResponse>;
	post(url: string, data?: unknown, config?: ReqConfig): Promise<ReqResponse>;
	delete(url: string, config?: ReqConfig): Promise<ReqResponse>;
};

function paramsOf(params: Record<string, unknown> | undefined): QueryParams | undefined {
	if (!params) return undefined;
	const out: QueryParams = {};
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined || value === null) continue;
		out[key] = value instanceof Date ? value.toISOString() : String(value);
	}
	return out;
}

function isJsonText(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

/** How axios would send `data`: FormData as it is, JSON text as it is, anything else as JSON. */
function bodyOf(data: unknown, headers: Record<string, string>): Partial<ApiRequest> {
	if (data === undefined) return {};
	if (typeof FormData !== 'undefined' && data instanceof FormData) {
		// The transport sets the multipart boundary itself; a bare multipart type would lose it.
		for (const name of Object.keys(headers)) {
			const value = headers[name];
			if (name.toLowerCase() === 'content-type' && !/boundary=/i.test(value)) delete headers[name];
		}
		return { body: data };
	}
	if (typeof data === 'string' && isJsonText(data)) {
		headers['Content-Type'] ??= 'application/json';
		return { body: data };
	}
	return { json: data };
}

export function createReqShim(
	transport: TransportConfig,
	signal: () => AbortSignal,
	clientTimeout: () => number
): ReqShim {
	const defaults: ReqShim['defaults'] = {
		get baseURL() {
			return `${transport.baseURL}/api`;
		},
		timeout: undefined,
		headers: { common: {} }
	};

	async function send(
		method: ApiRequest['method'],
		url: string,
		data: unknown,
		config: ReqConfig = {}
	) {
		const headers = { ...defaults.headers.common, ...config.headers };
		const result = await callApi(transport, {
			method,
			path: url.startsWith('/') ? url : `/${url}`,
			query: paramsOf(config.params),
			...bodyOf(data, headers),
			headers,
			errorFrom: 300,
			signal: config.signal ?? signal(),
			timeout: config.timeout ?? defaults.timeout ?? clientTimeout()
		});
		return {
			data: result.data,
			status: result.status,
			headers: Object.fromEntries(result.headers)
		};
	}

	return {
		defaults,
		get: (url, config) => send('GET', url, undefined, config),
		post: (url, data, config) => send('POST', url, data, config),
		delete: (url, config) => send('DELETE', url, undefined, config)
	};
}
