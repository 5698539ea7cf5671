/**
 * The Timeline's data rules: events shorter than the minimum are left out, the AFK filter
 * replaces each window bucket's events by its canonical (AFK-filtered) events and hides the
 * AFK buckets, and events are coloured by their category (client-side, with the same rule
 * matcher as the query engine; section 3.5), uncategorized ones by a hash of their name.
 */
import type { Event } from '../../core/model/event';
import { ruleSpec } from '../../core/queries/categories';
import { buildRule, categorize, type CategoryRule } from '../../core/transforms';
import { effectiveColor, isUncategorized, type Category } from './categories';
import { hashColor } from './bar-rows';
import type { Lane } from './timeline-option';

export const MIN_DURATIONS = [0, 2, 5, 10, 30, 60, 120, 600, 1800, 3600];

/** Keeps events lasting at least `seconds`; lanes left empty are dropped. */
export function withMinimum(lanes: Lane[], seconds: number): Lane[] {
	return lanes
		.map((lane) => ({ ...lane, events: lane.events.filter((e) => e.duration >= seconds * 1e6) }))
		.filter((lane) => lane.events.length > 0);
}

/** Window lanes get their canonical events (by bucket id); AFK lanes are hidden. */
export function afkFiltered(lanes: Lane[], canonical: Record<string, Event[]>): Lane[] {
	return lanes
		.filter((lane) => lane.type !== 'afkstatus')
		.map((lane) => {
			const events = canonical[lane.bucketId];
			return events ? { ...lane, events } : lane;
		});
}

function rulesOf(categories: Category[]): CategoryRule[] {
	const out: CategoryRule[] = [];
	for (const c of categories) {
		if (c.rule.type !== 'regex') continue;
		try {
			out.push({ category: c.name, rule: buildRule(ruleSpec(c.rule)) });
		} catch {
			// A rule that does not compile colours nothing; the category editor reports it.
		}
	}
	return out;
}

/** A colour function for the chart: the event's category colour, or a name hash. */
export function categoryColors(categories: Category[]): (lane: Lane, e: Event) => string {
	const rules = rulesOf(categories);
	return (lane, e) => {
		const [categorized] = categorize([e], rules);
		const path = categorized.data.$category as string[];
		if (isUncategorized(path)) {
			return hashColor(String(e.data.app ?? e.data.title ?? e.data.label ?? lane.bucketId));
		}
		return effectiveColor(categories, path);
	};
}
