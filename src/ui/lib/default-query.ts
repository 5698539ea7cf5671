/**
 * The query explorer's starting text: window events of this device, cut to the time the user
 * was active, merged by app and title, categorized with the user's rules, longest first.
 */
export function defaultQueryText(): string {
	return [
		'afk_events = query_bucket(find_bucket("aw-watcher-afk_"));',
		'window_events = query_bucket(find_bucket("aw-watcher-window_"));',
		'window_events = filter_period_intersect(window_events, filter_keyvals(afk_events, "status", ["not-afk"]));',
		'merged_events = merge_events_by_keys(window_events, ["app", "title"]);',
		'merged_events = categorize(merged_events, __CATEGORIES__);',
		'RETURN = sort_by_duration(merged_events);'
	].join('\n');
}
