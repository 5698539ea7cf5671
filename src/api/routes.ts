/**
 * The route table of `/api/0/` (rest-api.md section 3). Paths are matched on decoded segments,
 * so slashes are insignificant and `%2F` stays inside a bucket id. `events/count` is listed
 * before `events/{eid}`, so `count` is never taken for an event id.
 */
import * as buckets from './handlers/buckets';
import * as events from './handlers/events';
import { postQuery } from './handlers/query';
import { getInfo, getLog } from './handlers/server';
import * as settings from './handlers/settings';
import * as transfer from './handlers/transfer';
import type { Handler } from './types';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type Route = {
	/** Segments after `/api/0`; `:name` captures one segment. */
	pattern: string[];
	methods: Partial<Record<Method, Handler>>;
};

const route = (path: string, methods: Route['methods']): Route => ({
	pattern: path.split('/').filter(Boolean),
	methods
});

export const ROUTES: readonly Route[] = [
	route('info', { GET: getInfo }),
	route('buckets', { GET: buckets.listBuckets }),
	route('buckets/:bid', {
		GET: buckets.getBucket,
		POST: buckets.createBucket,
		PUT: buckets.updateBucket,
		DELETE: buckets.deleteBucket
	}),
	route('buckets/:bid/events', { GET: events.listEvents, POST: events.insertEvents }),
	route('buckets/:bid/events/count', { GET: events.countEvents }),
	route('buckets/:bid/events/:eid', { GET: events.getEvent, DELETE: events.deleteEvent }),
	route('buckets/:bid/heartbeat', { POST: events.heartbeat }),
	route('buckets/:bid/export', { GET: transfer.exportBucket }),
	route('export', { GET: transfer.exportAll }),
	route('import', { POST: transfer.importData }),
	route('query', { POST: postQuery }),
	route('settings', { GET: settings.listSettings, POST: settings.settingWithoutKey }),
	route('settings/:key', {
		GET: settings.getSetting,
		POST: settings.setSetting,
		DELETE: settings.deleteSetting
	}),
	route('log', { GET: getLog })
];

export type RouteMatch = { route: Route; params: Record<string, string> };

/** The first route whose pattern fits the segments after `/api/0`, with its parameters. */
export function matchRoute(segments: string[]): RouteMatch | null {
	for (const candidate of ROUTES) {
		const params = matchPattern(candidate.pattern, segments);
		if (params) return { route: candidate, params };
	}
	return null;
}

function matchPattern(pattern: string[], segments: string[]): Record<string, string> | null {
	if (pattern.length !== segments.length) return null;
	const params: Record<string, string> = {};
	for (let i = 0; i < pattern.length; i++) {
		if (pattern[i].startsWith(':')) params[pattern[i].slice(1)] = segments[i];
		else if (pattern[i] !== segments[i]) return null;
	}
	return params;
}

/** The methods a route answers, for `Allow` headers (OPTIONS always included). */
export function allowedMethods(candidate: Route): string[] {
	return [...Object.keys(candidate.methods), 'OPTIONS'];
}
