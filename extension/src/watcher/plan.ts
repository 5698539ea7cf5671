/**
 * One step of the whole watcher: from the stored watcher state, the settings and what the
 * browser shows now, the outbox entries to add and the next state. The background worker reads
 * the state from storage, calls one of these, appends the entries and stores the state, so a
 * worker stopped between two steps loses nothing it had not yet decided.
 */
import type { EventData } from '../../../src/core/model/event';
import { bucketsFor, type Buckets } from '../buckets';
import type { Settings } from '../settings';
import type { RecordingState } from '../status';
import { afkTick, afkTransition, UNKNOWN_AFK, type AfkState, type IdleState } from './afk';
import type { OutboxInput } from './heartbeat';
import { verdictOf, webData, windowData, type Observation } from './observation';
import { streamHeartbeats } from './stream';

export type WatcherState = {
	/** The buckets the data below belongs to; null before the first step. */
	buckets: Buckets | null;
	/** The tab data last recorded, null when no tab is being recorded. */
	web: EventData | null;
	/** The focus data last recorded, null while the browser has no focus. */
	window: EventData | null;
	afk: AfkState;
};

export const INITIAL_WATCHER_STATE: WatcherState = {
	buckets: null,
	web: null,
	window: null,
	afk: UNKNOWN_AFK
};

export type Plan = { state: WatcherState; entries: OutboxInput[]; recording: RecordingState };

function sameBuckets(a: Buckets, b: Buckets): boolean {
	return a.web.id === b.web.id && a.window.id === b.window.id && a.afk.id === b.afk.id;
}

/** Ends every stream at `nowMs`: the last data of each is heartbeated once more, then forgotten. */
export function planStop(state: WatcherState, nowMs: number): OutboxInput[] {
	if (!state.buckets) return [];
	const { web, window, afk } = state.buckets;
	return [
		...streamHeartbeats(web, state.web, null, nowMs),
		...streamHeartbeats(window, state.window, null, nowMs),
		...afkTick(afk, state.afk, nowMs)
	];
}

/** The state for `settings`, ending the old buckets' streams when the bucket ids changed. */
function rebase(state: WatcherState, settings: Settings, nowMs: number) {
	const buckets = bucketsFor(settings);
	if (state.buckets && sameBuckets(state.buckets, buckets)) return { state, entries: [] };
	return {
		state: { ...INITIAL_WATCHER_STATE, buckets },
		entries: planStop(state, nowMs)
	};
}

export type TickInput = {
	settings: Settings;
	/** What the browser shows; unused while paused. */
	observation: Observation;
	/** The idle state, needed only while the AFK status is unknown (after a start). */
	idle: IdleState | null;
	nowMs: number;
};

/** A tick: a tab or focus event, or the backstop alarm. */
export function planTick(previous: WatcherState, input: TickInput): Plan {
	const { settings, observation, nowMs } = input;
	const base = rebase(previous, settings, nowMs);
	const buckets = base.state.buckets as Buckets;

	if (!settings.enabled) {
		const entries = [...base.entries, ...planStop(base.state, nowMs)];
		return { state: { ...INITIAL_WATCHER_STATE, buckets }, entries, recording: 'paused' };
	}

	const web = webData(observation, settings);
	const window = windowData(observation, settings, settings.browserName);
	const afk =
		base.state.afk.status === null && input.idle !== null
			? afkTransition(buckets.afk, base.state.afk, input.idle, nowMs, settings.idleThresholdSeconds)
			: { state: base.state.afk, entries: afkTick(buckets.afk, base.state.afk, nowMs) };

	return {
		state: { buckets, web, window, afk: afk.state },
		entries: [
			...base.entries,
			...streamHeartbeats(buckets.web, base.state.web, web, nowMs),
			...streamHeartbeats(buckets.window, base.state.window, window, nowMs),
			...afk.entries
		],
		recording: verdictOf(observation, settings)
	};
}

/** A change reported by `chrome.idle.onStateChanged`. Ignored while paused. */
export function planIdleChange(
	previous: WatcherState,
	settings: Settings,
	idle: IdleState,
	nowMs: number
): Omit<Plan, 'recording'> {
	if (!settings.enabled) return { state: previous, entries: [] };
	const base = rebase(previous, settings, nowMs);
	const buckets = base.state.buckets as Buckets;
	const step = afkTransition(
		buckets.afk,
		base.state.afk,
		idle,
		nowMs,
		settings.idleThresholdSeconds
	);
	return { state: { ...base.state, afk: step.state }, entries: [...base.entries, ...step.entries] };
}

/**
 * The state after the browser (or the extension) started: what was recorded before is kept
 * only for its buckets; every stream resumes as after a break, since nobody knows how long the
 * browser was closed. The last events were already extended by the last heartbeats sent.
 */
export function stateAfterStart(previous: WatcherState): WatcherState {
	return { ...INITIAL_WATCHER_STATE, buckets: previous.buckets };
}
