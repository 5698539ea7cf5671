/**
 * The three buckets the extension writes, and the browser names they carry.
 *
 * Ids: `aw-watcher-web-<browser>_<device>` (active tab), `aw-watcher-afk_<device>` (idle) and
 * `aw-watcher-window_<device>` (browser focus). The last two take the desktop watchers' ids:
 * a browser-only device has no desktop watchers, and dashboard pages that still look for those
 * ids find the browser's streams. Two browsers on one device should therefore carry different
 * device names (the generated default differs per profile).
 */
import { EXTENSION_CLIENT } from '../../src/core/bridge-protocol';
import type { Settings } from './settings';

export type BucketSpec = {
	id: string;
	type: string;
	client: string;
	hostname: string;
};

export type Buckets = { web: BucketSpec; afk: BucketSpec; window: BucketSpec };

export function bucketsFor(settings: Pick<Settings, 'browserName' | 'deviceName'>): Buckets {
	const device = settings.deviceName;
	const make = (id: string, type: string): BucketSpec => ({
		id,
		type,
		client: EXTENSION_CLIENT,
		hostname: device
	});
	return {
		web: make(`aw-watcher-web-${settings.browserName}_${device}`, 'web.tab.current'),
		afk: make(`aw-watcher-afk_${device}`, 'afkstatus'),
		window: make(`aw-watcher-window_${device}`, 'currentwindow')
	};
}

/**
 * The `app` of focus events for each browser key: a name the dashboard's browser matching
 * (dashboard-and-watchers.md 4.3) recognises for the same key as the web bucket's id.
 */
const APP_NAMES: Record<string, string> = {
	chrome: 'Google Chrome',
	edge: 'Microsoft Edge',
	brave: 'Brave Browser',
	opera: 'Opera',
	vivaldi: 'Vivaldi',
	arc: 'Arc',
	yandex: 'Yandex',
	firefox: 'Firefox',
	safari: 'Safari'
};

/** The focus stream's `app` for a browser name; other names are capitalised as they are. */
export function browserAppName(browserName: string): string {
	return APP_NAMES[browserName] ?? browserName.charAt(0).toUpperCase() + browserName.slice(1);
}

/** What the browser tells about itself, as `navigator` has it. */
export type BrowserIdentity = {
	/** `navigator.userAgentData.brands[].brand`, when the browser offers it. */
	brands: readonly string[];
	userAgent: string;
	/** Brave exposes `navigator.brave`. */
	isBrave: boolean;
};

/**
 * Detects the browser key once (dashboard-and-watchers.md 6.1, plus Edge, Vivaldi and Opera
 * from the brand list): Chromium itself, and any browser it cannot tell apart, is `chrome`.
 */
export function detectBrowserName(identity: BrowserIdentity): string {
	const brands = identity.brands.join(' ');
	if (identity.isBrave || /\bBrave\b/.test(brands)) return 'brave';
	if (/\bMicrosoft Edge\b/.test(brands) || /\bEdg\//.test(identity.userAgent)) return 'edge';
	if (/\bOpera\b/.test(brands) || /\bOPR\//.test(identity.userAgent)) return 'opera';
	if (/\bVivaldi\b/.test(brands) || /\bVivaldi\//.test(identity.userAgent)) return 'vivaldi';
	if (/\bYaBrowser\//.test(identity.userAgent)) return 'yandex';
	if (/\bFirefox\//.test(identity.userAgent)) return 'firefox';
	return 'chrome';
}
