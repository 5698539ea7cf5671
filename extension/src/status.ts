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
	/**
	 * Why new entries could not be written to the outbox (`quota_exceeded` when the storage is
	 * full), and how many were lost since the last write that worked; null while writes work.
	 */
	storageError: StorageError | null;
};

/** A change to the status: the fields to set, or a function of the status before. */
export type StatusPatch =
	Partial<DeliveryStatus> | ((before: DeliveryStatus) => Partial<DeliveryStatus>);

export type StorageError = {
	code: string;
	message: string;
	/** When the first failure since the last write that worked happened, and the latest one. */
	since: number;
	at: number;
	lost: number;
};

export const INITIAL_STATUS: DeliveryStatus = {
	recording: 'no-tab',
	permission: true,
	lastDelivered: null,
	lastAttempt: null,
	lastError: null,
	storageError: null
};

/** The status after `entries` new entries could not be stored; losses add up until one is. */
export function storageFailed(
	before: DeliveryStatus,
	error: { code: string; message: string },
	entries: number,
	nowMs: number
): Pick<DeliveryStatus, 'storageError'> {
	const previous = before.storageError;
	return {
		storageError: {
			code: error.code,
			message: error.message,
			since: previous?.since ?? nowMs,
			at: nowMs,
			lost: (previous?.lost ?? 0) + entries
		}
	};
}

export type Badge = { text: string; color: string; title: string };

const RED = '#c62828';
const AMBER = '#b26a00';
const GREY = '#616161';

/**
 * The badge: `full` (or `err`) while new entries cannot be stored (they are being lost), `!`
 * without host permission (nothing can be delivered), `off` while paused, the number of
 * waiting entries while delivery fails, nothing when all is well.
 */
export function badgeFor(status: DeliveryStatus, backlog: number, appOrigin: string): Badge {
	const storage = status.storageError;
	if (storage) {
		return {
			text: storage.code === 'quota_exceeded' ? 'full' : 'err',
			color: RED,
			title: `Hindsight cannot store new activity: ${storage.message} (${storage.lost} not stored, ${backlog} waiting)`
		};
	}
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
