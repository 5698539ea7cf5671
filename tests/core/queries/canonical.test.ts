import { describe, expect, it } from 'vitest';
import { runQuery } from '../../../src/core/query';
import {
	BROWSERS,
	browsersWithBuckets,
	canonicalEventLines,
	categoriesLiteral,
	quoteId,
	readBucket,
	safeHostname,
	splitStatements
} from '../../../src/core/queries';
import { dashboardSource, HOUR } from './fixture';

const DESKTOP = {
	windowBucket: 'aw-watcher-window_h',
	afkBucket: 'aw-watcher-afk_h',
	filterAfk: false
};

describe('canonicalEventLines', () => {
	it('emits only the window read and an empty stopwatch for the bare desktop form', () => {
		expect(canonicalEventLines(DESKTOP)).toEqual([
			'events = flood(query_bucket("aw-watcher-window_h"));',
			'not_afk = flood(query_bucket("aw-watcher-afk_h"));',
			'not_afk = filter_keyvals(not_afk, "status", ["not-afk"]);',
			'stopwatch_events = [];'
		]);
	});

	it('emits every optional step in the order of the pipeline', () => {
		const lines = canonicalEventLines({
			...DESKTOP,
			filterAfk: true,
			alwaysActivePattern: 'zoom|meet',
			browserBuckets: ['aw-watcher-web-arc_h'],
			includeAudible: true,
			stopwatchBucket: 'aw-stopwatch',
			categories: [],
			filterCategories: [['Work']],
			returnSuffix: 'h'
		});
		expect(lines.filter((l) => !l.includes('_arc'))).toEqual([
			'events = flood(query_bucket("aw-watcher-window_h"));',
			'not_afk = flood(query_bucket("aw-watcher-afk_h"));',
			'not_afk = filter_keyvals(not_afk, "status", ["not-afk"]);',
			'not_treat_as_afk = filter_keyvals_regex(events, "app", "zoom|meet");',
			'not_afk = period_union(not_afk, not_treat_as_afk);',
			'not_treat_as_afk = filter_keyvals_regex(events, "title", "zoom|meet");',
			'not_afk = period_union(not_afk, not_treat_as_afk);',
			'browser_events = [];',
			'browser_events = sort_by_timestamp(browser_events);',
			'audible_events = filter_keyvals(browser_events, "audible", [true]);',
			'not_afk = period_union(not_afk, audible_events);',
			'events = filter_period_intersect(events, not_afk);',
			'stopwatch_events = query_bucket("aw-stopwatch");',
			'events = union_no_overlap(stopwatch_events, events);',
			'events = categorize(events, []);',
			'events = filter_keyvals(events, "$category", [["Work"]]);',
			'events_h = events;',
			'not_afk_h = not_afk;'
		]);
	});

	it('sends the arc pattern with its backslash doubled, and an empty name list', () => {
		const lines = canonicalEventLines({ ...DESKTOP, browserBuckets: ['aw-watcher-web-arc_h'] });
		expect(lines).toContain('window_arc = filter_keyvals(events, "app", []);');
		expect(lines).toContain(
			String.raw`window_arc_re = filter_keyvals_regex(events, "app", "(?i)^arc(\\.exe)?$");`
		);
	});

	it('reads the Android bucket and merges by app and title', () => {
		expect(
			canonicalEventLines({
				platform: 'android',
				appBucket: 'aw-watcher-android-test',
				categories: []
			})
		).toEqual([
			'events = flood(query_bucket("aw-watcher-android-test"));',
			'events = merge_events_by_keys(events, ["app", "title"]);',
			'stopwatch_events = [];',
			'events = categorize(events, []);'
		]);
	});

	it('runs with a browser whose name list and regex both match the same window', async () => {
		// Window 102 "Google-chrome" matches only the regex; the program still parses and runs.
		const lines = canonicalEventLines({
			windowBucket: 'aw-watcher-window_laptop',
			afkBucket: 'aw-watcher-afk_laptop',
			filterAfk: true,
			browserBuckets: ['aw-watcher-web-chrome_laptop']
		});
		const query = splitStatements(`${lines.join('\n')}\nRETURN = browser_events;`);
		const [events] = (await runQuery({ query, timeperiods: [HOUR] }, dashboardSource())) as [
			{ id: number }[]
		];
		expect(events.map((e) => e.id)).toEqual([120, 121]);
	});
});

describe('literals', () => {
	it('collapses doubled backslashes in the rules, so \\w reaches the regex compiler as \\w', () => {
		const text = categoriesLiteral([
			[['A'], { type: 'regex', regex: '\\w+\\.rs\\b "q"', ignore_case: true }]
		]);
		expect(text).toBe(
			String.raw`[[["A"],{"type":"regex","regex":"\w+\.rs\b \"q\"","ignore_case":true}]]`
		);
	});

	it('escapes double quotes in bucket ids and resolves ids ending in "_" by prefix', () => {
		expect(quoteId('a"b')).toBe('"a\\"b"');
		expect(readBucket('aw-watcher-afk_')).toBe('query_bucket(find_bucket("aw-watcher-afk_"))');
		expect(readBucket('x"y')).toBe('query_bucket("x\\"y")');
	});

	it('makes host names safe for variable names', () => {
		expect(safeHostname('my-host.local_2')).toBe('myhostlocal_2');
	});
});

describe('browsersWithBuckets', () => {
	it('takes browsers in table order, each with the first bucket containing its key', () => {
		const found = browsersWithBuckets([
			'aw-watcher-web-firefox_b',
			'aw-watcher-web-chrome_a',
			'aw-watcher-web-firefox_a'
		]);
		expect(found.map((f) => [f.browser.key, f.bucketId])).toEqual([
			['chrome', 'aw-watcher-web-chrome_a'],
			['firefox', 'aw-watcher-web-firefox_b']
		]);
		expect(BROWSERS.map((b) => b.key)).toEqual([
			'chrome',
			'firefox',
			'opera',
			'brave',
			'edge',
			'arc',
			'vivaldi',
			'orion',
			'yandex',
			'zen',
			'floorp',
			'helium'
		]);
	});
});
