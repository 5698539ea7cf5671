/**
 * The Activity view's tabs (the `views` setting, dashboard spec 2.2 and 8.2): each view is an
 * id, a name and a list of visualization boxes. The ids of the reference dashboard are kept so
 * that an imported `views` setting still works; boxes this app cannot draw show as unavailable.
 */
export type ViewElement = { type: string; size?: number; props?: Record<string, unknown> };
export type ActivityViewSpec = { id: string; name: string; elements: ViewElement[] };

const box = (type: string): ViewElement => ({ type, size: 3 });

export const DEFAULT_VIEWS: ActivityViewSpec[] = [
	{
		id: 'summary',
		name: 'Summary',
		elements: [
			'top_apps',
			'top_titles',
			'timeline_barchart',
			'top_categories',
			'category_tree',
			'category_sunburst'
		].map(box)
	},
	{ id: 'window', name: 'Window', elements: ['top_apps', 'top_titles'].map(box) },
	{
		id: 'browser',
		name: 'Browser',
		elements: ['top_domains', 'top_urls', 'top_browser_titles'].map(box)
	},
	{
		id: 'editor',
		name: 'Editor',
		elements: ['top_editor_files', 'top_editor_projects', 'top_editor_languages'].map(box)
	}
];

/**
 * Boxes that report when they have drawn (charts, and boxes that load their own data): the view
 * is drawn once each of them has reported.
 */
export const CHART_TYPES = [
	'timeline_barchart',
	'category_sunburst',
	'sunburst_clock',
	'vis_timeline',
	'top_bucket_data'
];

/** Every box this app draws. */
export const SUPPORTED_TYPES = [
	'top_apps',
	'top_titles',
	'top_domains',
	'top_urls',
	'top_browser_titles',
	'top_categories',
	'category_tree',
	'category_sunburst',
	'timeline_barchart',
	'top_stopwatches',
	'sunburst_clock',
	'vis_timeline',
	'score',
	'top_bucket_data'
];

function readElement(raw: unknown): ViewElement | null {
	const e = raw as { type?: unknown; size?: unknown; props?: unknown } | null;
	if (typeof e !== 'object' || e === null || typeof e.type !== 'string') return null;
	const out: ViewElement = { type: e.type };
	if (typeof e.size === 'number') out.size = e.size;
	if (typeof e.props === 'object' && e.props !== null)
		out.props = e.props as Record<string, unknown>;
	return out;
}

/** The stored views when they are a valid list, otherwise the defaults. */
export function readViews(value: unknown): ActivityViewSpec[] {
	if (!Array.isArray(value)) return DEFAULT_VIEWS;
	const views: ActivityViewSpec[] = [];
	for (const raw of value) {
		const v = raw as { id?: unknown; name?: unknown; elements?: unknown } | null;
		if (typeof v?.id !== 'string' || v.id === '' || typeof v.name !== 'string') continue;
		if (views.some((other) => other.id === v.id)) continue;
		const elements = Array.isArray(v.elements) ? v.elements.map(readElement) : [];
		views.push({
			id: v.id,
			name: v.name,
			elements: elements.filter((e): e is ViewElement => e !== null)
		});
	}
	return views.length > 0 ? views : DEFAULT_VIEWS;
}
