import { describe, expect, it } from 'vitest';
import { runQuery } from '../../../src/core/query';
import {
	canonicalEventsQuery,
	categoryBuilderQuery,
	explorerDefaultQuery,
	searchQuery,
	sunburstQuery,
	timelineQuery,
	workReportQuery
} from '../../../src/core/queries';
import {
	CHROME_DOCS,
	CHROMIUM_NEWS,
	CODE_LIB,
	CODE_MAIN,
	dashboardSource,
	HOUR,
	out,
	RULES,
	SPOTIFY,
	TERMINAL,
	UNCAT,
	WORK,
	WP
} from './fixture';

const LAPTOP = {
	windowBucket: 'aw-watcher-window_laptop',
	afkBucket: 'aw-watcher-afk_laptop',
	filterAfk: true
};

async function run(query: string | string[]): Promise<unknown> {
	const [result] = await runQuery({ query, timeperiods: [HOUR] }, dashboardSource());
	return result;
}

// The laptop's AFK-filtered window events (no always-active pattern, no browser): 101 [0,60.5),
// 102 [60.5,90), 103 [90,100), 104 [250,300), 105 [300,350).

describe('view queries', () => {
	it('search keeps the events matching the text, as category "searched"', async () => {
		const query = searchQuery(LAPTOP, 'main');
		expect(query.at(-1)).toBe('RETURN = events;');
		expect(query).toContain(
			'events = categorize(events, [[["searched"],{"type":"regex","regex":"main"}]]);'
		);
		expect(await run(query)).toEqual([
			out(101, 0, 60.5, { ...CODE_MAIN, $category: ['searched'] })
		]);
	});

	it('the category builder returns one category longest first, split on line feeds', async () => {
		const query = categoryBuilderQuery(LAPTOP, RULES, WP);
		expect(query.at(-1)).toBe('RETURN = limit_events(sort_by_duration(events), 1000);');
		expect(await run(query)).toEqual([
			out(101, 0, 60.5, { ...CODE_MAIN, $category: WP }),
			out(104, 250, 50, { ...CODE_LIB, $category: WP })
		]);
	});

	it('the timeline categorizes with no rules, so everything is Uncategorized', async () => {
		const query = timelineQuery(LAPTOP);
		expect(query).toContain('events = categorize(events, []);');
		const events = (await run(query)) as { data: { $category: string[] } }[];
		expect(events.map((e) => e.data.$category)).toEqual([UNCAT, UNCAT, UNCAT, UNCAT, UNCAT]);
	});

	it('the canonical events query returns the events themselves', async () => {
		const events = (await run(canonicalEventsQuery({ ...LAPTOP, categories: RULES }))) as {
			duration: number;
		}[];
		expect(events.map((e) => e.duration)).toEqual([60.5, 29.5, 10, 50, 50]);
	});

	it('the sunburst clock floods one bucket', async () => {
		expect(await run(sunburstQuery('aw-watcher-window_laptop'))).toEqual([
			out(101, 0, 60.5, CODE_MAIN),
			out(102, 60.5, 29.5, CHROME_DOCS),
			out(103, 90, 30, SPOTIFY),
			out(104, 200, 100, CODE_LIB),
			out(105, 300, 50, CHROMIUM_NEWS)
		]);
	});

	it('the work report folds the hosts, filtered to the work categories', async () => {
		// laptop: Work and W>P events 101, 102, 104 (cut to [250,300)); desk's ssh is
		// Uncategorized and filtered out. 60.5 + 29.5 + 50 = 140.
		const query = workReportQuery({
			hosts: ['laptop', 'desk'],
			categories: RULES,
			filterCategories: [WORK, WP]
		});
		expect(typeof query).toBe('string');
		expect(await run(query)).toEqual({
			events: [
				out(101, 0, 60.5, { ...CODE_MAIN, $category: WP }),
				out(102, 60.5, 29.5, { ...CHROME_DOCS, $category: WORK }),
				out(104, 250, 50, { ...CODE_LIB, $category: WP })
			],
			duration: 140
		});
		// Billing: no filter, so desk's ssh [100,200) joins in the laptop's gap.
		const billing = (await run(
			workReportQuery({ hosts: ['laptop', 'desk'], categories: RULES })
		)) as { duration: number };
		expect(billing.duration).toBe(60.5 + 29.5 + 10 + 100 + 50 + 50);
	});

	it("the query explorer's example reads the first buckets found by prefix", async () => {
		// find_bucket("aw-watcher-window_") picks aw-watcher-window_desk (smallest id): ssh
		// [100,200) inside desk's not-afk [0,400).
		const rules = '[[["Work"],{"type":"regex","regex":"Code"}]]';
		expect(explorerDefaultQuery('__CATEGORIES__')).toContain(
			'categorize(merged_events, __CATEGORIES__)'
		);
		expect(explorerDefaultQuery([[['Work'], { type: 'regex', regex: 'Code' }]])).toContain(rules);
		expect(await run(explorerDefaultQuery([[['Work'], { type: 'regex', regex: 'Code' }]]))).toEqual(
			[out(null, 100, 100, { ...TERMINAL, $category: UNCAT })]
		);
	});
});
