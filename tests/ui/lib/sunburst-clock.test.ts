import { describe, expect, it } from 'vitest';
import type { Event } from '../../../src/core/model/event';
import {
	CLOCK_COLORS,
	clockOption,
	clockRings,
	clockSpans
} from '../../../src/ui/lib/sunburst-clock';

const S = 1_000_000;
let nextId = 1;
const event = (from: number, to: number, data: Event['data']): Event => ({
	id: nextId++,
	timestamp: from * S,
	duration: (to - from) * S,
	data
});
/** Spans as `[start, end, what]` in seconds, `what` null for a gap. */
const plain = (spans: { start: number; end: number; event: Event | null }[], key: string) =>
	spans.map((s) => [s.start / S, s.end / S, s.event ? s.event.data[key] : null]);

const AFK = [
	event(40, 70, { status: 'afk' }),
	event(10, 40, { status: 'not-afk' }),
	event(80, 120, { status: 'not-afk' })
];
const WINDOWS = [
	event(5, 20, { app: 'editor', title: 'one' }),
	event(25, 50, { app: 'browser', title: 'two' }),
	event(85, 90, { app: 'editor', title: 'three' })
];
const DAY = { start: 0, end: 100 * S };

describe('clockSpans', () => {
	it('covers the range with the clipped events in time order and gaps between', () => {
		expect(plain(clockSpans(AFK, 0, 100 * S), 'status')).toEqual([
			[0, 10, null],
			[10, 40, 'not-afk'],
			[40, 70, 'afk'],
			[70, 80, null],
			[80, 100, 'not-afk']
		]);
	});

	it('starts an overlapping event where the earlier one ends', () => {
		const spans = clockSpans(
			[event(0, 30, { n: 'a' }), event(20, 50, { n: 'b' }), event(25, 45, { n: 'c' })],
			0,
			60 * S
		);
		expect(plain(spans, 'n')).toEqual([
			[0, 30, 'a'],
			[30, 50, 'b'],
			[50, 60, null]
		]);
	});

	it('is one gap for a range without events', () => {
		expect(plain(clockSpans([event(200, 300, {})], 0, 100 * S), 'n')).toEqual([[0, 100, null]]);
	});
});

describe('clockRings', () => {
	const rings = clockRings(AFK, WINDOWS, DAY);

	it('nests each window event under the AFK events it falls in, split at their edges', () => {
		expect(rings.map((r) => plain(r.children, 'title'))).toEqual([
			[],
			[
				[10, 20, 'one'],
				[20, 25, null],
				[25, 40, 'two']
			],
			[
				[40, 50, 'two'],
				[50, 70, null]
			],
			[],
			[
				[80, 85, null],
				[85, 90, 'three'],
				[90, 100, null]
			]
		]);
	});

	it('draws the rings as a sunburst in time order with transparent gaps', () => {
		const option = clockOption(rings, (e) => (e.data.app === 'editor' ? '#111' : '#222'));
		const [series] = option.series as {
			sort: unknown;
			startAngle: number;
			data: {
				value: number;
				itemStyle: { color: string };
				tip: string;
				children: { value: number; itemStyle: { color: string }; tip: string }[];
			}[];
		}[];
		expect(series.sort).toBeNull();
		expect(series.startAngle).toBe(90);
		expect(series.data.map((d) => d.value)).toEqual([10, 30, 30, 10, 20]);
		expect(series.data.map((d) => d.itemStyle.color)).toEqual([
			'transparent',
			CLOCK_COLORS['not-afk'],
			CLOCK_COLORS.afk,
			'transparent',
			CLOCK_COLORS['not-afk']
		]);
		expect(series.data[1].children.map((c) => [c.value, c.itemStyle.color])).toEqual([
			[10, '#111'],
			[5, 'transparent'],
			[15, '#222']
		]);
		expect(series.data[0].tip).toBe('');
		expect(series.data[1].children[2].tip).toMatch(
			/^\d\d:\d\d:25–\d\d:\d\d:40<br>browser<br>two<br>15s$/
		);
		expect(series.data[2].tip).toMatch(/<br>afk<br>30s$/);
	});

	it('escapes titles in the hover text', () => {
		const ring = clockRings(
			[event(0, 10, { status: 'not-afk' })],
			[event(0, 10, { app: 'a', title: '<b>x</b>' })],
			{ start: 0, end: 10 * S }
		);
		const [series] = clockOption(ring, () => '#000').series as {
			data: { children: { tip: string }[] }[];
		}[];
		expect(series.data[0].children[0].tip).toContain('&#60;b&#62;x&#60;/b&#62;');
	});
});

describe('the hour marks', () => {
	it('marks every hour of the day from its start, the last one cut at the end', () => {
		const start = new Date(2000, 0, 1, 4).getTime() * 1000;
		const rings = clockRings([], [], { start, end: start + 2.5 * 3600 * S });
		const [, marks] = clockOption(rings, () => '#000').series as {
			silent: boolean;
			startAngle: number;
			data: { name: string; value: number }[];
		}[];
		expect(marks.silent).toBe(true);
		expect(marks.startAngle).toBe(90 + 60);
		expect(marks.data.map((d) => [d.name, d.value])).toEqual([
			['04', 3600],
			['05', 3600],
			['06', 1800]
		]);
	});
});
