/**
 * The background worker's side of the offscreen document: make it when it is missing (found
 * with `chrome.runtime.getContexts`, created once however many callers ask at the same time),
 * close it, and send it bridge requests. The document outlives the worker when Chromium stops
 * the worker for idleness; a worker that starts again finds it and reuses it.
 */
import type { BridgeRequest, BridgeResponse } from '../../../src/core/bridge-protocol';
import { HindsightError } from '../../../src/core/errors';
import type { BridgeSend } from '../../../src/client';
import type { BridgeSendMessage, BridgeSendReply, OffscreenMessage } from '../messages';
import { PAGES } from '../../manifest';

const OFFSCREEN_PATH = PAGES.offscreen;

let creating: Promise<void> | null = null;

async function hasOffscreen(): Promise<boolean> {
	const contexts = await chrome.runtime.getContexts({
		contextTypes: ['OFFSCREEN_DOCUMENT'],
		documentUrls: [chrome.runtime.getURL(OFFSCREEN_PATH)]
	});
	return contexts.length > 0;
}

async function createOffscreen(): Promise<void> {
	try {
		await chrome.offscreen.createDocument({
			url: OFFSCREEN_PATH,
			reasons: ['IFRAME_SCRIPTING'],
			justification: 'Holds the Hindsight app in a frame to deliver recorded activity into it'
		});
	} catch (err) {
		// Another worker instance made it between our check and our call: that is what we want.
		if (!(await hasOffscreen())) throw err;
	}
}

/** Makes sure the offscreen document exists; concurrent callers share one creation. */
export async function ensureOffscreen(): Promise<void> {
	if (await hasOffscreen()) return;
	creating ??= createOffscreen().finally(() => {
		creating = null;
	});
	await creating;
}

/** Closes the offscreen document and with it the bridge frame (nothing durable lives there). */
export async function closeOffscreen(): Promise<void> {
	if (creating) await creating.catch(() => undefined);
	if (await hasOffscreen()) await chrome.offscreen.closeDocument();
}

async function post(message: OffscreenMessage): Promise<unknown> {
	return chrome.runtime.sendMessage(message);
}

/** A `BridgeSend` to the bridge of `origin`, through the offscreen document. */
export function offscreenBridgeSend(origin: string): BridgeSend {
	return async (request: BridgeRequest): Promise<BridgeResponse> => {
		await ensureOffscreen();
		const message: BridgeSendMessage = {
			target: 'offscreen',
			type: 'bridge-send',
			origin,
			request
		};
		const reply = (await post(message)) as BridgeSendReply | undefined;
		if (!reply) throw new HindsightError('unreachable', 'The offscreen document did not answer');
		if (!reply.ok) throw HindsightError.fromJSON(reply.error);
		return reply.response;
	};
}
