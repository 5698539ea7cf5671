/**
 * What the background worker tells the popup and the toolbar badge: whether it records, whether
 * it may deliver, what it delivered last and what went wrong. Stored in `chrome.storage.local`
 * under `status` (pages read it and follow its changes); never holds event contents.
 */
import type { Verdict } from './watcher/observation';

export const STATUS_KEY = 'status';

/** What the last tick recorded: a verdict of the observation, or `paused` by the user. */
export type RecordingState = Verdict | 'paused';

export type DeliveryStatus = {
	recording: RecordingState;
	/** Whether the extension held host permission for the app's origin at the last check. */
	permission: boolean;
	/** The newest heartbeat the app acknowledged: its bucket, its start, when it was acknowledged. */
	lastDelivered: { bucket: string; timestamp: string; at: number } | null;
	/** When delivery was last attempted, milliseconds since the epoch. */
	lastAttempt: number | null;
	/** Why the last attempt stopped early; null when it emptied the outbox. */
	lastError: { code: string; message: string; at: number } | null;
};

export const INITIAL_STATUS: DeliveryStatus = {
	recording: 'no-tab',
	permission: true,
	lastDelivered: null,
	lastAttempt: null,
	lastError: null
};

export type Badge = { text: string; color: string; title: string };

const RED = '#c62828';
const AMBER = '#b26a00';
const GREY = '#616161';

/**
 * The badge: `!` without host permission (nothing can be delivered), `off` while paused, the
 * number of waiting entries while delivery fails, nothing when all is well.
 */
export function badgeFor(status: DeliveryStatus, backlog: number, appOrigin: string): Badge {
	if (!status.permission) {
		return {
			text: '!',
			color: RED,
			title: `Hindsight needs access to ${appOrigin} to deliver; open the popup to allow it (${backlog} waiting)`
		};
	}
	if (status.recording === 'paused') {
		return { text: 'off', color: GREY, title: 'Hindsight: recording paused' };
	}
	if (status.lastError && backlog > 0) {
		return {
			text: backlog > 999 ? '999+' : String(backlog),
			color: AMBER,
			title: `Hindsight cannot reach the app at ${appOrigin}: ${status.lastError.message} (${backlog} waiting)`
		};
	}
	return { text: '', color: GREY, title: 'Hindsight: recording' };
}
