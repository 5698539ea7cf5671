import { describe, expect, it } from 'vitest';
import { runQuery } from '../../../src/core/query';
import {
	browserOnlySummaryQuery,
	fullDesktopQuery,
	type DesktopSummaryParams
} from '../../../src/core/queries';
import { dashboardSource, HOUR, out, UNCAT } from './fixture';

const PROFILE: DesktopSummaryParams = {
	windowBucket: 'aw-watcher-window_profile',
	afkBucket: 'aw-watcher-afk_profile',
	browserBuckets: ['aw-watcher-web-chrome_profile'],
	filterAfk: true,
	includeAudible: true,
	categories: [
		[['Media', 'Video'], { type: 'regex', regex: 'youtube\\.com' }],
		[['Work'], { type: 'regex', regex: 'github\\.com' }]
	]
};

async function run(query: string[]) {
	const [result] = (await runQuery({ query, timeperiods: [HOUR] }, dashboardSource())) as [
		{ window: Record<string, unknown>; browser: Record<string, unknown> }
	];
	return result;
}

const youtube = {
	url: 'https://www.youtube.com/watch?v=a',
	title: 'YouTube',
	audible: true,
	$protocol: 'https',
	$domain: 'youtube.com',
	$path: '/watch',
	$params: 'v=a'
};
const github = {
	url: 'https://github.com/a',
	title: 'GitHub',
	audible: false,
	$protocol: 'https',
	$domain: 'github.com',
	$path: '/a',
	$params: ''
};

describe('browserOnlySummaryQuery', () => {
	it('categorizes the AFK-filtered tab events and takes categories and time from them', async () => {
		// Focus stream "Google Chrome" matches the chrome regex, so every tab counts. Active:
		// not-afk [0,120) and [300,400) (the audible YouTube tab [0,100) adds nothing new).
		// Tabs after the AFK filter: YouTube [0,100), GitHub [100,120), GitHub [300,360).
		// Categories from URLs: youtube.com → Media > Video, github.com → Work.
		const result = await run(browserOnlySummaryQuery(PROFILE));
		expect(result.window.cat_events).toEqual([
			out(null, 0, 100, { ...youtube, $category: ['Media', 'Video'] }),
			out(null, 100, 80, { ...github, $category: ['Work'] })
		]);
		expect(result.window.duration).toBe(180);
		// Apps and titles still come from the focus stream, cut to the active time:
		// YouTube 100, GitHub 20 + 60.
		expect(result.window.title_events).toEqual([
			out(null, 0, 100, { app: 'Google Chrome', title: 'YouTube', $category: UNCAT }),
			out(null, 100, 80, { app: 'Google Chrome', title: 'GitHub', $category: UNCAT })
		]);
		expect(result.window.active_events).toEqual([out(510, 0, 120, {}), out(512, 300, 100, {})]);
		expect(result.browser.duration).toBe(180);
		expect(result.browser.domains).toEqual([
			out(null, 0, 100, { ...youtube, $category: ['Media', 'Video'] }),
			out(null, 100, 80, { ...github, $category: ['Work'] })
		]);
	});

	it('differs from the reference summary, which categorizes only window titles', async () => {
		// The focus stream's titles match neither URL rule; the uncut tabs total 100 + 50 + 60.
		const result = await run(fullDesktopQuery(PROFILE));
		expect(
			(result.window.cat_events as { data: { $category: string[] } }[]).map((e) => e.data.$category)
		).toEqual([UNCAT]);
		expect(result.browser.duration).toBe(210);
	});

	it('recognises Safari windows', () => {
		const query = browserOnlySummaryQuery({
			...PROFILE,
			browserBuckets: ['aw-watcher-web-safari_mac']
		});
		expect(query).toContain('window_safari = filter_keyvals(events, "app", ["Safari"]);');
		expect(
			fullDesktopQuery({ ...PROFILE, browserBuckets: ['aw-watcher-web-safari_mac'] }).join('\n')
		).not.toContain('safari');
	});
});
