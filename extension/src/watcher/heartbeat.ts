/**
 * What the watchers hand to the outbox: heartbeats, and "end the bucket's last event here"
 * instructions (the idle watcher's retroactive cut, which no heartbeat can express because a
 * heartbeat never shortens an event).
 *
 * Times are the core model's integer microseconds, so the outbox can pre-merge with the same
 * `heartbeatMerge` the app's datastore uses.
 */
import { MICROS_PER_MILLI, type Instant } from '../../../src/core/model/time';
import type { Event, EventData } from '../../../src/core/model/event';
import type { BucketSpec } from '../buckets';

/** The backstop alarm's period. Chromium fires extension alarms at most every 30 s. */
export const ALARM_PERIOD_SECONDS = 60;

/** Pulsetime of every continuing heartbeat: the alarm period plus 20 s of slack. */
export const PULSETIME_SECONDS = ALARM_PERIOD_SECONDS + 20;

/**
 * Pulsetime of the first heartbeat after a known break (focus lost, idle, paused, browser
 * start): zero, so the server never bridges a gap the watcher knows was not spent here.
 */
export const RESUME_PULSETIME_SECONDS = 0;

export type HeartbeatInput = {
	kind: 'heartbeat';
	/** The bucket, with what it takes to create it when the app does not have it yet. */
	bucket: BucketSpec;
	pulsetime: number;
	event: Event;
};

/**
 * Ends the bucket's latest event at `at` when it has `data` and runs past `at` (or removes it
 * when it starts at or after `at`). Delivered in order with the heartbeats around it.
 */
export type TruncateInput = {
	kind: 'truncate';
	bucket: BucketSpec;
	at: Instant;
	data: EventData;
};

export type OutboxInput = HeartbeatInput | TruncateInput;

export function msToInstant(ms: number): Instant {
	return Math.round(ms) * MICROS_PER_MILLI;
}

/** A heartbeat of `data` at `atMs`, lasting `durationMs` (0 for a plain heartbeat). */
export function heartbeat(
	bucket: BucketSpec,
	data: EventData,
	atMs: number,
	pulsetime: number,
	durationMs = 0
): HeartbeatInput {
	return {
		kind: 'heartbeat',
		bucket,
		pulsetime,
		event: { id: null, timestamp: msToInstant(atMs), duration: msToInstant(durationMs), data }
	};
}

export function truncate(bucket: BucketSpec, data: EventData, atMs: number): TruncateInput {
	return { kind: 'truncate', bucket, at: msToInstant(atMs), data };
}
