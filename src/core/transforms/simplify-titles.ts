/**
 * `simplify_window_titles` (query-language.md 8.7; a Python-only function): removes the parts of
 * window titles that change without the window changing (unread counters, frame rates, unsaved
 * markers) so that merging by title groups them.
 */
import type { Event } from '../model/event';
import { withKey } from './data';

/** Unicode whitespace as Python's `str.isspace` (and so its `re` module's `\s`) sees it. */
const SPACE = '[\\p{White_Space}\\x1C-\\x1F]';
const COUNTER = new RegExp(`^\\([0-9]+\\)${SPACE}*`, 'u');
const FPS = new RegExp(`FPS:${SPACE}+[0-9.]+`, 'gu');
const UNSAVED = new RegExp(`^[●*]${SPACE}*`, 'u');

function simplify(text: string, isTitleOfWindow: boolean): string {
	let result = text.replace(COUNTER, '');
	if (isTitleOfWindow) {
		result = result.replace(FPS, 'FPS: ...');
		result = result.replace(UNSAVED, '');
	}
	return result;
}

/**
 * For each event whose `data[key]` is a string, in this order: a leading `(digits)` counter and
 * the whitespace after it are removed (`(2) YouTube` gives `YouTube`); then, only when `key` is
 * `"title"` and the data has an `app` key, every `FPS:` followed by whitespace and a run of
 * digits and dots becomes `FPS: ...`, and a leading `●` or `*` with the whitespace after it is
 * removed. Events without a string at `key`, and events whose value does not change, are
 * returned as they are.
 */
export function simplifyWindowTitles(events: readonly Event[], key: string): Event[] {
	return events.map((event) => {
		const value = Object.hasOwn(event.data, key) ? event.data[key] : undefined;
		if (typeof value !== 'string') return event;
		const simplified = simplify(value, key === 'title' && Object.hasOwn(event.data, 'app'));
		if (simplified === value) return event;
		const data = withKey(event.data, key, simplified);
		return { id: event.id, timestamp: event.timestamp, duration: event.duration, data };
	});
}
