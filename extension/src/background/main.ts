/**
 * The background service worker. Chromium starts it for each event it listens to and stops it
 * when idle, so every listener is registered synchronously at the top level, and everything
 * that must survive (settings, watcher state, outbox, status) is in `chrome.storage.local`.
 *
 * Triggers: tab activation, tab updates of the active tab (URL, title, audible, load complete),
 * tabs created or removed (the tab count), window focus changes (debounced, then confirmed with
 * `windows.getLastFocused`), windows removed, the idle state, and a one-minute alarm as the
 * backstop. A browser start arrives as `runtime.onStartup` for an installed extension and as
 * `runtime.onInstalled` for an unpacked one, so both are handled.
 *
 * The idle threshold is applied to `chrome.idle` on every worker start and whenever the stored
 * settings change it, whether the options page changed it or the app's setting was adopted
 * (app-settings.ts); a browser start also lets the next delivery read the app's settings.
 */
import { createLogger } from '../../../src/core/log';
import { AppSettingsFollower } from '../app-settings';
import { Outbox } from '../outbox';
import { SETTINGS_KEY, readSettings } from '../settings-store';
import type { Settings } from '../settings';
import { ALARM_PERIOD_SECONDS } from '../watcher/heartbeat';
import { Courier } from './courier';
import { Recorder } from './recorder';
import { StatusStore } from './status-store';

const log = createLogger('extension.background');

const HEARTBEAT_ALARM = 'heartbeat';
const FOCUS_DEBOUNCE_MS = 300;

const outbox = new Outbox(chrome.storage.local);
const status = new StatusStore();
const recorder = new Recorder(outbox, status);
const follower = new AppSettingsFollower(chrome.storage.local);
const courier = new Courier(outbox, status, follower);

async function record(step: Promise<void>): Promise<void> {
	await step;
	await courier.request();
}

async function ensureAlarm(): Promise<void> {
	const alarm = await chrome.alarms.get(HEARTBEAT_ALARM);
	if (!alarm) {
		await chrome.alarms.create(HEARTBEAT_ALARM, { periodInMinutes: ALARM_PERIOD_SECONDS / 60 });
	}
}

async function applyIdleThreshold(settings: Settings): Promise<void> {
	chrome.idle.setDetectionInterval(settings.idleThresholdSeconds);
}

/** Runs on every start of this worker: what Chromium does not keep between worker runs. */
async function wake(): Promise<void> {
	await applyIdleThreshold(await readSettings());
	await ensureAlarm();
	await courier.request();
}

async function browserStarted(reason: string): Promise<void> {
	log.info('started', { reason });
	follower.force();
	await ensureAlarm();
	await record(recorder.start());
}

chrome.runtime.onInstalled.addListener((details) => void browserStarted(details.reason));
chrome.runtime.onStartup.addListener(() => void browserStarted('startup'));

chrome.alarms.onAlarm.addListener((alarm) => {
	if (alarm.name === HEARTBEAT_ALARM) void record(recorder.tick('alarm'));
});

chrome.tabs.onActivated.addListener(() => void record(recorder.tick('tab-activated')));
chrome.tabs.onCreated.addListener(() => void record(recorder.tick('tab-created')));
chrome.tabs.onRemoved.addListener(() => void record(recorder.tick('tab-removed')));
chrome.tabs.onUpdated.addListener((_id, change, tab) => {
	const relevant =
		change.url !== undefined ||
		change.title !== undefined ||
		change.audible !== undefined ||
		change.status === 'complete';
	if (tab.active && relevant) void record(recorder.tick('tab-updated'));
});

let focusTimer: ReturnType<typeof setTimeout> | null = null;
chrome.windows.onFocusChanged.addListener(() => {
	if (focusTimer) clearTimeout(focusTimer);
	focusTimer = setTimeout(() => {
		focusTimer = null;
		void record(recorder.tick('focus'));
	}, FOCUS_DEBOUNCE_MS);
});
chrome.windows.onRemoved.addListener(() => void record(recorder.tick('window-removed')));

chrome.idle.onStateChanged.addListener((state) => void record(recorder.idleChanged(state)));

async function permissionsChanged(): Promise<void> {
	await courier.reset();
	await courier.request();
}
chrome.permissions.onAdded.addListener(() => void permissionsChanged());
chrome.permissions.onRemoved.addListener(() => void permissionsChanged());

chrome.storage.onChanged.addListener((changes, area) => {
	const change = changes[SETTINGS_KEY];
	if (area !== 'local' || !change) return;
	const before = change.oldValue as Settings | undefined;
	const after = change.newValue as Settings | undefined;
	void (async () => {
		if (after && before?.idleThresholdSeconds !== after.idleThresholdSeconds) {
			await applyIdleThreshold(await readSettings());
		}
		if (before?.appOrigin !== after?.appOrigin) await courier.reset();
		await record(recorder.tick('settings'));
	})();
});

void wake();
