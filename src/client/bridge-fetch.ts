/**
 * A `fetch` that travels over the extension bridge (extension-bridge.md, core/bridge-protocol):
 * each request becomes a `BridgeRequest` in plain data, and the `BridgeResponse` that answers it
 * becomes a `Response` again. A watcher extension hands the result to the client as its
 * `fetch` option, with the app's origin as `baseURL`:
 *
 *     const send = createPostMessageSender({ target: () => iframe.contentWindow, targetOrigin });
 *     const client = new ActivityWatchClient('aw-watcher-web', {
 *       baseURL: targetOrigin, fetch: createBridgeFetch(send) });
 *
 * A bridge that does not answer, or answers with something malformed, fails like a network
 * error (never like an HTTP status), so queued requests stay queued.
 */
import { isBridgeResponse, type BridgeRequest, type BridgeResponse } from '../core/bridge-protocol';
import { HindsightError } from '../core/errors';
import { raceSignal } from './transport';
import type { FetchFunction } from './types';

/** Delivers one request to the bridge and resolves to its answer. */
export type BridgeSend = (request: BridgeRequest) => Promise<BridgeResponse>;

/** Statuses whose responses cannot have a body (the `Response` constructor refuses one). */
const NULL_BODY = new Set([204, 205, 304]);

let counter = 0;

function requestId(): string {
	const random = globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
	return `${random}-${++counter}`;
}

async function toBridgeRequest(request: Request): Promise<BridgeRequest> {
	const url = new URL(request.url);
	const message: BridgeRequest = {
		type: 'hindsight-bridge-request',
		id: requestId(),
		method: request.method,
		path: url.pathname + url.search,
		headers: Object.fromEntries(request.headers)
	};
	if (request.method !== 'GET' && request.method !== 'HEAD') {
		const body = await request.text();
		if (body !== '') message.body = body;
	}
	return message;
}

function toResponse(reply: unknown, id: string): Response {
	if (!isBridgeResponse(reply) || reply.id !== id) {
		throw new TypeError('The bridge answered with a malformed or mismatched message');
	}
	if (reply.status < 200 || reply.status > 599) {
		throw new TypeError(`The bridge answered with an impossible status ${reply.status}`);
	}
	const body = NULL_BODY.has(reply.status) ? null : reply.body;
	return new Response(body, { status: reply.status, headers: reply.headers ?? {} });
}

/**
 * Turns `send` into a `fetch`: request bodies travel as text (JSON for every API call), the
 * path keeps its query string, and the request's signal aborts the wait for the answer.
 */
export function createBridgeFetch(send: BridgeSend): FetchFunction {
	return async (input, init) => {
		const request =
			input instanceof Request && init === undefined ? input : new Request(input, init);
		if (request.signal.aborted) throw request.signal.reason;
		const message = await toBridgeRequest(request);
		const reply = await raceSignal(send(message), request.signal);
		return toResponse(reply, message.id);
	};
}

/** Something to post to: a window, an iframe's `contentWindow`, a `MessagePort`-like object. */
export type MessageTarget = { postMessage(message: unknown, targetOrigin: string): void };

export type PostMessageSenderOptions = {
	/** The bridge's window once it is ready (may wait for `BridgeReady`). */
	target: () => MessageTarget | null | Promise<MessageTarget | null>;
	/** The app's origin: where requests go and the only origin whose replies count. */
	targetOrigin: string;
	/** Where replies arrive; the global scope (the page holding the iframe) by default. */
	listenOn?: EventTarget;
	/** How long to wait for an answer, in milliseconds (default 10 s). */
	timeoutMs?: number;
};

type Waiting = { resolve(reply: BridgeResponse): void; timer: ReturnType<typeof setTimeout> };

/**
 * A `BridgeSend` over `postMessage`: posts each request to the bridge's window with
 * `targetOrigin` and matches the replies from that origin by id. Returns the sender and a
 * `dispose` that stops listening.
 */
export function createPostMessageSender(options: PostMessageSenderOptions): {
	send: BridgeSend;
	dispose(): void;
} {
	const waiting = new Map<string, Waiting>();
	const listenOn = options.listenOn ?? globalThis;
	const timeoutMs = options.timeoutMs ?? 10_000;

	const onMessage = (event: Event) => {
		const { origin, data } = event as MessageEvent;
		if (origin !== options.targetOrigin || !isBridgeResponse(data)) return;
		const entry = waiting.get(data.id);
		if (!entry) return;
		waiting.delete(data.id);
		clearTimeout(entry.timer);
		entry.resolve(data);
	};
	listenOn.addEventListener('message', onMessage);

	const send: BridgeSend = async (request) => {
		const target = await options.target();
		if (!target) throw new HindsightError('unreachable', 'The app bridge is not loaded yet');
		return new Promise<BridgeResponse>((resolve, reject) => {
			const timer = setTimeout(() => {
				waiting.delete(request.id);
				const message = `The app bridge did not answer within ${timeoutMs} ms`;
				reject(new HindsightError('timeout', message, { id: request.id }));
			}, timeoutMs);
			waiting.set(request.id, { resolve, timer });
			target.postMessage(request, options.targetOrigin);
		});
	};

	const dispose = () => {
		listenOn.removeEventListener('message', onMessage);
		for (const entry of waiting.values()) clearTimeout(entry.timer);
		waiting.clear();
	};
	return { send, dispose };
}
