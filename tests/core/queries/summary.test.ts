import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../../src/core/model/event';
import { MemorySource, parseQuery, runQuery } from '../../../src/core/query';
import {
	activityQuery,
	activityQueryAndroid,
	androidQuery,
	categoryQuery,
	editorActivityQuery,
	fullDesktopQuery,
	multideviceQuery,
	type DesktopSummaryParams
} from '../../../src/core/queries';
import {
	CHROME_DOCS,
	CHROMIUM_NEWS,
	CODE_LIB,
	CODE_MAIN,
	dashboardSource,
	DOCS_TAB,
	HOUR,
	MUSIC,
	NEWS_TAB,
	out,
	RULES,
	SPOTIFY,
	TERMINAL,
	UNCAT,
	WORK,
	WP
} from './fixture';

async function run(
	query: string[],
	periods = [HOUR],
	source = dashboardSource()
): Promise<unknown[]> {
	parseQuery(query);
	return runQuery({ query, timeperiods: periods }, source);
}

const cat = (data: object, category: string[]) => ({ ...data, $category: category });

const LAPTOP: DesktopSummaryParams = {
	windowBucket: 'aw-watcher-window_laptop',
	afkBucket: 'aw-watcher-afk_laptop',
	filterAfk: true,
	browserBuckets: ['aw-watcher-web-chrome_laptop'],
	includeAudible: true,
	alwaysActivePattern: 'Spotify',
	stopwatchBucket: 'aw-stopwatch',
	categories: RULES
};

