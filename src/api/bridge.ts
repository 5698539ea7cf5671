/**
 * The app side of the extension bridge (extension-bridge.md, src/core/bridge-protocol.ts):
 * requests posted by an allowed extension page are run through the same REST router as the
 * service worker uses, and the answer goes back to the sender's origin only. Requests from any
 * other origin get no answer at all; they are logged by origin, never by content.
 */
import {
	BRIDGE_PROTOCOL_VERSION,
	DEFAULT_ALLOWED_EXTENSION_ORIGINS,
	isBridgeRequest,
	type BridgeReady,
	type BridgeRequest,
	type BridgeResponse
} from '../core/bridge-protocol';
import { createLogger } from '../core/log';
import type { JsonValue } from '../core/model/json';
import type { Router } from './types';

const log = createLogger('bridge');

/** A Chromium extension id: 32 letters a to p. */
const EXTENSION_ID = /^[a-p]{32}$/;
/** An origin without path: scheme, host, optional port. */
const ORIGIN = /^(chrome-extension|moz-extension|https?):\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

/**
 * The allowed origins stored in the settings: a list of origins or bare Chromium extension
 * ids. Trailing slashes are dropped; anything else that is not an origin is ignored, so a
 * stored value can never widen the list (or a CSP built from it) beyond exact origins.
 */
export function normalizeOrigins(value: JsonValue | undefined): string[] {
	if (!Array.isArray(value)) return [];
	const out = new Set<string>();
	for (const item of value) {
		if (typeof item !== 'string') continue;
		const text = item.trim().replace(/\/+$/, '');
		if (EXTENSION_ID.test(text)) out.add(`chrome-extension://${text}`);
		else if (ORIGIN.test(text)) out.add(text.toLowerCase());
	}
	return [...out];
}

/** Something messages can be posted back to (a window, a port). */
export type ReplyTarget = { postMessage(message: unknown, targetOrigin: string): void };

/** The parts of a `MessageEvent` the bridge reads. */
export type BridgeEvent = { data: unknown; origin: string; source: ReplyTarget | null };

export type BridgeOptions = {
	router: Router;
	/** The app's origin; requests are built as `origin + path`. */
	origin: string;
	/** The extra allowed origins from the settings; `fresh` asks for a new read. */
	allowedOrigins(fresh: boolean): Promise<readonly string[]>;
};

export type Bridge = {
	/** Whether messages from `origin` are answered. */
	isAllowed(origin: string): Promise<boolean>;
	/** Handles one message; resolves once any answer is posted. */
	handle(event: BridgeEvent): Promise<void>;
	/** The ready message, with whether a service worker controls the page. */
	ready(controlled: boolean): BridgeReady;
};

/** Runs one bridge request through the router and packs its answer. */
export async function answer(
	router: Router,
	origin: string,
	message: BridgeRequest
): Promise<BridgeResponse> {
	const method = message.method.toUpperCase();
	const init: RequestInit = { method, headers: message.headers ?? {} };
	if (message.body !== undefined && method !== 'GET' && method !== 'HEAD') init.body = message.body;

	const response = await router(new Request(origin + message.path, init));
	return {
		type: 'hindsight-bridge-response',
		id: message.id,
		status: response.status,
		headers: Object.fromEntries(response.headers.entries()),
		body: await response.text()
	};
}

export function createBridge(options: BridgeOptions): Bridge {
	const isAllowed = async (origin: string) => {
		if (DEFAULT_ALLOWED_EXTENSION_ORIGINS.includes(origin)) return true;
		if ((await options.allowedOrigins(false)).includes(origin)) return true;
		// Read again before refusing: the list may have changed in another context.
		return (await options.allowedOrigins(true)).includes(origin);
	};

	const handle = async (event: BridgeEvent) => {
		if (!isBridgeRequest(event.data) || !event.source) return;
		if (!(await isAllowed(event.origin))) {
			log.warn('bridge request from an origin that is not allowed', { origin: event.origin });
			return;
		}
		const reply = await answer(options.router, options.origin, event.data);
		event.source.postMessage(reply, event.origin);
	};

	const ready = (controlled: boolean): BridgeReady => ({
		type: 'hindsight-bridge-ready',
		version: BRIDGE_PROTOCOL_VERSION,
		controlled
	});
	return { isAllowed, handle, ready };
}
