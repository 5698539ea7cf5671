import { describe, expect, it } from 'vitest';
import {
	DEFAULT_VIEWS,
	readViews,
	SUPPORTED_TYPES,
	type ActivityViewSpec
} from '../../../src/ui/lib/views';
import {
	addBox,
	addView,
	checkNewView,
	moveBox,
	removeBox,
	removeView,
	restoreDefaultViews,
	retypeBox,
	setBoxProps,
	typeAvailability,
	typeLabel,
	typeTitle,
	VISUALIZATION_TYPES
} from '../../../src/ui/lib/view-edit';

const sample = (): ActivityViewSpec[] => [
	{
		id: 'mine',
		name: 'Mine',
		elements: [
			{ type: 'top_urls', size: 3 },
			{ type: 'top_bucket_data', size: 3, props: { bucketId: 'b', field: 'app' } },
			{ type: 'category_tree', size: 3 }
		]
	},
	{ id: 'other', name: 'Other', elements: [{ type: 'top_apps', size: 3 }] }
];

const types = (views: ActivityViewSpec[], id = 'mine') =>
	views.find((v) => v.id === id)?.elements.map((e) => e.type);

describe('boxes', () => {
	it('appends a top_apps box of size 3 to one view only', () => {
		const views = sample();
		const next = addBox(views, 'mine');
		expect(next[0].elements.at(-1)).toEqual({ type: 'top_apps', size: 3 });
		expect(next[0].elements).toHaveLength(4);
		expect(next[1]).toBe(views[1]);
		expect(views[0].elements).toHaveLength(3);
	});

	it('removes the box at an index', () => {
		const views = sample();
		expect(types(removeBox(views, 'mine', 1))).toEqual(['top_urls', 'category_tree']);
		expect(types(views)).toHaveLength(3);
	});

	it('moves a box earlier and later without changing the input', () => {
		const views = sample();
		expect(types(moveBox(views, 'mine', 2, -1))).toEqual([
			'top_urls',
			'category_tree',
			'top_bucket_data'
		]);
		expect(types(moveBox(views, 'mine', 0, 1))).toEqual([
			'top_bucket_data',
			'top_urls',
			'category_tree'
		]);
		expect(types(views)).toEqual(['top_urls', 'top_bucket_data', 'category_tree']);
	});

	it('leaves the order as it is for a move past either end', () => {
		const views = sample();
		expect(types(moveBox(views, 'mine', 0, -1))).toEqual(types(views));
		expect(types(moveBox(views, 'mine', 2, 1))).toEqual(types(views));
		expect(types(moveBox(views, 'mine', 7, -1))).toEqual(types(views));
	});

	it('changes a box type, keeping its size and dropping the old type props', () => {
		const views = sample();
		const next = retypeBox(views, 'mine', 1, 'top_domains');
		expect(next[0].elements[1]).toEqual({ type: 'top_domains', size: 3 });
		expect(views[0].elements[1].props).toEqual({ bucketId: 'b', field: 'app' });
		expect(retypeBox(views, 'mine', 1, 'top_bucket_data')[0].elements[1]).toBe(
			views[0].elements[1]
		);
	});

	it('keeps the stored shape that readViews reads back', () => {
		let views = addBox(sample(), 'other');
		views = retypeBox(views, 'other', 1, 'score');
		views = moveBox(views, 'other', 1, -1);
		const stored = JSON.parse(JSON.stringify(views));
		expect(readViews(stored)).toEqual(views);
		expect(stored[1]).toEqual({
			id: 'other',
			name: 'Other',
			elements: [
				{ type: 'score', size: 3 },
				{ type: 'top_apps', size: 3 }
			]
		});
	});
});

