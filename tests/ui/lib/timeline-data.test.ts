import { expect, it } from 'vitest';
import type { Event } from '../../../src/core/model/event';
import { DEFAULT_CATEGORIES } from '../../../src/ui/lib/categories';
import { afkFiltered, categoryColors, withMinimum } from '../../../src/ui/lib/timeline-data';
import type { Lane } from '../../../src/ui/lib/timeline-option';

const ev = (duration: number, data: Event['data']): Event => ({
	id: 1,
	timestamp: 0,
	duration: duration * 1e6,
	data
});
const lane = (bucketId: string, type: string, events: Event[]): Lane => ({
	bucketId,
	label: bucketId,
	type,
	events
});

it('leaves out events shorter than the minimum and lanes left empty', () => {
	const lanes = [
		lane('w', 'currentwindow', [ev(1, {}), ev(10, {})]),
		lane('a', 'afkstatus', [ev(2, {})])
	];
	expect(withMinimum(lanes, 5).map((l) => [l.bucketId, l.events.length])).toEqual([['w', 1]]);
	expect(withMinimum(lanes, 0)).toHaveLength(2);
});

it('replaces window events by canonical ones and hides AFK lanes when AFK-filtered', () => {
	const canonical = [ev(3, { app: 'x' })];
	const lanes = [
		lane('w', 'currentwindow', [ev(9, {})]),
		lane('a', 'afkstatus', [ev(9, {})]),
		lane('t', 'web.tab.current', [ev(4, {})])
	];
	const out = afkFiltered(lanes, { w: canonical });
	expect(out.map((l) => l.bucketId)).toEqual(['w', 't']);
	expect(out[0].events).toBe(canonical);
});

it('colours events by category with the query engine matcher, uncategorized ones by name', () => {
	const colorOf = categoryColors(DEFAULT_CATEGORIES);
	const window = lane('w', 'currentwindow', []);
	expect(colorOf(window, ev(1, { app: 'Firefox', title: 'YouTube - Firefox' }))).toBe('#F33');
	expect(colorOf(window, ev(1, { app: 'Firefox', title: 'aw-server issue' }))).toBe('#0F0');
	expect(colorOf(window, ev(1, { app: 'Solitaire' }))).toMatch(/^hsl\(/);
});

it('colours by a rule only on its select_keys, as the engine categorizes', () => {
	const colorOf = categoryColors([
		{
			name: ['Video'],
			rule: { type: 'regex', regex: 'YouTube', select_keys: ['url'] },
			data: { color: '#123' }
		}
	]);
	const window = lane('w', 'currentwindow', []);
	expect(colorOf(window, ev(1, { title: 'YouTube', url: 'https://example.org/' }))).toMatch(
		/^hsl\(/
	);
	expect(colorOf(window, ev(1, { title: 'Home', url: 'https://YouTube.example/' }))).toBe('#123');
});
