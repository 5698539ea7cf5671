/**
 * The extension follows the dashboard's idle setting. The app stores `idleTimeoutSeconds` among
 * its settings (the dashboard's Settings, General); the extension has its own
 * `idleThresholdSeconds`, which drives `chrome.idle`. After a successful delivery, at most once
 * every `APP_CHECK_INTERVAL_MS`, and on the first delivery after a browser start, the courier
 * reads the app's value over the bridge and hands it to `AppSettingsFollower`.
 *
 * The newer change wins: a valid app value that differs from the one last adopted from the app
 * becomes the extension's threshold and is remembered as adopted. A change made in the
 * extension's options therefore stays until the dashboard's value changes again, and a change
 * made in the dashboard reaches the extension at its next check. On the first check ever, the
 * app's stored value wins (nobody knows which of the two was set later).
 *
 * The read is best effort: a failure (no answer, an API key demanded, a missing permission)
 * skips it until the next check. It never goes through the outbox and never holds up delivery.
 * Apart from the `KeyValueStore` (`chrome.storage.local` in the extension) this is plain code,
 * so it runs in Node.
 */
import { toHindsightError } from '../../src/core/errors';
import { createLogger } from '../../src/core/log';
import type { KeyValueStore } from './outbox';
import { parseIdleThreshold } from './settings';
import { SETTINGS_KEY } from './settings-store';
import { IDLE_TIMEOUT_SETTING } from '../../src/core/idle';

const log = createLogger('extension.app-settings');

/** The app's settings key for the idle time (the dashboard's DEFAULTS, 180 s when unset). */
export const APP_IDLE_SETTING = IDLE_TIMEOUT_SETTING;

/** Where the follower keeps its state in the extension's storage. */
export const APP_FOLLOW_KEY = 'appSettings';

/** The shortest time between two reads of the app's settings. */
export const APP_CHECK_INTERVAL_MS = 5 * 60_000;

export type AppFollowState = {
	/** The app's idle value the extension last adopted; null before the first. */
	adoptedIdleSeconds: number | null;
	/** When the app's settings were last read (or tried), ms since the epoch; null if never. */
	checkedAt: number | null;
};

export const INITIAL_FOLLOW_STATE: AppFollowState = { adoptedIdleSeconds: null, checkedAt: null };

/**
 * What a check did: `not-due` (throttled), `failed` (the read or the storage failed), `invalid`
 * (the app holds no valid threshold: unset, not a whole number, out of range), `unchanged` (the
 * app's value is the one adopted before), `adopted` (a new app value is now remembered; the
 * extension's threshold was changed to it unless it already had it).
 */
export type CheckOutcome = 'not-due' | 'failed' | 'invalid' | 'unchanged' | 'adopted';

export type Adoption = {
	outcome: Exclude<CheckOutcome, 'not-due' | 'failed'>;
	state: AppFollowState;
	/** The threshold to store in the extension's settings; null to leave them alone. */
	threshold: number | null;
};

/** Reads one of the app's settings; the courier passes its bridge client's `getSetting`. */
export type SettingReader = (key: string) => Promise<unknown>;

function validThreshold(value: unknown): number | null {
	if (typeof value !== 'number') return null;
	try {
		return parseIdleThreshold(value);
	} catch {
		return null;
	}
}

/**
 * The adoption rule. `current` is the extension's threshold now, `appValue` the app's stored
 * JSON value (`null` when unset). Only a valid value that differs from the adopted one counts.
 */
export function adoptIdleTimeout(
	state: AppFollowState,
	current: number,
	appValue: unknown
): Adoption {
	const seconds = validThreshold(appValue);
	if (seconds === null) return { outcome: 'invalid', state, threshold: null };
	if (seconds === state.adoptedIdleSeconds) return { outcome: 'unchanged', state, threshold: null };
	return {
		outcome: 'adopted',
		state: { ...state, adoptedIdleSeconds: seconds },
		threshold: seconds === current ? null : seconds
	};
}

