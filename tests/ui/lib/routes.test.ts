import { expect, it } from 'vitest';
import { activityPath, matchRoute, trendsPath } from '../../../src/ui/lib/routes';

it('matches the route table', () => {
	expect(matchRoute('/')).toEqual({ name: 'root' });
	expect(matchRoute('/timeline')).toEqual({ name: 'timeline' });
	expect(matchRoute('/buckets/aw-watcher-window_my%20host')).toEqual({
		name: 'bucket',
		id: 'aw-watcher-window_my host'
	});
	expect(matchRoute('/activity/host/week/2026-03-02/view/browser')).toEqual({
		name: 'activity',
		host: 'host',
		unit: 'week',
		date: '2026-03-02',
		view: 'browser'
	});
	expect(matchRoute('/activity/host')).toEqual({
		name: 'activity',
		host: 'host',
		unit: null,
		date: null,
		view: null
	});
	expect(matchRoute('/search')).toEqual({ name: 'search' });
	expect(matchRoute('/report')).toEqual({ name: 'report' });
	expect(matchRoute('/trends')).toEqual({ name: 'trends', host: null });
	expect(matchRoute('/alerts')).toEqual({ name: 'alerts' });
	expect(matchRoute('/trends/my%20host')).toEqual({ name: 'trends', host: 'my host' });
	expect(matchRoute('/settings/category-builder')).toEqual({
		name: 'settings',
		group: 'categorization'
	});
});

it('sends unknown paths to the not-found page', () => {
	expect(matchRoute('/nowhere')).toEqual({ name: 'not-found', path: '/nowhere' });
	expect(matchRoute('/settings/nope')).toEqual({ name: 'not-found', path: '/settings/nope' });
	expect(matchRoute('/activity/h/day/2026-01-01/other/x')).toEqual({
		name: 'not-found',
		path: '/activity/h/day/2026-01-01/other/x'
	});
	expect(matchRoute('/search/x')).toEqual({ name: 'not-found', path: '/search/x' });
	expect(matchRoute('/alerts/x')).toEqual({ name: 'not-found', path: '/alerts/x' });
	expect(matchRoute('/trends/a/b')).toEqual({ name: 'not-found', path: '/trends/a/b' });
	expect(matchRoute('/buckets/%E0%A4%A')).toEqual({ name: 'not-found', path: '/buckets/%E0%A4%A' });
});

it('builds Activity paths with encoded parts', () => {
	expect(activityPath('my host', 'day', '2026-03-02', 'summary')).toBe(
		'/activity/my%20host/day/2026-03-02/view/summary'
	);
	expect(activityPath('h')).toBe('/activity/h');
});

it('builds Trends paths with an encoded host', () => {
	expect(trendsPath('my host')).toBe('/trends/my%20host');
	expect(trendsPath()).toBe('/trends');
});
