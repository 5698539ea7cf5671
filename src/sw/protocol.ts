/**
 * What the service worker and the app's pages tell each other. The service worker calls
 * `skipWaiting` and `clients.claim`, so a new version takes over open pages at once; pages
 * still run the old code until they reload, so the worker announces each step and the UI
 * offers a reload (src/ui/platform turns these messages into its update state).
 */

/** Where the built service worker lives (vite-plugin-pwa's injectManifest output). */
export const SERVICE_WORKER_PATH = 'sw.js';

export type ServiceWorkerMessage = {
	type: 'hindsight-sw';
	/** `installing`: a new version is caching the app; `activated`: it now controls pages. */
	state: 'installing' | 'activated';
	/** Identifies the build (a hash of the precache manifest). */
	version: string;
};

export function isServiceWorkerMessage(value: unknown): value is ServiceWorkerMessage {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as { type?: unknown }).type === 'hindsight-sw' &&
		typeof (value as { version?: unknown }).version === 'string'
	);
}
