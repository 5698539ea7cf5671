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

/**
 * A page's request that the active worker take it over. The worker's `clients.claim()` on
 * activation skips pages whose document did not exist yet (their navigation was still in
 * flight, so it started before any worker was active); such a page would stay uncontrolled
 * until reloaded, so it asks for itself.
 */
export type ClaimRequest = { type: 'hindsight-sw-claim' };

export const CLAIM_REQUEST: ClaimRequest = { type: 'hindsight-sw-claim' };

export function isClaimRequest(value: unknown): value is ClaimRequest {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as { type?: unknown }).type === CLAIM_REQUEST.type
	);
}

/**
 * Once a worker is active for this page's scope, asks it to claim the page if it does not
 * control it yet. Call after registering; resolves when the request is sent (or not needed).
 */
export async function askToBeClaimed(container: ServiceWorkerContainer): Promise<void> {
	if (container.controller) return;
	const registration = await container.ready;
	if (!container.controller) registration.active?.postMessage(CLAIM_REQUEST);
}
