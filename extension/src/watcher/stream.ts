/**
 * The decision at the heart of the tab and focus watchers: given what was last recorded and
 * what holds now, which heartbeats to send (dashboard-and-watchers.md 6.2 and 7.3).
 *
 * - Same data as before: one heartbeat at now, extending the current event.
 * - Different data: first the previous data at now − 1 ms, which stretches the previous event
 *   up to the change, then the new data at now.
 * - Nothing to record any more (focus lost, private or excluded tab, paused): the previous data
 *   at now, ending its event here.
 * - Something again after nothing: the new data at now with pulsetime 0, so the server does not
 *   merge it with the event that ended at the break.
 */
import { jsonEqual } from '../../../src/core/model/json';
import type { EventData } from '../../../src/core/model/event';
import type { BucketSpec } from '../buckets';
import {
	heartbeat,
	PULSETIME_SECONDS,
	RESUME_PULSETIME_SECONDS,
	type HeartbeatInput
} from './heartbeat';

/** How far before a change the previous data is flushed. */
export const FLUSH_OFFSET_MS = 1;

export function streamHeartbeats(
	bucket: BucketSpec,
	previous: EventData | null,
	current: EventData | null,
	nowMs: number
): HeartbeatInput[] {
	if (previous === null) {
		return current === null ? [] : [heartbeat(bucket, current, nowMs, RESUME_PULSETIME_SECONDS)];
	}
	if (current === null) return [heartbeat(bucket, previous, nowMs, PULSETIME_SECONDS)];
	if (jsonEqual(previous, current)) return [heartbeat(bucket, current, nowMs, PULSETIME_SECONDS)];
	return [
		heartbeat(bucket, previous, nowMs - FLUSH_OFFSET_MS, PULSETIME_SECONDS),
		heartbeat(bucket, current, nowMs, PULSETIME_SECONDS)
	];
}
