/**
 * The route table (dashboard spec, section 1) as a pure matcher from a path to a route, so the
 * router and its tests share one definition. Unknown paths give `not-found`.
 */
export type Route =
	| { name: 'root' }
	| { name: 'home' }
	| {
			name: 'activity';
			host: string;
			unit: string | null;
			date: string | null;
			view: string | null;
	  }
	| { name: 'timeline' }
	| { name: 'buckets' }
	| { name: 'bucket'; id: string }
	| { name: 'query' }
	| { name: 'search' }
	| { name: 'report' }
	| { name: 'trends'; host: string | null }
	| { name: 'alerts' }
	| { name: 'stopwatch' }
	| { name: 'settings'; group: string | null }
	| { name: 'not-found'; path: string };

export const SETTINGS_GROUPS = [
	'general',
	'appearance',
	'categorization',
	'extension',
	'developer'
] as const;

function decode(part: string): string | null {
	try {
		return decodeURIComponent(part);
	} catch {
		return null;
	}
}

function activity(parts: string[]): Route | null {
	const [host, unit = null, date = null, marker, view = null] = parts;
	if (parts.length > 5 || (marker !== undefined && marker !== 'view')) return null;
	return { name: 'activity', host, unit, date, view };
}

function settings(parts: string[]): Route | null {
	if (parts.length === 0) return { name: 'settings', group: null };
	if (parts.length !== 1) return null;
	if (parts[0] === 'category-builder') return { name: 'settings', group: 'categorization' };
	return (SETTINGS_GROUPS as readonly string[]).includes(parts[0])
		? { name: 'settings', group: parts[0] }
		: null;
}

const SIMPLE: Record<string, Route> = {
	home: { name: 'home' },
	timeline: { name: 'timeline' },
	buckets: { name: 'buckets' },
	query: { name: 'query' },
	search: { name: 'search' },
	report: { name: 'report' },
	trends: { name: 'trends', host: null },
	alerts: { name: 'alerts' },
	stopwatch: { name: 'stopwatch' }
};

/** Matches a path (without query string) against the route table. */
export function matchRoute(path: string): Route {
	const raw = path.split('/').filter((p) => p !== '');
	const parts = raw.map(decode);
	if (parts.some((p) => p === null)) return { name: 'not-found', path };
	const [head, ...rest] = parts as string[];
	let route: Route | null = null;
	if (head === undefined) route = { name: 'root' };
	else if (rest.length === 0 && SIMPLE[head]) route = SIMPLE[head];
	else if (head === 'activity' && rest.length > 0) route = activity(rest);
	else if (head === 'buckets' && rest.length === 1) route = { name: 'bucket', id: rest[0] };
	else if (head === 'trends' && rest.length === 1) route = { name: 'trends', host: rest[0] };
	else if (head === 'settings') route = settings(rest);
	return route ?? { name: 'not-found', path };
}

/** The path of an Activity page. */
export function activityPath(host: string, unit?: string, date?: string, view?: string): string {
	const parts = ['activity', host, unit, date].filter((p): p is string => p !== undefined);
	const path = '/' + parts.map(encodeURIComponent).join('/');
	return view ? `${path}/view/${encodeURIComponent(view)}` : path;
}

/** The path of the Trends page, for one host or for the page's own choice. */
export function trendsPath(host?: string): string {
	return host ? `/trends/${encodeURIComponent(host)}` : '/trends';
}