describe('fullDesktopQuery', () => {
	it('reproduces Q07 of the test vectors: the same program text and the same result', async () => {
		const dir = join(import.meta.dirname, '../query/samples/q07-full-desktop-summary');
		const query = fullDesktopQuery({
			windowBucket: 'aw-watcher-window_host',
			afkBucket: 'aw-watcher-afk_host',
			filterAfk: true,
			browserBuckets: ['aw-watcher-web-firefox_host'],
			includeAudible: true,
			categories: [
				[['Work'], { type: 'regex', regex: 'GitHub|aw-' }],
				[['Work', 'Programming'], { type: 'regex', regex: '\\.rs\\b' }],
				[['Media'], { type: 'none' }],
				[['Media', 'Video'], { type: 'regex', regex: 'youtube', ignore_case: true }]
			]
		});
		expect(query.join('\n')).toBe(readFileSync(join(dir, 'query.txt'), 'utf8').trimEnd());

		const fixture = JSON.parse(readFileSync(join(dir, '../_fixtures/q-series.json'), 'utf8')) as {
			buckets: Record<string, { hostname: string; events: unknown[] }>;
		};
		const source = new MemorySource(
			Object.entries(fixture.buckets).map(([id, b]) => ({
				bucket: { id, hostname: b.hostname },
				events: b.events.map(parseEvent)
			}))
		);
		const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
		expect(await run(query, ['2000-01-01T00:00:00Z/2000-01-01T01:00:00Z'], source)).toEqual(
			expected
		);
	});

	it('runs every option: always-active pattern, browser, audible, AFK filter, stopwatch, categories', async () => {
		// Flooded window events: 101 [0,60.5) (the 1 s gap split in the middle), 102 [60.5,90),
		// 103 [90,120), 104 [200,300), 105 [300,350).
		// Active time: not-afk [0,100) and [250,450); Spotify (always active) adds [90,120), so
		// [0,120) and [250,450); the audible tab [300,350) lies inside the second span already.
		// Chrome windows (regex): 102 and 105; the tabs lie inside them: 120 [61,90), 121 [300,350).
		// AFK filter: 101, 102, 103 unchanged; 104 cut to [250,300); 105 unchanged.
		// Stopwatch 130 [10,30) cuts 101 into [0,10) and [30,60.5) (pieces lose their id).
		// Categories: main.rs, lib.rs → Work > Programming; Docs → Work; Spotify → Media > Music;
		// Focus → Focus; News → Uncategorized.
		const [result] = (await run(fullDesktopQuery(LAPTOP))) as [
			Record<string, Record<string, unknown>>
		];
		const mainPiece = cat(CODE_MAIN, WP);

		// Title rows: lib.rs 50, News 50, main.rs 10 + 30.5 = 40.5, Song 30, Docs 29.5 (the
		// stopwatch event has no app and is skipped); ties keep first-occurrence order.
		expect(result.window.title_events).toEqual([
			out(null, 250, 50, cat(CODE_LIB, WP)),
			out(null, 300, 50, cat(CHROMIUM_NEWS, UNCAT)),
			out(null, 0, 40.5, mainPiece),
			out(null, 90, 30, cat(SPOTIFY, MUSIC)),
			out(null, 60.5, 29.5, cat(CHROME_DOCS, WORK))
		]);
		// Apps, merged from the sorted title rows: Code = 50 + 40.5 with lib.rs's data.
		expect(result.window.app_events).toEqual([
			out(null, 250, 90.5, cat(CODE_LIB, WP)),
			out(null, 300, 50, cat(CHROMIUM_NEWS, UNCAT)),
			out(null, 90, 30, cat(SPOTIFY, MUSIC)),
			out(null, 60.5, 29.5, cat(CHROME_DOCS, WORK))
		]);
		// Categories: W>P 10 + 30.5 + 50 = 90.5, Uncategorized 50, Music 30, Work 29.5, Focus 20.
		expect(result.window.cat_events).toEqual([
			out(null, 0, 90.5, mainPiece),
			out(null, 300, 50, cat(CHROMIUM_NEWS, UNCAT)),
			out(null, 90, 30, cat(SPOTIFY, MUSIC)),
			out(null, 60.5, 29.5, cat(CHROME_DOCS, WORK)),
			out(null, 10, 20, cat({ label: 'Focus' }, ['Focus']))
		]);
		expect(result.window.active_events).toEqual([out(110, 0, 120, {}), out(112, 250, 200, {})]);
		// 10 + 20 + 30.5 + 29.5 + 30 + 50 + 50
		expect(result.window.duration).toBe(220);

		const news = {
			...NEWS_TAB,
			$protocol: 'https',
			$domain: 'youtube.com',
			$path: '/watch',
			$params: 'v=1'
		};
		const docs = {
			...DOCS_TAB,
			$protocol: 'https',
			$domain: 'docs.google.com',
			$path: '/doc',
			$params: ''
		};
		const rows = [out(null, 300, 50, news), out(null, 61, 29, docs)];
		expect(result.browser).toEqual({ domains: rows, urls: rows, titles: rows, duration: 79 });
		expect(result.stopwatch).toEqual({ stopwatch_events: [out(null, 10, 20, { label: 'Focus' })] });
	});

	it('filters by category and resolves ids ending in "_" with find_bucket', async () => {
		const query = fullDesktopQuery({
			...LAPTOP,
			windowBucket: 'aw-watcher-window_',
			afkBucket: 'aw-watcher-afk_',
			filterCategories: [WORK, WP]
		});
		expect(query[0]).toBe('events = flood(query_bucket(find_bucket("aw-watcher-window_")));');
		// find_bucket picks the smallest id: aw-watcher-window_desk and aw-watcher-afk_desk, so
		// only the laptop's buckets are kept in the source. Work and Work > Programming remain:
		// [0,10) + [30,60.5) + lib.rs [250,300) + Docs 29.5 = 10 + 30.5 + 50 + 29.5 = 120.
		const source = dashboardSource((id) => id.includes('laptop') || id === 'aw-stopwatch');
		const [result] = (await run(query, [HOUR], source)) as [
			{ window: { duration: number; cat_events: unknown[] } }
		];
		expect(result.window.duration).toBe(120);
		expect(result.window.cat_events).toEqual([
			out(null, 0, 90.5, cat(CODE_MAIN, WP)),
			out(null, 60.5, 29.5, cat(CHROME_DOCS, WORK))
		]);
	});
});