/** Whether the throttle lets the app be asked again (also when the clock went back). */
export function isCheckDue(state: AppFollowState, nowMs: number, intervalMs: number): boolean {
	if (state.checkedAt === null) return true;
	return nowMs - state.checkedAt >= intervalMs || nowMs < state.checkedAt;
}

/** The stored state, read leniently: anything damaged counts as never checked. */
export function followStateFromStorage(stored: unknown): AppFollowState {
	const record = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
		string,
		unknown
	>;
	const number = (value: unknown) =>
		typeof value === 'number' && Number.isFinite(value) ? value : null;
	return {
		adoptedIdleSeconds: validThreshold(record.adoptedIdleSeconds),
		checkedAt: number(record.checkedAt)
	};
}

type StoredSettings = Record<string, unknown> & { idleThresholdSeconds?: unknown };

export type FollowerOptions = { intervalMs?: number };

/**
 * Applies the adoption rule to the extension's stored settings. Only `idleThresholdSeconds` of
 * the stored settings record is changed (read again just before the write, so a change saved
 * by the options page meanwhile is kept); the background worker's settings listener then
 * applies it to `chrome.idle`, as for a change made in the options.
 */
export class AppSettingsFollower {
	readonly #store: KeyValueStore;
	readonly #intervalMs: number;
	#forced = false;
	#running: Promise<CheckOutcome> | null = null;

	constructor(store: KeyValueStore, options: FollowerOptions = {}) {
		this.#store = store;
		this.#intervalMs = options.intervalMs ?? APP_CHECK_INTERVAL_MS;
	}

	/** Lets the next check run whatever the throttle says (a browser start, another app). */
	force(): void {
		this.#forced = true;
	}

	/** Reads the app's idle setting when due and adopts it. Never throws; one check at a time. */
	check(read: SettingReader, nowMs = Date.now()): Promise<CheckOutcome> {
		this.#running ??= this.#check(read, nowMs)
			.catch((err: unknown) => {
				log.warn('the app settings could not be followed', { code: toHindsightError(err).code });
				return 'failed' as const;
			})
			.finally(() => {
				this.#running = null;
			});
		return this.#running;
	}

	async #check(read: SettingReader, nowMs: number): Promise<CheckOutcome> {
		const items = await this.#store.get([APP_FOLLOW_KEY]);
		const state = followStateFromStorage(items[APP_FOLLOW_KEY]);
		if (!this.#forced && !isCheckDue(state, nowMs, this.#intervalMs)) return 'not-due';

		this.#forced = false;
		const checked: AppFollowState = { ...state, checkedAt: nowMs };
		await this.#store.set({ [APP_FOLLOW_KEY]: checked });

		let value: unknown;
		try {
			value = await read(APP_IDLE_SETTING);
		} catch (err) {
			log.info('the app settings could not be read; skipped', {
				code: toHindsightError(err).code
			});
			return 'failed';
		}
		return this.#adopt(checked, value);
	}

	async #adopt(state: AppFollowState, value: unknown): Promise<CheckOutcome> {
		const items = await this.#store.get([SETTINGS_KEY]);
		const settings = items[SETTINGS_KEY] as StoredSettings | undefined;
		if (typeof settings !== 'object' || settings === null) return 'failed';

		const current = validThreshold(settings.idleThresholdSeconds) ?? -1;
		const adoption = adoptIdleTimeout(state, current, value);
		if (adoption.outcome !== 'adopted') return adoption.outcome;

		const writes: Record<string, unknown> = { [APP_FOLLOW_KEY]: adoption.state };
		if (adoption.threshold !== null) {
			writes[SETTINGS_KEY] = { ...settings, idleThresholdSeconds: adoption.threshold };
		}
		await this.#store.set(writes);
		log.info('idle threshold adopted from the app', {
			seconds: adoption.state.adoptedIdleSeconds,
			changed: adoption.threshold !== null
		});
		return 'adopted';
	}
}
