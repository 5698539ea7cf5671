/**
 * The settings in `chrome.storage.local` (key `settings`), shared by the background worker, the
 * popup and the options page. The first read makes the per-profile defaults that cannot be
 * constants (the device name, the detected browser name) and stores them, so they stay the same
 * from then on.
 */
import { detectBrowserName } from './buckets';
import { BUILD_APP_ORIGIN } from './config';
import { defaultDeviceName, defaultSettings, settingsFromStorage, type Settings } from './settings';

export const SETTINGS_KEY = 'settings';

function browserIdentity() {
	const nav = navigator as Navigator & {
		userAgentData?: { brands?: { brand: string }[] };
		brave?: unknown;
	};
	return {
		brands: nav.userAgentData?.brands?.map((b) => b.brand) ?? [],
		userAgent: nav.userAgent,
		isBrave: nav.brave !== undefined
	};
}

async function makeDefaults(): Promise<Settings> {
	const platform = await chrome.runtime.getPlatformInfo();
	const device = defaultDeviceName(platform.os, crypto.getRandomValues(new Uint8Array(2)));
	return defaultSettings(device, detectBrowserName(browserIdentity()), BUILD_APP_ORIGIN);
}

async function readStored(): Promise<Partial<Settings> | undefined> {
	const items = await chrome.storage.local.get(SETTINGS_KEY);
	return items[SETTINGS_KEY] as Partial<Settings> | undefined;
}

/** The first read that found no device name; later reads in this context wait for it. */
let making: Promise<Settings> | null = null;

async function makeAndStore(): Promise<Settings> {
	const stored = await readStored();
	if (stored?.deviceName && stored.browserName) return readSettings();
	const settings = settingsFromStorage(stored, await makeDefaults());
	await writeSettings(settings);
	return settings;
}

/** The current settings; stores the generated defaults the first time. */
export async function readSettings(): Promise<Settings> {
	const stored = await readStored();
	if (stored?.deviceName && stored.browserName) {
		const defaults = defaultSettings(stored.deviceName, stored.browserName, BUILD_APP_ORIGIN);
		return settingsFromStorage(stored, defaults);
	}
	making ??= makeAndStore().finally(() => {
		making = null;
	});
	return making;
}

export async function writeSettings(settings: Settings): Promise<void> {
	await chrome.storage.local.set({ [SETTINGS_KEY]: settings });
}

/** The host-permission pattern for an app origin. */
export function originPattern(origin: string): string {
	return `${origin}/*`;
}

/** Whether the extension may load the app's origin unpartitioned. */
export function hasHostPermission(origin: string): Promise<boolean> {
	return chrome.permissions.contains({ origins: [originPattern(origin)] });
}
