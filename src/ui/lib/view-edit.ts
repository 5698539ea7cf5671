/**
 * Editing the Activity view's tabs (dashboard spec 2.2, "View tabs and layout editing"): pure
 * functions over the `views` list that return a new list and never change their input, so the
 * page can keep the stored list and an edited draft side by side. Boxes keep the stored shape
 * `{ type, size, props? }` that `readViews` reads and ActivityWatch writes.
 */
import { DEFAULT_VIEWS, SUPPORTED_TYPES, type ActivityViewSpec, type ViewElement } from './views';

/** The visualization catalogue of spec 2.2: each type id with the title its box shows. */
export const VISUALIZATION_TYPES: { type: string; title: string }[] = [
	{ type: 'top_apps', title: 'Top Applications' },
	{ type: 'top_titles', title: 'Top Window Titles' },
	{ type: 'top_bundle_ids', title: 'Bundle IDs' },
	{ type: 'top_domains', title: 'Top Browser Domains' },
	{ type: 'top_urls', title: 'Top Browser URLs' },
	{ type: 'top_browser_titles', title: 'Top Browser Titles' },
	{ type: 'top_categories', title: 'Top Categories' },
	{ type: 'category_tree', title: 'Category Tree' },
	{ type: 'category_sunburst', title: 'Category Sunburst' },
	{ type: 'timeline_barchart', title: 'Timeline (barchart)' },
	{ type: 'sunburst_clock', title: 'Sunburst clock' },
	{ type: 'vis_timeline', title: 'Daily Timeline (Chronological)' },
	{ type: 'score', title: 'Score' },
	{ type: 'top_stopwatches', title: 'Top Stopwatch Events' },
	{ type: 'top_bucket_data', title: 'Top Bucket Data' },
	{ type: 'top_editor_files', title: 'Top Editor Files' },
	{ type: 'top_editor_projects', title: 'Top Editor Projects' },
	{ type: 'top_editor_languages', title: 'Top Editor Languages' },
	{ type: 'custom_vis', title: 'Custom Visualization' }
];

/** The type a new box gets (spec 2.2: "Add visualization appends a top_apps box"). */
export const NEW_BOX_TYPE = 'top_apps';

/** The size every box of the default views has, given to new boxes too. */
const BOX_SIZE = 3;

/** The window boxes that need a desktop window watcher's data (spec 4.6). */
const DESKTOP_TYPES = ['top_apps', 'top_titles'];

/** Boxes that read buckets directly rather than the summary, so they work without focus data. */
const RAW_TYPES = ['top_stopwatches', 'top_bucket_data', 'vis_timeline'];

/**
 * Which pipeline the host's data went through, as the Activity summary reports it, or null
 * before the summary has loaded.
 */
export type DataMode = 'desktop' | 'browser' | 'none' | null;

/**
 * Whether a box of `type` can show something for the host: `unavailable` when this app cannot
 * draw it (editor, iOS, custom watcher boxes), `no-data` when the host lacks the data it needs,
 * `ok` otherwise (including while the data mode is not yet known).
 */
export function typeAvailability(type: string, mode: DataMode): 'ok' | 'no-data' | 'unavailable' {
	if (!SUPPORTED_TYPES.includes(type)) return 'unavailable';
	if (mode === 'none' && !RAW_TYPES.includes(type)) return 'no-data';
	if (mode === 'browser' && DESKTOP_TYPES.includes(type)) return 'no-data';
	return 'ok';
}

/** The title of a box of `type`; an unknown imported type shows its id. */
export function typeTitle(type: string): string {
	return VISUALIZATION_TYPES.find((t) => t.type === type)?.title ?? type;
}

/** The label of `type` in a box's type selector, marked when it cannot show data here. */
export function typeLabel(type: string, mode: DataMode): string {
	const availability = typeAvailability(type, mode);
	const title = typeTitle(type);
	if (availability === 'unavailable') return `${title} (unavailable)`;
	return availability === 'no-data' ? `${title} (no data)` : title;
}

