/**
 * The idle threshold, shared by the dashboard (which stores it in the app's settings) and the
 * watcher extension (which follows it, extension/src/app-settings.ts). The bounds are what
 * `chrome.idle.setDetectionInterval` accepts.
 */

/** The app settings key holding the threshold in seconds. */
export const IDLE_TIMEOUT_SETTING = 'idleTimeoutSeconds';

export const MIN_IDLE_SECONDS = 15;
export const MAX_IDLE_SECONDS = 4 * 60 * 60;
/** The desktop AFK watcher's default timeout (dashboard-and-watchers.md 7.1). */
export const DEFAULT_IDLE_SECONDS = 180;

/** True for a whole number of seconds within the bounds. */
export function isIdleSeconds(value: unknown): value is number {
	return (
		typeof value === 'number' &&
		Number.isInteger(value) &&
		value >= MIN_IDLE_SECONDS &&
		value <= MAX_IDLE_SECONDS
	);
}
