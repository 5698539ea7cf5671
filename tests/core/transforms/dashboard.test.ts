/**
 * The transforms composed as the dashboard's queries compose them, on the bucket reads of the
 * Q-series fixture of query-vectors.md (events as query_bucket returns them over P: clipped,
 * newest first). Checks Q03 and the full desktop summary Q07 step by step.
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../../src/core/model/event';
import type { JsonObject } from '../../../src/core/model/json';
import * as t from '../../../src/core/transforms';
import { categoryRules, ev, spans, wire } from './helpers';

const win = (title: string, app: string): JsonObject => ({ app, title });
const window: Event[] = [
	ev(3595, 5, win('lib.rs', 'Code'), 6),
	ev(130, 20, win('GitHub - ActivityWatch', 'Firefox'), 5),
	ev(92, 28, win('YouTube', 'Firefox'), 4),
	ev(32, 60, win('main.rs - aw-server-rust', 'Code'), 3),
	ev(0, 30, win('GitHub - ActivityWatch', 'Firefox'), 2)
];
const afk: Event[] = [
	ev(160, 3440, { status: 'not-afk' }, 9),
	ev(100, 60, { status: 'afk' }, 8),
	ev(0, 100, { status: 'not-afk' }, 7)
];
const tab = { incognito: false, tabCount: 3 };
const firefox: Event[] = [
	ev(
		95,
		30,
		{ url: 'https://www.youtube.com/watch?v=x', title: 'YouTube', audible: true, ...tab },
		21
	),
	ev(
		1,
		25,
		{
			url: 'https://github.com/ActivityWatch',
			title: 'GitHub - ActivityWatch',
			audible: false,
			...tab
		},
		20
	)
];
const edge: Event[] = [
	ev(3600, 0, { app: 'Code' }, 33),
	ev(32, 10, { app: 'Code' }, 32),
	ev(0, 30, { app: 'Firefox' }, 31),
	ev(0, 0, { app: 'Terminal' }, 30)
];

const RULES = categoryRules([
	[['Work'], { type: 'regex', regex: 'GitHub|aw-' }],
	[['Work', 'Programming'], { type: 'regex', regex: '\\.rs\\b' }],
	[['Media'], { type: 'none' }],
	[['Media', 'Video'], { type: 'regex', regex: 'youtube', ignore_case: true }]
]);

describe('dashboard queries over the Q-series fixture', () => {
	it('Q03: flood keeps the clipped zero-length event between its neighbours', () => {
		const out = t.flood(edge);
		expect(out.map((e) => e.id)).toEqual([31, 30, 32, 33]);
		expect(spans(out)).toEqual([
			[0, 30],
			[0, 0],
			[32, 10],
			[3600, 0]
		]);
	});

	it('Q07: the full desktop summary', () => {
		let events = t.flood(window);
		expect(spans(events)).toEqual([
			[0, 31],
			[31, 61],
			[92, 28],
			[130, 20],
			[3595, 5]
		]);
		let notAfk = t.filterKeyvals(t.flood(afk), 'status', ['not-afk']);

		let eventsFirefox = t.flood(firefox);
		let windowFirefox = t.filterKeyvals(events, 'app', ['org.mozilla.firefox']);
		const windowFirefoxRe = t.filterKeyvalsRegex(
			events,
			'app',
			t.compileRegex('(?i)(firefox|librewolf|waterfox|nightly)')
		);
		windowFirefox = t.sortByTimestamp(t.concat(windowFirefox, windowFirefoxRe));
		eventsFirefox = t.filterPeriodIntersect(eventsFirefox, windowFirefox);
		expect(spans(eventsFirefox)).toEqual([
			[1, 25],
			[95, 25]
		]);
		eventsFirefox = t.splitUrlEvents(eventsFirefox);
		let browserEvents = t.sortByTimestamp(t.concat([], eventsFirefox));
		notAfk = t.periodUnion(notAfk, t.filterKeyvals(browserEvents, 'audible', [true]));
		expect(notAfk).toEqual([ev(0, 120, {}, 7), ev(160, 3440, {}, 9)]);

		events = t.categorize(t.filterPeriodIntersect(events, notAfk), RULES);
		const titleEvents = t.sortByDuration(t.mergeEventsByKeys(events, ['app', 'title']));
		const appEvents = t.sortByDuration(t.mergeEventsByKeys(titleEvents, ['app']));
		const catEvents = t.sortByDuration(t.mergeEventsByKeys(events, ['$category']));
		expect(t.sumDurations(events)).toBe(125_000_000);

		const work = ['Work'];
		const prog = ['Work', 'Programming'];
		const video = ['Media', 'Video'];
		const main = { $category: prog, ...win('main.rs - aw-server-rust', 'Code') };
		const github = { $category: work, ...win('GitHub - ActivityWatch', 'Firefox') };
		expect(wire(t.limitEvents(appEvents, 100))).toEqual(
			wire([ev(31, 66, main), ev(0, 59, github)])
		);
		expect(wire(t.limitEvents(titleEvents, 100))).toEqual(
			wire([
				ev(31, 61, main),
				ev(0, 31, github),
				ev(92, 28, { $category: video, ...win('YouTube', 'Firefox') }),
				ev(3595, 5, { $category: prog, ...win('lib.rs', 'Code') })
			])
		);
		expect(wire(catEvents)).toEqual(
			wire([
				ev(31, 66, main),
				ev(0, 31, github),
				ev(92, 28, { $category: video, ...win('YouTube', 'Firefox') })
			])
		);

		browserEvents = t.splitUrlEvents(browserEvents);
		const rows = [
			ev(1, 25, {
				...firefox[1].data,
				$domain: 'github.com',
				$params: '',
				$path: '/ActivityWatch',
				$protocol: 'https'
			}),
			ev(95, 25, {
				...firefox[0].data,
				$domain: 'youtube.com',
				$params: 'v=x',
				$path: '/watch',
				$protocol: 'https'
			})
		];
		for (const key of ['url', '$domain', 'title']) {
			const merged = t.limitEvents(
				t.sortByDuration(t.mergeEventsByKeys(browserEvents, [key])),
				100
			);
			expect(wire(merged)).toEqual(wire(rows));
		}
		expect(t.sumDurations(browserEvents)).toBe(50_000_000);
		expect(t.mergeEventsByKeys([], ['label'])).toEqual([]);
	});
});