describe('multideviceQuery', () => {
	it('folds the hosts together, the earlier host winning where they overlap', async () => {
		// laptop (no always-active, no audible): not_afk [0,100) and [250,450) keep their
		// status data; window events after the AFK filter: 101 [0,60.5), 102 [60.5,90),
		// 103 [90,100), 104 [250,300), 105 [300,350). desk: 201 [100,200) inside not-afk [0,400).
		// union_no_overlap(laptop, desk): 201 fits in the gap [100,250), so nothing is cut.
		// Active time: desk's [0,400) is cut around laptop's spans: [100,250) remains (id null).
		const query = multideviceQuery({
			hosts: [{ hostname: 'laptop' }, { hostname: 'desk' }],
			filterAfk: true,
			categories: RULES
		});
		const [result] = (await run(query)) as [{ window: Record<string, unknown> }];
		// Titles: ssh 100, main.rs 60.5, lib.rs 50, News 50, Docs 29.5, Song 10.
		expect(result.window.title_events).toEqual([
			out(null, 100, 100, cat(TERMINAL, UNCAT)),
			out(null, 0, 60.5, cat(CODE_MAIN, WP)),
			out(null, 250, 50, cat(CODE_LIB, WP)),
			out(null, 300, 50, cat(CHROMIUM_NEWS, UNCAT)),
			out(null, 60.5, 29.5, cat(CHROME_DOCS, WORK)),
			out(null, 90, 10, cat(SPOTIFY, MUSIC))
		]);
		// Apps: Code 60.5 + 50 (data of main.rs, the longer row), Terminal 100, ...
		expect(result.window.app_events).toEqual([
			out(null, 0, 110.5, cat(CODE_MAIN, WP)),
			out(null, 100, 100, cat(TERMINAL, UNCAT)),
			out(null, 300, 50, cat(CHROMIUM_NEWS, UNCAT)),
			out(null, 60.5, 29.5, cat(CHROME_DOCS, WORK)),
			out(null, 90, 10, cat(SPOTIFY, MUSIC))
		]);
		// Uncategorized = ssh 100 + News 50 (first occurrence: ssh at 100 s).
		expect(result.window.cat_events).toEqual([
			out(null, 100, 150, cat(TERMINAL, UNCAT)),
			out(null, 0, 110.5, cat(CODE_MAIN, WP)),
			out(null, 60.5, 29.5, cat(CHROME_DOCS, WORK)),
			out(null, 90, 10, cat(SPOTIFY, MUSIC))
		]);
		expect(result.window.active_events).toEqual([
			out(110, 0, 100, { status: 'not-afk' }),
			out(null, 100, 150, { status: 'not-afk' }),
			out(112, 250, 200, { status: 'not-afk' })
		]);
		// 60.5 + 29.5 + 10 + 100 + 50 + 50
		expect(result.window.duration).toBe(300);
	});
});

