/**
 * The app's `bridge.html` in an iframe of the offscreen document, and the `BridgeSend` over it
 * (extension-bridge.md). The iframe must be a direct child of the offscreen document, and it is
 * only made once the background worker has checked host permission for the origin: without it
 * Chromium partitions the frame's storage and every write would land in a copy the app never
 * reads.
 *
 * Readiness: the frame counts as ready when a `BridgeReady` arrives from that iframe's window and
 * the app's origin. A frame that loads but never says so (an error page while the app's server is
 * down and the bridge not yet cached) fails soon after its load event; the next request makes a
 * new frame.
 */
import {
	BRIDGE_PATH,
	BRIDGE_PROTOCOL_VERSION,
	isBridgeReady,
	type BridgeRequest,
	type BridgeResponse
} from '../../../src/core/bridge-protocol';
import { HindsightError } from '../../../src/core/errors';
import { createLogger } from '../../../src/core/log';
import { createPostMessageSender, type BridgeSend } from '../../../src/client';

const log = createLogger('extension.offscreen');

/** How long a frame may take to say it is ready, at most. */
export const READY_TIMEOUT_MS = 15_000;
/** How long after its load event a frame may still take to say it is ready. */
export const READY_AFTER_LOAD_MS = 4_000;
/** How long one request may wait for its answer. */
export const REQUEST_TIMEOUT_MS = 10_000;

type Frame = {
	origin: string;
	iframe: HTMLIFrameElement;
	ready: Promise<void>;
	send: BridgeSend;
	dispose(): void;
};

function waitForReady(iframe: HTMLIFrameElement, origin: string): Promise<void> {
	return new Promise<void>((resolve, reject) => {
		const started = performance.now();
		const timers: ReturnType<typeof setTimeout>[] = [];
		const finish = (error?: HindsightError) => {
			window.removeEventListener('message', onMessage);
			timers.forEach(clearTimeout);
			if (error) reject(error);
			else resolve();
		};
		const fail = () =>
			finish(new HindsightError('unreachable', `The app's bridge at ${origin} did not load`));
		const onMessage = (event: MessageEvent) => {
			if (event.origin !== origin || event.source !== iframe.contentWindow) return;
			if (!isBridgeReady(event.data)) return;
			if (event.data.version !== BRIDGE_PROTOCOL_VERSION) {
				const message = `The app's bridge speaks protocol ${event.data.version}, not ${BRIDGE_PROTOCOL_VERSION}; update the extension or the app`;
				finish(new HindsightError('unreachable', message));
				return;
			}
			log.info('bridge ready', {
				ms: Math.round(performance.now() - started),
				controlled: event.data.controlled
			});
			finish();
		};
		window.addEventListener('message', onMessage);
		iframe.addEventListener('load', () => timers.push(setTimeout(fail, READY_AFTER_LOAD_MS)), {
			once: true
		});
		timers.push(setTimeout(fail, READY_TIMEOUT_MS));
	});
}

function openFrame(origin: string): Frame {
	const iframe = document.createElement('iframe');
	iframe.src = origin + BRIDGE_PATH;
	const ready = waitForReady(iframe, origin);
	ready.catch(() => undefined);
	document.body.append(iframe);

	const sender = createPostMessageSender({
		target: async () => {
			await ready;
			return iframe.contentWindow;
		},
		targetOrigin: origin,
		listenOn: window,
		timeoutMs: REQUEST_TIMEOUT_MS
	});
	return { origin, iframe, ready, send: sender.send, dispose: sender.dispose };
}

let current: Frame | null = null;

/** Removes the bridge frame, if any; the next request makes a new one. */
export function closeFrame(): void {
	if (!current) return;
	current.dispose();
	current.iframe.remove();
	current = null;
}

/**
 * Passes `request` to the bridge of `origin` and resolves to its answer. Any failure (frame not
 * ready, no answer in time) closes the frame so that the next request starts afresh.
 */
export async function sendThroughFrame(
	origin: string,
	request: BridgeRequest
): Promise<BridgeResponse> {
	if (current && current.origin !== origin) closeFrame();
	current ??= openFrame(origin);
	const frame = current;
	try {
		return await frame.send(request);
	} catch (err) {
		if (current === frame) closeFrame();
		throw err;
	}
}
