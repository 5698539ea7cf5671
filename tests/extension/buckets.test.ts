import { describe, expect, it } from 'vitest';
import { EXTENSION_CLIENT } from '../../src/core/bridge-protocol';
import { browserAppName, bucketsFor, detectBrowserName } from '../../extension/src/buckets';

describe('bucketsFor', () => {
	it('names the three buckets after the browser and the device, with their types', () => {
		expect(bucketsFor({ browserName: 'chrome', deviceName: 'laptop' })).toEqual({
			web: {
				id: 'aw-watcher-web-chrome_laptop',
				type: 'web.tab.current',
				client: EXTENSION_CLIENT,
				hostname: 'laptop'
			},
			afk: {
				id: 'aw-watcher-afk_laptop',
				type: 'afkstatus',
				client: EXTENSION_CLIENT,
				hostname: 'laptop'
			},
			window: {
				id: 'aw-watcher-window_laptop',
				type: 'currentwindow',
				client: EXTENSION_CLIENT,
				hostname: 'laptop'
			}
		});
	});
});

// The dashboard's app-name regexes for each browser key (dashboard-and-watchers.md 4.3).
const DASHBOARD_REGEX: Record<string, RegExp> = {
	chrome: /^google[-_ ]?chrome|chrome|chromium/i,
	edge: /^microsoft[-_ ]?edge|msedge/i,
	brave: /brave/i,
	opera: /opera/i,
	vivaldi: /vivaldi/i,
	firefox: /firefox|librewolf|waterfox|nightly/i,
	yandex: /yandex/i,
	helium: /helium/i
};

describe('browserAppName', () => {
	it('gives a name the dashboard recognises as the same browser', () => {
		for (const [key, regex] of Object.entries(DASHBOARD_REGEX)) {
			expect(browserAppName(key), key).toMatch(regex);
		}
		expect(browserAppName('chrome')).toBe('Google Chrome');
	});
});

describe('detectBrowserName', () => {
	const chromium =
		'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36';

	it('reads the brand list first, then the user agent', () => {
		const detect = (brands: string[], userAgent = chromium, isBrave = false) =>
			detectBrowserName({ brands, userAgent, isBrave });
		expect(detect(['Not;A=Brand', 'Chromium'])).toBe('chrome');
		expect(detect(['Chromium', 'Google Chrome'])).toBe('chrome');
		expect(detect(['Chromium', 'Microsoft Edge'])).toBe('edge');
		expect(detect([], `${chromium} Edg/150.0`)).toBe('edge');
		expect(detect(['Chromium', 'Opera'])).toBe('opera');
		expect(detect([], `${chromium} OPR/110.0`)).toBe('opera');
		expect(detect(['Chromium'], chromium, true)).toBe('brave');
		expect(detect(['Chromium', 'Vivaldi'])).toBe('vivaldi');
	});
});
