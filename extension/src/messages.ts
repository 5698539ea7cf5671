/**
 * Runtime messages between the background worker and the offscreen document. Every message
 * names its `target`, because `chrome.runtime.sendMessage` reaches every extension page; pages
 * ignore messages addressed to someone else.
 */
import type { BridgeRequest, BridgeResponse } from '../../src/core/bridge-protocol';
import type { SerializedError } from '../../src/core/errors';

/** Asks the offscreen document to pass `request` to the bridge of `origin` and wait for it. */
export type BridgeSendMessage = {
	target: 'offscreen';
	type: 'bridge-send';
	origin: string;
	request: BridgeRequest;
};

/** Asks the offscreen document to drop its bridge frame (origin or permission changed). */
export type BridgeResetMessage = { target: 'offscreen'; type: 'bridge-reset' };

export type OffscreenMessage = BridgeSendMessage | BridgeResetMessage;

export type BridgeSendReply =
	{ ok: true; response: BridgeResponse } | { ok: false; error: SerializedError };

export function isOffscreenMessage(value: unknown): value is OffscreenMessage {
	const message = value as Partial<OffscreenMessage> | null;
	return typeof message === 'object' && message !== null && message.target === 'offscreen';
}
