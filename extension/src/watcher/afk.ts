/**
 * The idle watcher's state machine (dashboard-and-watchers.md 7.3), from `chrome.idle` states
 * to `afkstatus` events (`{status: 'afk'}` or `{status: 'not-afk'}`).
 *
 * - `active`, while not away: heartbeat `not-afk` at every tick.
 * - `idle`: the last input was about one threshold ago. The current `not-afk` event is made to
 *   end exactly there: a heartbeat at that moment stretches it if the last tick came earlier,
 *   and a truncate entry cuts it back if ticks went on past it (heartbeats cannot shorten an
 *   event). An `afk` event starts there, already lasting until now.
 * - `locked`: away at once; `not-afk` ends now and `afk` starts now.
 * - `active` after being away: `afk` ends now, a new `not-afk` event starts now.
 * - While away, each tick extends the `afk` event.
 */
import type { EventData } from '../../../src/core/model/event';
import type { BucketSpec } from '../buckets';
import {
	heartbeat,
	PULSETIME_SECONDS,
	RESUME_PULSETIME_SECONDS,
	truncate,
	type OutboxInput
} from './heartbeat';
import { FLUSH_OFFSET_MS } from './stream';

export type AfkStatus = 'afk' | 'not-afk';

/** What `chrome.idle` reports. */
export type IdleState = 'active' | 'idle' | 'locked';

export type AfkState = {
	/** The status being recorded; null before the first idle state is known. */
	status: AfkStatus | null;
	/** When the current status began, milliseconds since the epoch. */
	since: number | null;
};

export type AfkStep = { state: AfkState; entries: OutboxInput[] };

export const UNKNOWN_AFK: AfkState = { status: null, since: null };

const data = (status: AfkStatus): EventData => ({ status });

export function statusOf(idle: IdleState): AfkStatus {
	return idle === 'active' ? 'not-afk' : 'afk';
}

/** The periodic heartbeat: extends whatever status holds; nothing while it is unknown. */
export function afkTick(bucket: BucketSpec, state: AfkState, nowMs: number): OutboxInput[] {
	if (state.status === null) return [];
	return [heartbeat(bucket, data(state.status), nowMs, PULSETIME_SECONDS)];
}

function start(
	bucket: BucketSpec,
	status: AfkStatus,
	atMs: number,
	nowMs: number,
	before: OutboxInput[]
): AfkStep {
	const begin = heartbeat(bucket, data(status), atMs, RESUME_PULSETIME_SECONDS, nowMs - atMs);
	return { state: { status, since: atMs }, entries: [...before, begin] };
}

/** Applies a new idle state; `thresholdSeconds` is the detection interval in use. */
export function afkTransition(
	bucket: BucketSpec,
	state: AfkState,
	idle: IdleState,
	nowMs: number,
	thresholdSeconds: number
): AfkStep {
	const target = statusOf(idle);
	if (state.status === target) return { state, entries: afkTick(bucket, state, nowMs) };

	if (idle === 'idle') {
		const lastInput = Math.max(nowMs - thresholdSeconds * 1000, state.since ?? -Infinity);
		const end = Math.min(lastInput, nowMs);
		const cut =
			state.status === 'not-afk'
				? [
						heartbeat(bucket, data('not-afk'), end, PULSETIME_SECONDS),
						truncate(bucket, data('not-afk'), end)
					]
				: [];
		return start(bucket, 'afk', end, nowMs, cut);
	}
	const flush =
		state.status === null
			? []
			: [heartbeat(bucket, data(state.status), nowMs - FLUSH_OFFSET_MS, PULSETIME_SECONDS)];
	return start(bucket, target, nowMs, nowMs, flush);
}
