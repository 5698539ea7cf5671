/**
 * The ActivityWatch REST router: `createRouter` makes a function from `Request` to
 * `Promise<Response>` that answers every path under `/api/` exactly as rest-api.md describes.
 * The service worker, the extension bridge and the Node tests all call this one function.
 *
 * Order of work per request: OPTIONS (never needs a key), the API key (not for
 * `GET /api/0/info`), the route and method, the handler. Every answer gets
 * `Cache-Control: no-store`, and answers to cross-origin requests the CORS headers a page needs
 * to read them.
 */
import { HindsightError, toHindsightError } from '../core/errors';
import { createLogger } from '../core/log';
import { checkApiKey, CROSS_ORIGIN_HEADERS, optionsResponse } from './access';
import { errorResponse, statusForCode } from './http';
import { pathSegments } from './params';
import { allowedMethods, matchRoute, type Method } from './routes';
import type { Router, RouterConfig, RouterOptions } from './types';

const log = createLogger('api');

const EVERY_METHOD = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'];

/** True for paths the router answers: `/api/` and below (slashes insignificant). */
export function isApiPath(pathname: string): boolean {
	return pathSegments(pathname)[0] === 'api';
}

/** Makes the router over a datastore, a query runner and a configuration. */
export function createRouter(options: RouterOptions): Router {
	const { config } = options;
	const readConfig = typeof config === 'function' ? config : () => config;

	return async (request) => {
		const url = new URL(request.url);
		let current: RouterConfig | undefined;
		let response: Response;
		try {
			current = await readConfig();
			response = await dispatch(request, url, current, options);
		} catch (err) {
			response = failure(err, request.method);
		}
		return withApiHeaders(response, url, current);
	};
}

async function dispatch(
	request: Request,
	url: URL,
	config: RouterConfig,
	options: RouterOptions
): Promise<Response> {
	const segments = pathSegments(url.pathname);
	const isV0 = segments[0] === 'api' && segments[1] === '0';
	const match = isV0 ? matchRoute(segments.slice(2)) : null;

	if (request.method === 'OPTIONS') {
		return optionsResponse(request, match ? allowedMethods(match.route) : EVERY_METHOD);
	}
	const isInfo = isV0 && segments.length === 3 && segments[2] === 'info';
	if (!(isInfo && request.method === 'GET')) checkApiKey(request, config.apiKey);

	if (!match) {
		throw new HindsightError('not_found', `There is no API endpoint at '${url.pathname}'`);
	}
	const handler = match.route.methods[request.method as Method];
	if (!handler) return methodNotAllowed(request.method, url, allowedMethods(match.route));

	const { datastore, runQuery } = options;
	return handler({ request, url, params: match.params, datastore, runQuery, config });
}

function methodNotAllowed(method: string, url: URL, allow: string[]): Response {
	const response = errorResponse(
		new HindsightError(
			'method_not_allowed',
			`'${url.pathname}' does not answer ${method}; it answers ${allow.join(', ')}`
		)
	);
	response.headers.set('Allow', allow.join(', '));
	return response;
}

/** An error response; unexpected failures (500) are logged here, once, without contents. */
function failure(err: unknown, method: string): Response {
	const error = toHindsightError(err);
	if (statusForCode(error.code) === 500) {
		log.error('API request failed', { method, code: error.code, error: error.name });
	}
	return errorResponse(error);
}

function withApiHeaders(response: Response, url: URL, config: RouterConfig | undefined) {
	response.headers.set('Cache-Control', 'no-store');
	if (config?.origin && url.origin !== config.origin) {
		for (const [name, value] of Object.entries(CROSS_ORIGIN_HEADERS)) {
			response.headers.set(name, value);
		}
	}
	return response;
}
