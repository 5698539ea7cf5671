import { describe, expect, it } from 'vitest';
import { generateDemoData, TYPICAL_DAY } from '../../../src/core/demo';
import { eventToJson, parseEvent, type Event } from '../../../src/core/model/event';
import { parseInstant } from '../../../src/core/model/time';

const START = parseInstant('2024-05-06T00:00:00Z');
const HOUR = 3600 * 1_000_000;
const end = (e: Event) => e.timestamp + e.duration;

describe('generateDemoData', () => {
	it('gives the same data for the same options and other data for another seed', () => {
		const a = generateDemoData({ start: START, days: 2, seed: 3 });
		const b = generateDemoData({ start: START, days: 2, seed: 3 });
		const c = generateDemoData({ start: START, days: 2, seed: 4 });
		expect(a).toEqual(b);
		expect(c.window.events).not.toEqual(a.window.events);
	});

	it('has exactly the typical day counts, scaled by the density', () => {
		const day = generateDemoData({ start: START, days: 3 });
		expect(day.window.events).toHaveLength(3 * TYPICAL_DAY.window);
		expect(day.afk.events).toHaveLength(3 * TYPICAL_DAY.afk);
		expect(day.web.events).toHaveLength(3 * TYPICAL_DAY.web);
		const light = generateDemoData({ start: START, density: 0.1, seed: 9 });
		expect([light.window.events.length, light.afk.events.length, light.web.events.length]).toEqual([
			500, 50, 300
		]);
	});

	it('creates the buckets of one device with the watchers types', () => {
		const data = generateDemoData({
			start: START,
			hostname: 'box',
			browser: 'chrome',
			stopwatchPerDay: 3
		});
		expect(data.buckets.map((b) => [b.bucket.id, b.bucket.type, b.bucket.hostname])).toEqual([
			['aw-watcher-window_box', 'currentwindow', 'box'],
			['aw-watcher-afk_box', 'afkstatus', 'box'],
			['aw-watcher-web-chrome_box', 'web.tab.current', 'box'],
			['aw-stopwatch', 'general.stopwatch', 'box']
		]);
		expect(data.stopwatch?.events).toHaveLength(3);
		expect(generateDemoData({ start: START }).stopwatch).toBeNull();
	});

	it('lays window events in time order without overlap, and AFK events end to end, alternating', () => {
		const { window, afk } = generateDemoData({ start: START, days: 2, seed: 5 });
		for (let i = 1; i < window.events.length; i++) {
			expect(window.events[i].timestamp).toBeGreaterThanOrEqual(end(window.events[i - 1]));
		}
		const firstDay = afk.events.slice(0, TYPICAL_DAY.afk);
		firstDay.forEach((e, i) => expect(e.data.status).toBe(i % 2 === 0 ? 'not-afk' : 'afk'));
		const sessions = firstDay.filter((e, i) => i > 0 && e.timestamp !== end(firstDay[i - 1]));
		expect(sessions.length).toBeLessThanOrEqual(1);
	});

	it('puts every tab event inside a browser window, with the web watcher keys', () => {
		const { window, web } = generateDemoData({ start: START, seed: 2 });
		const browserWindows = window.events.filter((e) => e.data.app === 'Firefox');
		let w = 0;
		for (const tab of web.events) {
			while (end(browserWindows[w]) < end(tab)) w++;
			expect(tab.timestamp).toBeGreaterThanOrEqual(browserWindows[w].timestamp);
			expect(Object.keys(tab.data).sort()).toEqual([
				'audible',
				'incognito',
				'tabCount',
				'title',
				'url'
			]);
		}
		expect(browserWindows.every((e) => String(e.data.title).endsWith(' — Mozilla Firefox'))).toBe(
			true
		);
	});

	it('keeps activity within plausible hours, in whole milliseconds', () => {
		const { window, afk } = generateDemoData({ start: START, days: 5, seed: 8 });
		for (const e of [...window.events, ...afk.events]) {
			const hour = ((e.timestamp - START) % (24 * HOUR)) / HOUR;
			expect(hour).toBeGreaterThanOrEqual(7.5);
			expect(hour).toBeLessThan(23.5);
			expect(e.timestamp % 1000).toBe(0);
			expect(e.duration % 1000).toBe(0);
		}
	});

	it('produces valid events that survive the wire format', () => {
		const { window, web } = generateDemoData({ start: START, density: 0.05 });
		for (const e of [...window.events, ...web.events]) {
			expect(parseEvent(eventToJson(e))).toEqual(e);
		}
	});
});
