import { describe, expect, it } from 'vitest';
import { runQuery } from '../../../src/core/query';
import { eventSearchQuery, newestFirst, type SearchParams } from '../../../src/core/queries';
import {
	CHROME_DOCS,
	CHROMIUM_NEWS,
	dashboardSource,
	DOCS_TAB,
	HOUR,
	NEWS_TAB,
	out,
	SPOTIFY
} from './fixture';

const LAPTOP = {
	windowBucket: 'aw-watcher-window_laptop',
	afkBucket: 'aw-watcher-afk_laptop',
	browserBuckets: ['aw-watcher-web-chrome_laptop'],
	filterAfk: true
};

const PROFILE = {
	windowBucket: 'aw-watcher-window_profile',
	afkBucket: 'aw-watcher-afk_profile',
	browserBuckets: ['aw-watcher-web-chrome_profile'],
	filterAfk: true,
	browserOnly: true
};

const SEARCHED = { $category: ['searched'] };
const DOCS_URL = { $protocol: 'https', $domain: 'docs.google.com', $path: '/doc', $params: '' };
const NEWS_URL = { $protocol: 'https', $domain: 'youtube.com', $path: '/watch', $params: 'v=1' };
const GITHUB = {
	url: 'https://github.com/a',
	title: 'GitHub',
	audible: false,
	$protocol: 'https',
	$domain: 'github.com',
	$path: '/a',
	$params: ''
};

async function search(params: Omit<SearchParams, 'pattern'>, pattern: string): Promise<unknown> {
	const query = eventSearchQuery({ ...params, pattern });
	const [result] = await runQuery({ query, timeperiods: [HOUR] }, dashboardSource());
	return result;
}

// Laptop, flooded: window 102 Google-chrome/Docs [60.5,90), 103 Spotify [90,120), 105 chromium/News
// [300,350); both are chrome windows, so the tabs keep 120 Docs [61,90) and 121 News [300,350).
// Active: [0,100) and [250,450).

describe('eventSearchQuery', () => {
	it('finds window events and tab events, oldest first, as category "searched"', async () => {
		expect(await search(LAPTOP, 'Docs')).toEqual([
			out(102, 60.5, 29.5, { ...CHROME_DOCS, ...SEARCHED }),
			out(120, 61, 29, { ...DOCS_TAB, ...DOCS_URL, ...SEARCHED })
		]);
	});

	it('matches tab events on their domain, with backslashes kept', async () => {
		expect(await search(LAPTOP, '^youtube\\.com$')).toEqual([
			out(121, 300, 50, { ...NEWS_TAB, ...NEWS_URL, ...SEARCHED })
		]);
	});

	it('does not match the other derived keys of tab events', async () => {
		expect(await search(LAPTOP, '^/doc$')).toEqual([]);
		expect(await search(LAPTOP, '^v=1$')).toEqual([]);
	});

	it('cuts window events to the active time only when AFK is excluded', async () => {
		expect(await search(LAPTOP, 'Spotify')).toEqual([
			out(103, 90, 10, { ...SPOTIFY, ...SEARCHED })
		]);
		expect(await search({ ...LAPTOP, filterAfk: false }, 'Spotify')).toEqual([
			out(103, 90, 30, { ...SPOTIFY, ...SEARCHED })
		]);
	});

	it('honours (?i) for a case-insensitive search', async () => {
		const found = (await search(LAPTOP, '(?i)news')) as { data: Record<string, unknown> }[];
		expect(found).toEqual([
			out(105, 300, 50, { ...CHROMIUM_NEWS, ...SEARCHED }),
			out(121, 300, 50, { ...NEWS_TAB, ...NEWS_URL, ...SEARCHED })
		]);
		expect(await search(LAPTOP, 'news')).toEqual([]);
	});

	it('searches window events only for a host without tab buckets', async () => {
		const query = eventSearchQuery({ ...LAPTOP, browserBuckets: [], pattern: 'Docs' });
		const [result] = await runQuery({ query, timeperiods: [HOUR] }, dashboardSource());
		expect(result).toEqual([out(102, 60.5, 29.5, { ...CHROME_DOCS, ...SEARCHED })]);
	});

	it('returns only tab events for browser-only data, cut to the active time', async () => {
		// Profile: tabs 521 GitHub [100,150) and 522 GitHub [300,360); active [0,120), [300,400).
		// The focus stream's GitHub events carry the same title and are left out.
		expect(await search(PROFILE, 'GitHub')).toEqual([
			out(521, 100, 20, { ...GITHUB, ...SEARCHED }),
			out(522, 300, 60, { ...GITHUB, ...SEARCHED })
		]);
		expect(await search({ ...PROFILE, filterAfk: false }, 'github\\.com/a')).toEqual([
			out(521, 100, 50, { ...GITHUB, ...SEARCHED }),
			out(522, 300, 60, { ...GITHUB, ...SEARCHED })
		]);
		expect(await search(PROFILE, 'Google Chrome')).toEqual([]);
	});

	it('rejects a pattern that does not compile with the engine error quoting it', async () => {
		await expect(search(LAPTOP, 'ma(in')).rejects.toMatchObject({
			code: 'query_failed',
			message: expect.stringContaining("'ma(in'"),
			details: { kind: 'RegexCompileError' }
		});
	});

	it('refuses a pattern ending in a lone backslash before it reaches the engine', async () => {
		await expect(search(LAPTOP, 'Docs\\')).rejects.toMatchObject({
			code: 'regex_compile',
			message: expect.stringContaining("'Docs\\'"),
			details: { kind: 'RegexCompileError', offset: 4 }
		});
		expect(await search(LAPTOP, 'Docs\\\\')).toEqual([]);
		expect(await search(LAPTOP, 'Do"cs')).toEqual([]);
		expect(await search(LAPTOP, 'main\\.rs')).toEqual([
			out(101, 0, 60.5, { app: 'Code', title: 'main.rs', ...SEARCHED })
		]);
	});
});

describe('newestFirst', () => {
	it('reverses an event list without changing the original', () => {
		const list = [out(1, 0, 1, {}), out(2, 5, 1, {})];
		expect(newestFirst(list)).toEqual([out(2, 5, 1, {}), out(1, 0, 1, {})]);
		expect(list[0].id).toBe(1);
	});

	it('passes other results through', () => {
		expect(newestFirst({ a: 1 })).toEqual({ a: 1 });
	});
});
