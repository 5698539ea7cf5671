/**
 * The message protocol between the watcher extension and the app's `bridge.html` page
 * (extension-bridge.md). The extension's offscreen document holds an iframe of
 * `<app>/bridge.html`; the two talk with `postMessage`, each checking the other's origin.
 *
 * 1. The bridge, once it can answer, posts `BridgeReady` to its parent.
 * 2. The extension posts `BridgeRequest`s (an HTTP request in plain data, for the app's REST
 *    router) with `targetOrigin` set to the app's origin.
 * 3. The bridge answers each with a `BridgeResponse` carrying the same `id`, posted only to the
 *    requester's origin, and only if that origin is on its allow-list. Requests from other
 *    origins get no answer at all (and are logged without their contents).
 *
 * A `BridgeResponse` is the app's acknowledgement: the extension removes an event from its
 * outbox only after a 2xx response for it.
 */

/** Bumped when a message shape changes incompatibly. */
export const BRIDGE_PROTOCOL_VERSION = 1;

/** Path of the bridge page on the app's origin. */
export const BRIDGE_PATH = '/bridge.html';

/**
 * The Hindsight extension's id. Stable because `extension/manifest.json` carries the public key
 * in `extension/public-key.txt` (Chromium derives the id from it), so the bridge can allow it
 * by default. Users add other extension ids in the settings.
 */
export const HINDSIGHT_EXTENSION_ID = 'khmcmecilhbdidmdjnacolhjcihdhkln';

export const DEFAULT_ALLOWED_EXTENSION_ORIGINS: readonly string[] = [
	`chrome-extension://${HINDSIGHT_EXTENSION_ID}`
];

/**
 * The `client` of every bucket the extension creates. The dashboard tells the extension's
 * buckets (browser-only data, delivery status) by it.
 */
export const EXTENSION_CLIENT = 'hindsight-extension';

/** The settings key holding extra allowed extension origins (a JSON list of strings). */
export const BRIDGE_ALLOWED_ORIGINS_SETTING = 'bridgeAllowedOrigins';

export type BridgeReady = {
	type: 'hindsight-bridge-ready';
	version: number;
	/** True when a service worker controlled the bridge page when it became ready. */
	controlled: boolean;
};

export type BridgeRequest = {
	type: 'hindsight-bridge-request';
	/** Chosen by the requester, unique among its pending requests. */
	id: string;
	method: string;
	/** Path and query under the app's origin, e.g. `/api/0/buckets/x/heartbeat?pulsetime=60`. */
	path: string;
	headers?: Record<string, string>;
	/** Request body as text (JSON for every API call the extension makes). */
	body?: string;
};

export type BridgeResponse = {
	type: 'hindsight-bridge-response';
	id: string;
	status: number;
	headers: Record<string, string>;
	/** Response body as text ('' for empty bodies). */
	body: string;
};

export type BridgeMessage = BridgeReady | BridgeRequest | BridgeResponse;

function hasType(value: unknown, type: BridgeMessage['type']): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;
}

export function isBridgeReady(value: unknown): value is BridgeReady {
	return hasType(value, 'hindsight-bridge-ready') && typeof value.version === 'number';
}

export function isBridgeRequest(value: unknown): value is BridgeRequest {
	return (
		hasType(value, 'hindsight-bridge-request') &&
		typeof value.id === 'string' &&
		typeof value.method === 'string' &&
		typeof value.path === 'string' &&
		value.path.startsWith('/') &&
		(value.body === undefined || typeof value.body === 'string')
	);
}

export function isBridgeResponse(value: unknown): value is BridgeResponse {
	return (
		hasType(value, 'hindsight-bridge-response') &&
		typeof value.id === 'string' &&
		typeof value.status === 'number' &&
		typeof value.body === 'string'
	);
}
