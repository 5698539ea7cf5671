import { describe, expect, it } from 'vitest';
import { runQuery } from '../../../src/core/query';
import {
	reportQuery,
	reportRules,
	type CategoryPair,
	type ReportParams,
	type ReportSelection
} from '../../../src/core/queries';
import {
	CHROME_DOCS,
	CODE_LIB,
	CODE_MAIN,
	dashboardSource,
	HOUR,
	MUSIC,
	out,
	RULES,
	SPOTIFY,
	WORK,
	WP
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

const GITHUB = {
	url: 'https://github.com/a',
	title: 'GitHub',
	audible: false,
	$protocol: 'https',
	$domain: 'github.com',
	$path: '/a',
	$params: ''
};

const chosen = (...paths: string[][]): ReportSelection => ({
	kind: 'categories',
	rules: RULES,
	chosen: paths
});

const regex = (pattern: string): ReportSelection => ({ kind: 'regex', pattern });

async function report(
	params: Omit<ReportParams, 'selection'>,
	selection: ReportSelection
): Promise<unknown> {
	const query = reportQuery({ ...params, selection });
	const [result] = await runQuery({ query, timeperiods: [HOUR] }, dashboardSource());
	return result;
}

// Laptop, flooded and cut to the active time [0,100) and [250,450): 101 Code/main.rs [0,60.5),
// 102 Google-chrome/Docs [60.5,90), 103 Spotify [90,100), 104 Code/lib.rs [250,300),
// 105 chromium/News [300,350).

describe('reportQuery', () => {
	it('reports a chosen category with its subcategories, oldest first', async () => {
		// main.rs and lib.rs match both Work ("Code") and Work > Programming ("\.rs$"): the deeper wins.
		expect(await report(LAPTOP, chosen(WORK))).toEqual([
			out(101, 0, 60.5, { ...CODE_MAIN, $category: WP }),
			out(102, 60.5, 29.5, { ...CHROME_DOCS, $category: WORK }),
			out(104, 250, 50, { ...CODE_LIB, $category: WP })
		]);
	});

	it('categorizes with only the chosen rules', async () => {
		// Without the Work rule, Docs matches nothing chosen and is left out.
		expect(await report(LAPTOP, chosen(WP))).toEqual([
			out(101, 0, 60.5, { ...CODE_MAIN, $category: WP }),
			out(104, 250, 50, { ...CODE_LIB, $category: WP })
		]);
	});

	it('reports several categories at once, a rule-less parent through its children', async () => {
		expect(await report(LAPTOP, chosen(WP, ['Media']))).toEqual([
			out(101, 0, 60.5, { ...CODE_MAIN, $category: WP }),
			out(103, 90, 10, { ...SPOTIFY, $category: MUSIC }),
			out(104, 250, 50, { ...CODE_LIB, $category: WP })
		]);
	});

	it('keeps away time when AFK is not excluded', async () => {
		expect(await report({ ...LAPTOP, filterAfk: false }, chosen(MUSIC))).toEqual([
			out(103, 90, 30, { ...SPOTIFY, $category: MUSIC })
		]);
	});

	it('reports the events a custom regex matches as category "Custom"', async () => {
		expect(await report(LAPTOP, regex('^Code$'))).toEqual([
			out(101, 0, 60.5, { ...CODE_MAIN, $category: ['Custom'] }),
			out(104, 250, 50, { ...CODE_LIB, $category: ['Custom'] })
		]);
	});

	it('leaves the tab events of a desktop host out', async () => {
		// Tab 120 is titled "Docs" as well; only the window event is reported.
		expect(await report(LAPTOP, regex('Docs'))).toEqual([
			out(102, 60.5, 29.5, { ...CHROME_DOCS, $category: ['Custom'] })
		]);
	});

	it('reports the tab events of browser-only data, cut to the active time', async () => {
		// Profile: tabs 521 GitHub [100,150) and 522 GitHub [300,360); active [0,120), [300,400).
		// The focus stream's GitHub events carry the same title and are left out.
		const rules: CategoryPair[] = [
			[['Media', 'Video'], { type: 'regex', regex: 'YouTube' }],
			[['Work'], { type: 'regex', regex: '^github\\.com$' }]
		];
		const work = { kind: 'categories', rules, chosen: [WORK] } as const;
		expect(await report(PROFILE, work)).toEqual([
			out(521, 100, 20, { ...GITHUB, $category: WORK }),
			out(522, 300, 60, { ...GITHUB, $category: WORK })
		]);
		expect(await report({ ...PROFILE, filterAfk: false }, regex('GitHub'))).toEqual([
			out(521, 100, 50, { ...GITHUB, $category: ['Custom'] }),
			out(522, 300, 60, { ...GITHUB, $category: ['Custom'] })
		]);
	});

	it('rejects a custom regex that does not compile with the engine error quoting it', async () => {
		await expect(report(LAPTOP, regex('ma(in'))).rejects.toMatchObject({
			code: 'query_failed',
			message: expect.stringContaining("'ma(in'"),
			details: { kind: 'RegexCompileError' }
		});
	});
});

describe('reportRules', () => {
	it('takes the chosen rules and their subcategories in list order', () => {
		expect(reportRules(chosen(['Media'], WORK))).toEqual([RULES[0], RULES[1], RULES[2], RULES[3]]);
	});

	it('refuses an empty choice and says what to do', () => {
		expect(() => reportRules(chosen())).toThrow(
			expect.objectContaining({
				code: 'invalid_argument',
				message: expect.stringContaining('pick')
			})
		);
		expect(() => reportRules(chosen(['Nowhere']))).toThrow(
			expect.objectContaining({ code: 'invalid_argument' })
		);
		expect(() => reportRules(regex(''))).toThrow(
			expect.objectContaining({
				code: 'invalid_argument',
				message: expect.stringContaining('empty')
			})
		);
	});

	it('refuses a pattern ending in a lone backslash, in a custom regex or a chosen rule', () => {
		expect(() => reportRules(regex('Docs\\'))).toThrow(
			expect.objectContaining({
				code: 'regex_compile',
				details: expect.objectContaining({ offset: 4 })
			})
		);
		const rules: CategoryPair[] = [[WORK, { type: 'regex', regex: 'a\\' }]];
		expect(() => reportRules({ kind: 'categories', rules, chosen: [WORK] })).toThrow(
			expect.objectContaining({ code: 'regex_compile', message: expect.stringContaining("'a\\'") })
		);
	});
});
