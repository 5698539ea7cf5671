/**
 * The extension's Manifest V3, made at build time by `extension/vite.config.ts`. The `key` (the
 * public key in `extension/public-key.txt`) fixes the extension id, which the app's bridge
 * allows by default; the host permission is for the app origin the build was made for, and any
 * other origin can be granted at run time (`optional_host_permissions`).
 */

export type ManifestOptions = {
	/** The public key, base64 DER, as in `public-key.txt`. */
	key: string;
	version: string;
	/** The app origin the build is made for; gets a required host permission. */
	appOrigin: string;
};

/** Paths of the pages inside the built extension. */
export const PAGES = {
	background: 'background.js',
	popup: 'popup/popup.html',
	options: 'options/options.html',
	offscreen: 'offscreen/offscreen.html'
} as const;

export function buildManifest(options: ManifestOptions): chrome.runtime.ManifestV3 {
	return {
		manifest_version: 3,
		name: 'Hindsight watcher',
		short_name: 'Hindsight',
		version: options.version,
		description:
			'Records the active tab, browser focus and idle time into your own Hindsight app. Nothing leaves this device.',
		key: options.key,
		// chrome.runtime.getContexts, used to find the offscreen document, arrived in Chrome 116.
		minimum_chrome_version: '116',
		background: { service_worker: PAGES.background, type: 'module' },
		action: { default_popup: PAGES.popup, default_title: 'Hindsight' },
		options_ui: { page: PAGES.options, open_in_tab: true },
		// unlimitedStorage lifts chrome.storage.local's 10 MB quota, which a long outage of busy
		// browsing can fill with outbox entries (extension/README.md, Delivery).
		permissions: ['offscreen', 'storage', 'unlimitedStorage', 'alarms', 'tabs', 'idle'],
		host_permissions: [`${options.appOrigin}/*`],
		optional_host_permissions: ['http://*/*', 'https://*/*'],
		incognito: 'spanning'
	};
}
