/**
 * The recording half of the background worker: reads what the browser shows, lets the pure
 * planner (watcher/plan.ts) decide, and writes the result to the outbox and the stored watcher
 * state. Steps run one after another (state is read, changed and written back), and the state
 * lives in `chrome.storage.local` under `watcher`, never only in this worker's memory.
 *
 * When the outbox cannot store a step's entries (the storage is full, or failing), they are
 * lost and reported (outbox-append.ts), and recording goes on from the new state, so the app
 * later sees a gap rather than stale data stretched over it.
 */
import { createLogger } from '../../../src/core/log';
import type { Outbox } from '../outbox';
import { appendAndReport } from '../outbox-append';
import type { StatusStore } from './status-store';
import { readSettings } from '../settings-store';
import type { IdleState } from '../watcher/afk';
import type { Observation, TabSnapshot } from '../watcher/observation';
import {
	INITIAL_WATCHER_STATE,
	planIdleChange,
	planTick,
	stateAfterStart,
	type WatcherState
} from '../watcher/plan';

const log = createLogger('extension.recorder');

export const WATCHER_KEY = 'watcher';
const STARTED_KEY = 'started';

const WINDOW_TYPES: `${chrome.windows.WindowType}`[] = ['normal', 'popup'];

function snapshot(tab: chrome.tabs.Tab): TabSnapshot {
	return { url: tab.url, title: tab.title, audible: tab.audible, incognito: tab.incognito };
}

/**
 * What the browser shows: whether one of its windows has focus (confirmed with
 * `windows.getLastFocused`, since focus events can be transient), the active tab of the last
 * focused window, and the number of tabs.
 */
export async function observe(): Promise<Observation> {
	const window = await chrome.windows
		.getLastFocused({ windowTypes: WINDOW_TYPES })
		.catch(() => undefined);
	const [active] =
		window?.id !== undefined ? await chrome.tabs.query({ active: true, windowId: window.id }) : [];
	const tabs = await chrome.tabs.query({});
	return {
		focused: window?.focused === true,
		tab: active ? snapshot(active) : null,
		tabCount: tabs.length
	};
}

async function storedState(): Promise<WatcherState> {
	const items = await chrome.storage.local.get(WATCHER_KEY);
	const state = items[WATCHER_KEY] as WatcherState | undefined;
	return state && typeof state === 'object' ? state : INITIAL_WATCHER_STATE;
}

/** Whether this worker has seen the session flag (saves a storage read per step). */
let sessionKnown = false;

/**
 * The watcher state for the next step. The first step of a browser session (whatever event
 * caused it: tab events can arrive before `runtime.onInstalled`) starts from
 * `stateAfterStart`; a flag in `chrome.storage.session`, which lives as long as the browser
 * session and survives worker restarts, marks the session as begun.
 */
async function readState(): Promise<WatcherState> {
	if (!sessionKnown) {
		const session = await chrome.storage.session.get(STARTED_KEY);
		sessionKnown = true;
		if (!session[STARTED_KEY]) {
			await chrome.storage.session.set({ [STARTED_KEY]: true });
			return stateAfterStart(await storedState());
		}
	}
	return storedState();
}

export class Recorder {
	readonly #outbox: Outbox;
	readonly #status: StatusStore;
	#queue: Promise<unknown> = Promise.resolve();

	constructor(outbox: Outbox, status: StatusStore) {
		this.#outbox = outbox;
		this.#status = status;
	}

	#serial(task: () => Promise<void>): Promise<void> {
		const run = this.#queue.then(task).catch((err: unknown) => {
			log.error('a recording step failed', { error: String(err) });
		});
		this.#queue = run;
		return run;
	}

	/** Browser or extension start (`onInstalled`, `onStartup`): record what the browser shows. */
	start(): Promise<void> {
		return this.tick('start');
	}

	/** A tab, window or alarm event: record what the browser shows now. */
	tick(reason: string): Promise<void> {
		return this.#serial(async () => {
			const settings = await readSettings();
			const state = await readState();
			const idle =
				state.afk.status === null
					? await chrome.idle.queryState(settings.idleThresholdSeconds)
					: null;
			const observation = await observe();
			const plan = planTick(state, { settings, observation, idle, nowMs: Date.now() });
			const result = await appendAndReport(this.#outbox, this.#status, plan.entries);
			await chrome.storage.local.set({ [WATCHER_KEY]: plan.state });
			await this.#status.update({ recording: plan.recording });
			log.debug('tick', { reason, added: result?.added, merged: result?.merged });
		});
	}

	/** `chrome.idle.onStateChanged`. */
	idleChanged(idle: IdleState): Promise<void> {
		return this.#serial(async () => {
			const settings = await readSettings();
			const plan = planIdleChange(await readState(), settings, idle, Date.now());
			const result = await appendAndReport(this.#outbox, this.#status, plan.entries);
			await chrome.storage.local.set({ [WATCHER_KEY]: plan.state });
			log.info('idle state', { state: idle, entries: plan.entries.length, stored: !!result });
		});
	}
}
