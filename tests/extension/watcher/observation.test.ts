import { describe, expect, it } from 'vitest';
import {
	verdictOf,
	webData,
	windowData,
	type Observation
} from '../../../extension/src/watcher/observation';

const RULES = { excludedSites: ['bank.example'], recordPrivate: false };
const TAB = { url: 'https://news.example/a', title: 'News', audible: true, incognito: false };
const SEEN: Observation = { focused: true, tab: TAB, tabCount: 4 };

describe('webData', () => {
	it('keeps exactly url, title, audible, incognito and tabCount', () => {
		const tab = { ...TAB, favIconUrl: 'data:image/png;base64,AAAA', pinned: true };
		expect(webData({ ...SEEN, tab }, RULES)).toEqual({
			url: 'https://news.example/a',
			title: 'News',
			audible: true,
			incognito: false,
			tabCount: 4
		});
	});

	it('counts an unknown audible state as silent', () => {
		const tab = { ...TAB, audible: undefined };
		expect(webData({ ...SEEN, tab }, RULES)?.audible).toBe(false);
	});

	it('records nothing while no browser window has focus', () => {
		expect(webData({ ...SEEN, focused: false }, RULES)).toBeNull();
		expect(verdictOf({ ...SEEN, focused: false }, RULES)).toBe('unfocused');
	});

	it('records nothing for a tab without URL or title, or without a tab', () => {
		expect(webData({ ...SEEN, tab: { ...TAB, title: '' } }, RULES)).toBeNull();
		expect(webData({ ...SEEN, tab: { ...TAB, url: undefined } }, RULES)).toBeNull();
		expect(verdictOf({ ...SEEN, tab: null }, RULES)).toBe('no-tab');
	});

	it('skips private tabs unless the user opted in', () => {
		const observation = { ...SEEN, tab: { ...TAB, incognito: true } };
		expect(webData(observation, RULES)).toBeNull();
		expect(verdictOf(observation, RULES)).toBe('private');
		expect(webData(observation, { ...RULES, recordPrivate: true })?.incognito).toBe(true);
	});

	it('skips excluded sites', () => {
		const observation = { ...SEEN, tab: { ...TAB, url: 'https://www.bank.example/' } };
		expect(webData(observation, RULES)).toBeNull();
		expect(verdictOf(observation, RULES)).toBe('excluded');
	});
});

describe('windowData', () => {
	it('names the browser and the active tab title while focused', () => {
		expect(windowData(SEEN, RULES, 'edge')).toEqual({ app: 'Microsoft Edge', title: 'News' });
	});

	it('follows the same rules as the tab stream', () => {
		expect(windowData({ ...SEEN, focused: false }, RULES, 'chrome')).toBeNull();
		const privateTab = { ...SEEN, tab: { ...TAB, incognito: true } };
		expect(windowData(privateTab, RULES, 'chrome')).toBeNull();
	});
});