describe('views', () => {
	it('accepts a new view with an unused id and a name', () => {
		expect(checkNewView(sample(), 'work', 'Work')).toEqual({});
	});

	it('explains an empty or repeated id and an empty name', () => {
		const empty = checkNewView(sample(), '  ', ' ');
		expect(empty.id).toContain('An id is needed');
		expect(empty.name).toContain('A name is needed');
		const repeated = checkNewView(sample(), ' mine ', 'Again');
		expect(repeated).toEqual({
			id: 'The id "mine" is already used by another view: choose another.'
		});
	});

	it('appends an empty view with the id and name trimmed', () => {
		const next = addView(sample(), ' work ', ' Work ');
		expect(next.at(-1)).toEqual({ id: 'work', name: 'Work', elements: [] });
		expect(next).toHaveLength(3);
	});

	it('removes a view but never the last one', () => {
		const views = sample();
		const rest = removeView(views, 'mine');
		expect(rest.map((v) => v.id)).toEqual(['other']);
		expect(removeView(rest, 'other')).toBe(rest);
		expect(removeView(views, 'absent')).toEqual(views);
	});

	it('restores a copy of the four default views', () => {
		const restored = restoreDefaultViews();
		expect(restored).toEqual(DEFAULT_VIEWS);
		const edited = addBox(restored, 'summary');
		restored[0].elements.pop();
		expect(DEFAULT_VIEWS[0].elements).toHaveLength(6);
		expect(edited[0].elements).toHaveLength(7);
	});
});

describe('the visualization catalogue', () => {
	it('lists every type the app draws and every type of the default views', () => {
		const catalogue = VISUALIZATION_TYPES.map((t) => t.type);
		for (const type of SUPPORTED_TYPES) expect(catalogue).toContain(type);
		for (const view of DEFAULT_VIEWS)
			for (const e of view.elements) expect(catalogue).toContain(e.type);
		expect(new Set(catalogue).size).toBe(catalogue.length);
	});

	it('marks types the app cannot draw as unavailable', () => {
		expect(typeAvailability('top_editor_files', 'desktop')).toBe('unavailable');
		expect(typeAvailability('custom_vis', null)).toBe('unavailable');
		expect(typeLabel('top_editor_files', 'desktop')).toBe('Top Editor Files (unavailable)');
	});

	it('marks types without data for the host as having no data', () => {
		expect(typeAvailability('top_apps', 'browser')).toBe('no-data');
		expect(typeLabel('top_titles', 'browser')).toBe('Top Window Titles (no data)');
		expect(typeAvailability('top_domains', 'browser')).toBe('ok');
		expect(typeAvailability('top_categories', 'none')).toBe('no-data');
		expect(typeAvailability('top_stopwatches', 'none')).toBe('ok');
		expect(typeLabel('top_apps', 'desktop')).toBe('Top Applications');
		expect(typeLabel('top_apps', null)).toBe('Top Applications');
	});

	it('offers the score, clock, daily timeline and bucket data boxes', () => {
		for (const type of ['score', 'sunburst_clock', 'vis_timeline', 'top_bucket_data']) {
			expect(typeAvailability(type, 'desktop')).toBe('ok');
			expect(typeAvailability(type, 'browser')).toBe('ok');
		}
		expect(typeLabel('sunburst_clock', 'desktop')).toBe('Sunburst clock');
		expect(typeLabel('score', 'none')).toBe('Score (no data)');
		expect(typeLabel('sunburst_clock', 'none')).toBe('Sunburst clock (no data)');
		expect(typeLabel('top_bucket_data', 'none')).toBe('Top Bucket Data');
		expect(typeLabel('vis_timeline', 'none')).toBe('Daily Timeline (Chronological)');
	});

	it('titles an unknown imported type by its id', () => {
		expect(typeTitle('from_elsewhere')).toBe('from_elsewhere');
		expect(typeLabel('from_elsewhere', 'desktop')).toBe('from_elsewhere (unavailable)');
	});
});

describe('box props', () => {
	it('replaces the props of one box and leaves the input and other boxes alone', () => {
		const views = sample();
		const next = setBoxProps(views, 'mine', 1, { bucketId: 'c', field: '', customField: 'a.b' });
		expect(next[0].elements[1]).toEqual({
			type: 'top_bucket_data',
			size: 3,
			props: { bucketId: 'c', field: '', customField: 'a.b' }
		});
		expect(next[0].elements[0]).toBe(views[0].elements[0]);
		expect(next[1]).toBe(views[1]);
		expect(views[0].elements[1].props).toEqual({ bucketId: 'b', field: 'app' });
	});
});