describe('androidQuery', () => {
	it('merges by app and title first, then drops rows without classname from the titles', async () => {
		// merge by app+title: Chrome 100 + 30 = 130 (ts 0), Signal 50, Maps 40; Clock has no
		// title and vanishes. Maps has no classname, so it is missing from title_events.
		const rules = [
			[['Comms', 'IM'], { type: 'regex', regex: 'Signal' }],
			[['Web'], { type: 'regex', regex: 'Chrome' }]
		] as const;
		const query = androidQuery({ appBucket: 'aw-watcher-android-test', categories: rules });
		expect(query.at(-1)).toMatch(/^RETURN {2}= \{"app_events"/);
		const chrome = {
			app: 'Chrome',
			classname: 'com.android.Main',
			title: 'Chrome',
			$category: ['Web']
		};
		const signal = {
			app: 'Signal',
			classname: 'org.Signal',
			title: 'Signal',
			$category: ['Comms', 'IM']
		};
		const apps = [out(null, 0, 130, chrome), out(null, 100, 50, signal)];
		expect(await run(query)).toEqual([
			{
				app_events: apps,
				title_events: apps,
				cat_events: [...apps, out(null, 300, 40, { app: 'Maps', title: 'Maps', $category: UNCAT })],
				duration: 220,
				active_events: apps
			}
		]);
	});
});

describe('categoryQuery', () => {
	it('sums time per category in each period, with events clipped to the period', async () => {
		// [0,100]: 101 [0,60.5), 102 [60.5,90), 103 clipped to [90,100); all active.
		// [100,400]: 103 → [100,120), 104, 105. Active: the touching not-afk event [100,100)
		// and [250,400), so 103 is dropped and 104 cut to [250,300).
		const periods = [
			'2000-01-01T00:00:00Z/2000-01-01T00:01:40Z',
			'2000-01-01T00:01:40Z/2000-01-01T00:06:40Z'
		];
		const query = categoryQuery({
			windowBucket: 'aw-watcher-window_laptop',
			afkBucket: 'aw-watcher-afk_laptop',
			filterAfk: true,
			categories: RULES
		});
		expect(await run(query, periods)).toEqual([
			{
				cat_events: [
					out(null, 0, 60.5, cat(CODE_MAIN, WP)),
					out(null, 60.5, 29.5, cat(CHROME_DOCS, WORK)),
					out(null, 90, 10, cat(SPOTIFY, MUSIC))
				]
			},
			{
				cat_events: [
					out(null, 250, 50, cat(CODE_LIB, WP)),
					out(null, 300, 50, cat(CHROMIUM_NEWS, UNCAT))
				]
			}
		]);
	});

	it('also takes the multi-device form', async () => {
		const query = categoryQuery({
			platform: 'multidevice',
			hosts: [{ hostname: 'laptop' }, { hostname: 'desk' }],
			filterAfk: true,
			categories: RULES
		});
		const [result] = (await run(query)) as [{ cat_events: { duration: number }[] }];
		expect(result.cat_events.map((e) => e.duration)).toEqual([150, 110.5, 29.5, 10]);
	});
});

describe('activityQuery', () => {
	it('gives one summed not-afk event per period over all AFK buckets', async () => {
		// [0,200]: laptop not-afk [0,100); desk [0,200) cut to [100,200) → 200 s from 0 s.
		// [200,500]: laptop [250,450); desk [200,400) gives [200,250) → 250 s, timestamped by the
		// first event in input order (the desk piece).
		const periods = [
			'2000-01-01T00:00:00Z/2000-01-01T00:03:20Z',
			'2000-01-01T00:03:20Z/2000-01-01T00:08:20Z'
		];
		const query = activityQuery(['aw-watcher-afk_laptop', 'aw-watcher-afk_desk']);
		expect(await run(query, periods)).toEqual([
			[out(null, 0, 200, { status: 'not-afk' })],
			[out(null, 200, 250, { status: 'not-afk' })]
		]);
	});

	it('sums the app bucket per period on Android', async () => {
		// 100 + 50 + 30 + 40 + 20
		expect(await run(activityQueryAndroid('aw-watcher-android-test'))).toEqual([240]);
	});
});

describe('editorActivityQuery', () => {
	it('lists files, languages and projects over every editor bucket', async () => {
		// vscode flooded: a.ts [0,61), b.rs [61,92) (2 s gap split); vim a.ts [100,140).
		const query = editorActivityQuery(['aw-watcher-vscode_laptop', 'aw-watcher-vim_laptop']);
		const a = { file: 'a.ts', language: 'typescript', project: 'p1' };
		const b = { file: 'b.rs', language: 'rust', project: 'p2' };
		const rows = [out(null, 0, 101, a), out(null, 61, 31, b)];
		expect(await run(query)).toEqual([
			{ files: rows, languages: rows, projects: rows, duration: 132 }
		]);
	});
});