/** A copy of the default views, to edit without touching `DEFAULT_VIEWS`. */
export function restoreDefaultViews(): ActivityViewSpec[] {
	return structuredClone(DEFAULT_VIEWS);
}

function updateView(
	views: ActivityViewSpec[],
	id: string,
	change: (elements: ViewElement[]) => ViewElement[]
): ActivityViewSpec[] {
	return views.map((v) => (v.id === id ? { ...v, elements: change([...v.elements]) } : v));
}

/** Appends a `top_apps` box to the view `id`. */
export function addBox(views: ActivityViewSpec[], id: string): ActivityViewSpec[] {
	return updateView(views, id, (elements) => [...elements, { type: NEW_BOX_TYPE, size: BOX_SIZE }]);
}

/** Removes the box at `index` of the view `id`. */
export function removeBox(
	views: ActivityViewSpec[],
	id: string,
	index: number
): ActivityViewSpec[] {
	return updateView(views, id, (elements) => elements.filter((_, i) => i !== index));
}

/**
 * Moves the box at `index` of the view `id` by `offset` places (-1 earlier, 1 later); a move
 * past either end leaves the view as it is.
 */
export function moveBox(
	views: ActivityViewSpec[],
	id: string,
	index: number,
	offset: number
): ActivityViewSpec[] {
	return updateView(views, id, (elements) => {
		const to = index + offset;
		if (index < 0 || index >= elements.length || to < 0 || to >= elements.length) return elements;
		const [moved] = elements.splice(index, 1);
		elements.splice(to, 0, moved);
		return elements;
	});
}

/**
 * Gives the box at `index` of the view `id` another type. Its size stays; its `props` belong to
 * the old type (a bucket and field, a custom page) and are dropped.
 */
export function retypeBox(
	views: ActivityViewSpec[],
	id: string,
	index: number,
	type: string
): ActivityViewSpec[] {
	return updateView(views, id, (elements) =>
		elements.map((e, i) => {
			if (i !== index || e.type === type) return e;
			return e.size === undefined ? { type } : { type, size: e.size };
		})
	);
}

/**
 * Replaces the `props` of the box at `index` of the view `id` (a box's own settings, such as
 * the bucket and field of Top Bucket Data).
 */
export function setBoxProps(
	views: ActivityViewSpec[],
	id: string,
	index: number,
	props: Record<string, unknown>
): ActivityViewSpec[] {
	return updateView(views, id, (elements) =>
		elements.map((e, i) => (i === index ? { ...e, props: { ...props } } : e))
	);
}

/** What is wrong with a new view's id and name, one sentence per field; empty when nothing. */
export type NewViewProblems = { id?: string; name?: string };

/** Checks a new view's id (non-empty, not used by another view) and name (non-empty). */
export function checkNewView(views: ActivityViewSpec[], id: string, name: string): NewViewProblems {
	const problems: NewViewProblems = {};
	const trimmed = id.trim();
	if (trimmed === '') problems.id = 'An id is needed, for example "work".';
	else if (views.some((v) => v.id === trimmed))
		problems.id = `The id "${trimmed}" is already used by another view: choose another.`;
	if (name.trim() === '') problems.name = 'A name is needed: it is the label of the tab.';
	return problems;
}

/** Appends an empty view, with the id and name trimmed (check them with `checkNewView`). */
export function addView(views: ActivityViewSpec[], id: string, name: string): ActivityViewSpec[] {
	return [...views, { id: id.trim(), name: name.trim(), elements: [] }];
}

/** Removes the view `id`, unless it is the last one: a list of views is never empty. */
export function removeView(views: ActivityViewSpec[], id: string): ActivityViewSpec[] {
	const rest = views.filter((v) => v.id !== id);
	return rest.length === 0 ? views : rest;
}
