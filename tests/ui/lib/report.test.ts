import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../../src/ui/lib/categories';
import {
	categoryTotals,
	categoryTotalsOption,
	choosablePaths,
	recentLanes,
	reportCsv,
	reportJson,
	type ReportEvent
} from '../../../src/ui/lib/report';

const WINDOW: ReportEvent = {
	id: 1,
	timestamp: '2026-03-02T09:00:00Z',
	duration: 90.5,
	data: { app: 'Code', title: 'report.ts, "draft"', $category: ['Work', 'Programming'] }
};
const TAB: ReportEvent = {
	id: 2,
	timestamp: '2026-03-02T10:00:00Z',
	duration: 30,
	data: {
		url: 'https://www.youtube.com/watch?v=1',
		title: 'Talk\nlive',
		$domain: 'youtube.com',
		$category: ['Media', 'Video']
	}
};
const FILE_TAB: ReportEvent = {
	id: null,
	timestamp: '2026-03-02T11:00:00Z',
	duration: 60,
	data: { url: 'file:///notes.txt', title: 'notes', $domain: '', $category: ['Work'] }
};

describe('choosablePaths', () => {
	it('offers every category in list order except Uncategorized', () => {
		const paths = choosablePaths(DEFAULT_CATEGORIES);
		expect(paths[0]).toEqual(['Work']);
		expect(paths).toContainEqual(['Media', 'Video']);
		expect(paths).not.toContainEqual(['Uncategorized']);
		expect(paths).toHaveLength(DEFAULT_CATEGORIES.length - 1);
	});
});

describe('reportCsv', () => {
	it('writes timestamp, duration, category, app and title, quoting where needed', () => {
		expect(reportCsv([WINDOW]).split('\r\n')).toEqual([
			'timestamp,duration,category,app,title',
			'2026-03-02T09:00:00Z,90.5,Work > Programming,Code,"report.ts, ""draft"""',
			''
		]);
	});

	it('fills app with the domain of a tab event (its URL when there is none)', () => {
		expect(reportCsv([TAB, FILE_TAB])).toBe(
			'timestamp,duration,category,app,title\r\n' +
				'2026-03-02T10:00:00Z,30,Media > Video,youtube.com,"Talk\nlive"\r\n' +
				'2026-03-02T11:00:00Z,60,Work,file:///notes.txt,notes\r\n'
		);
	});
});

describe('reportJson', () => {
	it('writes the events as they are', () => {
		expect(JSON.parse(reportJson([WINDOW, TAB]))).toEqual([WINDOW, TAB]);
	});
});

describe('categoryTotals', () => {
	it('sums seconds per category, most time first', () => {
		const more = { ...WINDOW, duration: 9.5 };
		expect(categoryTotals([TAB, WINDOW, FILE_TAB, more])).toEqual([
			{ path: ['Work', 'Programming'], seconds: 100 },
			{ path: ['Work'], seconds: 60 },
			{ path: ['Media', 'Video'], seconds: 30 }
		]);
		expect(categoryTotals([])).toEqual([]);
	});
});

describe('categoryTotalsOption', () => {
	type Formatter = (p: { seriesName: string; value: number }) => string;

	it('draws a bar per category in hours, in its colour, with an escaped tooltip', () => {
		const totals = [
			{ path: ['<b>Work</b>'], seconds: 5400 },
			{ path: ['Media'], seconds: 1800 }
		];
		const option = categoryTotalsOption(totals, (p) => (p[0] === 'Media' ? '#F33' : '#0F0')) as {
			xAxis: { data: string[] };
			series: {
				name: string;
				data: number[];
				itemStyle: { color: string };
				barMaxWidth: number;
			}[];
			tooltip: { formatter: Formatter };
		};
		expect(option.xAxis.data).toEqual(['<b>Work</b>', 'Media']);
		expect(option.series.map((s) => [s.name, s.data, s.itemStyle.color])).toEqual([
			['<b>Work</b>', [1.5, 0], '#0F0'],
			['Media', [0, 0.5], '#F33']
		]);
		expect(option.series.every((s) => s.barMaxWidth === 80)).toBe(true);
		expect(option.tooltip.formatter({ seriesName: '<b>Work</b>', value: 1.5 })).toBe(
			'&#60;b&#62;Work&#60;/b&#62;: 1:30'
		);
	});
});

describe('recentLanes', () => {
	const at = (iso: string) => Date.parse(iso);

	it('puts the latest events on a lane per category, over their span', () => {
		// Given newest first, as the page shows them; the limit keeps the two latest.
		const { lanes, range } = recentLanes([FILE_TAB, TAB, WINDOW], 2);
		expect(lanes.map((l) => [l.label, l.type, l.events.map((e) => e.id)])).toEqual([
			['Media > Video', 'web.tab.current', [2]],
			['Work', 'web.tab.current', [null]]
		]);
		expect(lanes[0].events[0]).toMatchObject({
			timestamp: at(TAB.timestamp) * 1000,
			duration: 30e6
		});
		expect(range).toEqual({ start: at(TAB.timestamp), end: at(FILE_TAB.timestamp) + 60_000 });
	});

	it('gives window events a window lane and groups a category on one lane', () => {
		const later = { ...WINDOW, id: 3, timestamp: '2026-03-02T12:00:00Z' };
		const { lanes } = recentLanes([later, WINDOW]);
		expect(lanes.map((l) => [l.label, l.type, l.events.map((e) => e.id)])).toEqual([
			['Work > Programming', 'currentwindow', [1, 3]]
		]);
	});

	it('has an empty span without events', () => {
		expect(recentLanes([])).toEqual({ lanes: [], range: { start: 0, end: 0 } });
	});
});
