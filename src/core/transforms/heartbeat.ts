/**
 * Heartbeat merging (query-language.md section 9, rest-api.md section 5). Not callable from
 * queries; the datastore uses `heartbeatMerge` for every heartbeat it stores.
 */
import { jsonEqual } from '../model/json';
import { endOf, type Event } from '../model/event';
import { secondsToMicros } from '../model/time';

/**
 * Merges `heartbeat` into `last` when their data are deeply equal and the heartbeat starts
 * within `[last.timestamp, end(last) + pulsetime]` (inclusive at both ends). The result keeps
 * `last`'s id, start and data and ends at the later of the two ends, so a heartbeat inside
 * `last` never shortens it. Returns null when they do not merge. Neither input is modified.
 */
export function heartbeatMerge(
	last: Event,
	heartbeat: Event,
	pulsetimeSeconds: number
): Event | null {
	if (!jsonEqual(last.data, heartbeat.data)) return null;

	const lastEnd = endOf(last);
	const pulse = secondsToMicros(pulsetimeSeconds);
	if (heartbeat.timestamp < last.timestamp || heartbeat.timestamp > lastEnd + pulse) return null;

	const end = Math.max(lastEnd, endOf(heartbeat));
	const duration = end - last.timestamp;
	if (duration < 0) return null;
	return { id: last.id, timestamp: last.timestamp, duration, data: last.data };
}

/**
 * Folds a list of heartbeats left to right: each one merges into the last output event when
 * `heartbeatMerge` allows it, otherwise it is appended. `[]` gives `[]`.
 */
export function heartbeatReduce(events: readonly Event[], pulsetimeSeconds: number): Event[] {
	const out: Event[] = [];
	for (const event of events) {
		const last = out[out.length - 1];
		const merged = last ? heartbeatMerge(last, event, pulsetimeSeconds) : null;
		if (merged) out[out.length - 1] = merged;
		else out.push({ ...event });
	}
	return out;
}
