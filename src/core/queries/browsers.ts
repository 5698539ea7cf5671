/**
 * Which browser bucket belongs to which browser, and how that browser's windows are recognised
 * in the window watcher's `app` field (dashboard-and-watchers.md 4.3, query-language.md 13.2).
 */

export type BrowserKey =
	| 'chrome'
	| 'firefox'
	| 'opera'
	| 'brave'
	| 'edge'
	| 'arc'
	| 'vivaldi'
	| 'orion'
	| 'yandex'
	| 'zen'
	| 'floorp'
	| 'helium'
	| 'safari';

/** One browser's key and the names its windows go by. */
export type BrowserApps = {
	key: BrowserKey;
	/** Exact app names (Flatpak ids and the like). */
	names: readonly string[];
	/** A case-insensitive app-name pattern in the query dialect (leading `(?i)`). */
	pattern: string;
};

/** The reference table, in its fixed order. */
export const BROWSERS: readonly BrowserApps[] = [
	{
		key: 'chrome',
		names: ['com.google.Chrome', 'com.google.ChromeDev', 'org.chromium.Chromium'],
		pattern: '(?i)^(google[-_ ]?chrome|chrome|chromium)'
	},
	{
		key: 'firefox',
		names: ['org.mozilla.firefox', 'io.gitlab.librewolf-community', 'net.waterfox.waterfox'],
		pattern: '(?i)(firefox|librewolf|waterfox|nightly)'
	},
	{ key: 'opera', names: ['com.opera.Opera'], pattern: '(?i)(opera)' },
	{ key: 'brave', names: ['com.brave.Browser'], pattern: '(?i)(brave)' },
	{
		key: 'edge',
		names: ['com.microsoft.Edge', 'com.microsoft.EdgeDev'],
		pattern: '(?i)^(microsoft[-_ ]?edge|msedge)'
	},
	// Sent through JSON.stringify, so the backslash arrives doubled: `(?i)^arc(\\.exe)?$`
	// matches "Arc" but not "arc.exe", in both reference servers and here (11.4).
	{ key: 'arc', names: [], pattern: '(?i)^arc(\\.exe)?$' },
	{ key: 'vivaldi', names: ['com.vivaldi.Vivaldi'], pattern: '(?i)(vivaldi)' },
	{ key: 'orion', names: ['Orion'], pattern: '(?i)(orion)' },
	{ key: 'yandex', names: ['ru.yandex.Browser'], pattern: '(?i)(yandex)' },
	{ key: 'zen', names: ['app.zen_browser.zen'], pattern: '(?i)(zen)' },
	{ key: 'floorp', names: ['one.ablaze.floorp'], pattern: '(?i)(floorp)' },
	{ key: 'helium', names: ['net.imput.helium'], pattern: '(?i)(helium)' }
];

/**
 * Safari, which the reference table lacks; only the browser-only variant uses it
 * (dashboard-and-watchers.md 4.6), where the extension's focus stream names the app "Safari".
 */
export const SAFARI: BrowserApps = { key: 'safari', names: ['Safari'], pattern: '(?i)^safari$' };

/**
 * The browsers that have a bucket, in table order, each with the first bucket id (in the given
 * order) that contains the browser's key.
 */
export function browsersWithBuckets(
	bucketIds: readonly string[],
	table: readonly BrowserApps[] = BROWSERS
): { browser: BrowserApps; bucketId: string }[] {
	const out: { browser: BrowserApps; bucketId: string }[] = [];
	for (const browser of table) {
		const bucketId = bucketIds.find((id) => id.includes(browser.key));
		if (bucketId !== undefined) out.push({ browser, bucketId });
	}
	return out;
}
