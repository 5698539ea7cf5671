/**
 * The service worker: keeps the whole build in a Workbox precache so the app loads and works
 * with its origin server gone, answers `/api/0/` with the REST router over the datastore (with
 * change broadcast, so open dashboards refresh), serves client-side routes with the precached
 * index.html and bridge.html with a `frame-ancestors` that follows the settings.
 *
 * Updates: a new version skips waiting and claims open pages at once, and tells them so
 * (protocol.ts); pages offer a reload. The datastore opens lazily, on the first API request or
 * bridge page, so serving static files never waits for IndexedDB.
 */
/// <reference lib="webworker" />
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { createApiHost, LOCAL_API_ORIGINS, type ApiHost } from '../api/host';
import { isApiPath } from '../api/router';
import { BRIDGE_PATH } from '../core/bridge-protocol';
import { createLogger } from '../core/log';
import { runQuery } from '../core/query/run';
import { Datastore } from '../store/datastore';
import { bridgeResponse } from './bridge-document';
import { isClaimRequest, type ServiceWorkerMessage } from './protocol';
import { manifestVersion } from './version';

declare const self: ServiceWorkerGlobalScope & {
	__WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

if (
	typeof ServiceWorkerGlobalScope === 'undefined' ||
	!(self instanceof ServiceWorkerGlobalScope)
) {
	throw new Error('src/sw/sw.ts must run as a service worker');
}

const log = createLogger('sw');
const MANIFEST = self.__WB_MANIFEST;
const VERSION = manifestVersion(MANIFEST);

let host: ApiHost | null = null;

function apiHost(): ApiHost {
	host ??= createApiHost({
		datastore: new Datastore({ broadcast: true }),
		runQuery,
		origin: self.location.origin
	});
	return host;
}

async function tellPages(state: ServiceWorkerMessage['state']): Promise<void> {
	const message: ServiceWorkerMessage = { type: 'hindsight-sw', state, version: VERSION };
	const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
	for (const page of pages) page.postMessage(message);
}

/** Client-side routes: navigations to paths without a file extension. */
function isAppRoute(pathname: string): boolean {
	const last = pathname.slice(pathname.lastIndexOf('/') + 1);
	return !last.includes('.');
}

async function fromPrecache(path: string, request: Request): Promise<Response> {
	return (await matchPrecache(path)) ?? fetch(request);
}

/** The precached bridge page; if the settings cannot be read, only built-in framers apply. */
async function bridgePage(request: Request): Promise<Response> {
	const stored = await matchPrecache(BRIDGE_PATH.slice(1));
	if (!stored) return fetch(request);
	const allowed = await apiHost()
		.settings()
		.then((settings) => settings.bridgeOrigins)
		.catch(() => []);
	return bridgeResponse(stored, allowed);
}

/** Requests to a local ActivityWatch URL: answered here only when the setting says so. */
async function crossOrigin(request: Request): Promise<Response> {
	const api = apiHost();
	const answer = await api.settings().then(
		(settings) => settings.answerCrossOrigin === true,
		() => false
	);
	return answer ? api.router(request) : fetch(request);
}

/**
 * The router's answer, with the time this worker took as `Server-Timing: sw;dur=<ms>` (the
 * browser's network panel and bench/api.bench.ts read it to tell this worker's share of a
 * request from the page's round trip).
 */
async function routed(request: Request): Promise<Response> {
	const started = performance.now();
	const response = await apiHost().router(request);
	response.headers.set('Server-Timing', `sw;dur=${(performance.now() - started).toFixed(3)}`);
	return response;
}

/** The answer for requests this worker handles itself; null leaves them to the precache. */
function respond(request: Request): Promise<Response> | null {
	const url = new URL(request.url);
	if (url.origin !== self.location.origin) {
		const local = LOCAL_API_ORIGINS.includes(url.origin) && isApiPath(url.pathname);
		return local ? crossOrigin(request) : null;
	}
	if (isApiPath(url.pathname)) return routed(request);
	if (request.mode !== 'navigate') return null;
	if (url.pathname === BRIDGE_PATH) return bridgePage(request);
	return isAppRoute(url.pathname) ? fromPrecache('index.html', request) : null;
}

// Registered before Workbox's own listener, which must not answer the same request again.
self.addEventListener('fetch', (event) => {
	const response = respond(event.request);
	if (!response) return;
	event.stopImmediatePropagation();
	event.respondWith(response);
});

self.addEventListener('install', () => {
	log.info('installing', { version: VERSION });
	void tellPages('installing');
	void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
	event.waitUntil(self.clients.claim().then(() => tellPages('activated')));
});

// A page that was still loading when this worker activated asks to be taken over (protocol.ts).
self.addEventListener('message', (event) => {
	if (isClaimRequest(event.data)) event.waitUntil(self.clients.claim());
});

cleanupOutdatedCaches();
precacheAndRoute(MANIFEST);
