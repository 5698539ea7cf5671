import { expect, it } from 'vitest';
import { DEFAULT_VIEWS, readViews } from '../../../src/ui/lib/views';

it('uses the four default views when none are stored', () => {
	expect(readViews(null).map((v) => v.id)).toEqual(['summary', 'window', 'browser', 'editor']);
	expect(readViews([])).toBe(DEFAULT_VIEWS);
	expect(DEFAULT_VIEWS[0].elements.map((e) => e.type)).toEqual([
		'top_apps',
		'top_titles',
		'timeline_barchart',
		'top_categories',
		'category_tree',
		'category_sunburst'
	]);
});

it('reads an imported views setting, skipping malformed and repeated views', () => {
	const views = readViews([
		{
			id: 'mine',
			name: 'Mine',
			elements: [
				{ type: 'top_urls', size: 3 },
				{ bad: true },
				{ type: 'custom_vis', props: { visname: 'x' } }
			]
		},
		{ id: 'mine', name: 'Again', elements: [] },
		{ name: 'No id', elements: [] }
	]);
	expect(views).toEqual([
		{
			id: 'mine',
			name: 'Mine',
			elements: [
				{ type: 'top_urls', size: 3 },
				{ type: 'custom_vis', props: { visname: 'x' } }
			]
		}
	]);
});
