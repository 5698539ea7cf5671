/**
 * What the client learns from the context it runs in: the default base URL (client.md section
 * 2) and, when it talks to the app's own origin, whether the app's service worker already
 * answers its requests (section 6.2).
 */
import { raceSignal } from './transport';
import type { ClientOptions } from './types';

const DEFAULT_PORT = 5600;
const TESTING_PORT = 5666;

/** The page's or worker's origin when it was served over http(s); null elsewhere (Node). */
export function ownOrigin(): string | null {
	const place = (globalThis as { location?: { protocol?: string; origin?: string } }).location;
	if (!place || (place.protocol !== 'http:' && place.protocol !== 'https:')) return null;
	return place.origin ?? null;
}

/** Applies the base-URL rules of client.md section 2, first match wins. */
export function resolveBaseURL(options: ClientOptions, testing: boolean): string {
	if (options.baseURL) return options.baseURL.replace(/\/+$/, '');
	const port = options.port ?? (testing ? TESTING_PORT : DEFAULT_PORT);
	if (options.host !== undefined || options.port !== undefined) {
		return `${options.protocol ?? 'http'}://${options.host ?? '127.0.0.1'}:${port}`;
	}
	return ownOrigin() ?? `http://127.0.0.1:${port}`;
}

type Container = {
	controller: unknown;
	ready: Promise<unknown>;
	addEventListener(type: 'controllerchange', listener: () => void): void;
	removeEventListener(type: 'controllerchange', listener: () => void): void;
};

function serviceWorkerContainer(): Container | null {
	if ('ServiceWorkerGlobalScope' in globalThis) return null;
	const nav = (globalThis as { navigator?: { serviceWorker?: Container } }).navigator;
	return nav?.serviceWorker ?? null;
}

/**
 * True when requests to `baseURL` are meant for the app's service worker and must wait until it
 * controls this context: the base URL is this context's own origin, the default transport is
 * in use, and the context can be controlled at all (not Node, not the service worker itself).
 */
export function needsServiceWorker(baseURL: string, customFetch: boolean): boolean {
	return !customFetch && baseURL === ownOrigin() && serviceWorkerContainer() !== null;
}

/**
 * Resolves once a service worker controls this context (`ready`, then a controller, which
 * arrives with `controllerchange` when the worker claims the page). Rejects with the signal's
 * reason when `signal` aborts first.
 */
export async function serviceWorkerControl(signal: AbortSignal): Promise<void> {
	const container = serviceWorkerContainer();
	if (!container || container.controller) return;
	await raceSignal(container.ready, signal);

	await new Promise<void>((resolve, reject) => {
		const done = () => {
			container.removeEventListener('controllerchange', check);
			signal.removeEventListener('abort', stop);
		};
		const check = () => {
			if (!container.controller) return;
			done();
			resolve();
		};
		const stop = () => {
			done();
			reject(signal.reason);
		};
		if (signal.aborted) return stop();
		container.addEventListener('controllerchange', check);
		signal.addEventListener('abort', stop, { once: true });
		check();
	});
}

/** Waits `ms` milliseconds; resolves early (without error) when `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		if (signal?.aborted) return resolve();
		const timer = setTimeout(finish, ms);
		function finish() {
			clearTimeout(timer);
			signal?.removeEventListener('abort', finish);
			resolve();
		}
		signal?.addEventListener('abort', finish, { once: true });
	});
}
