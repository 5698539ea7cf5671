/**
 * The pre-merge of queued mode (client.md 5.4), which holds one pending heartbeat per bucket
 * and only lets the merged run out when it has grown to the commit interval or the data changed.
 * (The per-bucket sending queue of client.md 5 is the core's `KeyedQueue`.)
 */
import type { Event } from '../core/model/event';
import type { JsonObject } from '../core/model/json';
import { microsToSeconds, parseInstant, secondsToMicros } from '../core/model/time';
import { heartbeatMerge } from '../core/transforms/heartbeat';
import { toWireEvent, type WireEvent } from './convert';
import type { EventInput } from './types';

/** A heartbeat handed to the request queue: POST `event` with this pulsetime. */
export type Commit = { bucketId: string; event: WireEvent; pulsetime: number };

type Pending = {
	/** The merged run in the core's units (microseconds), for `heartbeatMerge`. */
	event: Event;
	/** The start as the caller wrote it, sent unchanged (it may carry microseconds). */
	timestamp: string;
	pulsetime: number;
};

function pendingFrom(input: EventInput, pulsetime: number): Pending {
	const wire = toWireEvent(input);
	const event: Event = {
		id: null,
		timestamp: parseInstant(wire.timestamp, 'lenient'),
		duration: secondsToMicros(wire.duration),
		data: structuredClone(wire.data) as JsonObject
	};
	return { event, timestamp: wire.timestamp, pulsetime };
}

function commitOf(bucketId: string, pending: Pending, pulsetime: number): Commit {
	const { event, timestamp } = pending;
	const wire = { timestamp, duration: microsToSeconds(event.duration), data: event.data };
	return { bucketId, event: wire, pulsetime };
}

/** The client-side pre-merge of queued heartbeats (client.md 5.4). Synchronous and in memory. */
export class HeartbeatPremerge {
	private readonly pending = new Map<string, Pending>();

	/**
	 * Takes one heartbeat and returns what must be queued now, if anything: the merged run when
	 * it reached `commitInterval` seconds (the new heartbeat then starts the next run), or the
	 * previous run when the new heartbeat does not merge into it.
	 */
	offer(
		bucketId: string,
		input: EventInput,
		pulsetime: number,
		commitInterval: number
	): Commit | null {
		const incoming = pendingFrom(input, pulsetime);
		const previous = this.pending.get(bucketId);
		this.pending.set(bucketId, incoming);
		if (!previous) return null;

		const merged = heartbeatMerge(previous.event, incoming.event, pulsetime);
		if (!merged) return commitOf(bucketId, previous, pulsetime);

		const run: Pending = { ...previous, event: merged, pulsetime };
		if (merged.duration >= secondsToMicros(commitInterval))
			return commitOf(bucketId, run, pulsetime);
		this.pending.set(bucketId, run);
		return null;
	}

	/** Hands out every pending run (for `flush` and `disconnect`) and forgets them. */
	drain(): Commit[] {
		const commits = [...this.pending].map(([id, p]) => commitOf(id, p, p.pulsetime));
		this.pending.clear();
		return commits;
	}

	get size(): number {
		return this.pending.size;
	}
}
