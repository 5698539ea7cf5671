/**
 * The offscreen document (reason `IFRAME_SCRIPTING`): it holds the app's bridge frame and
 * relays the background worker's requests to it. Offscreen documents get only `chrome.runtime`,
 * so everything durable (the outbox, the settings) stays with the background worker; this page
 * keeps nothing that cannot be rebuilt from the next request.
 */
import { toHindsightError } from '../../../src/core/errors';
import { isOffscreenMessage, type BridgeSendReply, type OffscreenMessage } from '../messages';
import { closeFrame, sendThroughFrame } from './bridge-frame';

async function handle(message: OffscreenMessage): Promise<BridgeSendReply | null> {
	if (message.type === 'bridge-reset') {
		closeFrame();
		return null;
	}
	try {
		return { ok: true, response: await sendThroughFrame(message.origin, message.request) };
	} catch (err) {
		return { ok: false, error: toHindsightError(err).toJSON() };
	}
}

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
	if (sender.id !== chrome.runtime.id || !isOffscreenMessage(message)) return false;
	handle(message).then(sendResponse);
	return true;
});
