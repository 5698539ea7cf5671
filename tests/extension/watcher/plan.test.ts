import { describe, expect, it } from 'vitest';
import { bucketsFor } from '../../../extension/src/buckets';
import { defaultSettings, type Settings } from '../../../extension/src/settings';
import type { OutboxInput } from '../../../extension/src/watcher/heartbeat';
import type { Observation } from '../../../extension/src/watcher/observation';
import {
	INITIAL_WATCHER_STATE,
	planIdleChange,
	planTick,
	stateAfterStart,
	type WatcherState
} from '../../../extension/src/watcher/plan';

const SETTINGS: Settings = defaultSettings('laptop', 'chrome', 'http://127.0.0.1:5600');
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const tabA = { url: 'https://a.example/', title: 'A', audible: false, incognito: false };
const tabB = { url: 'https://b.example/', title: 'B', audible: false, incognito: false };
const seeing = (tab: typeof tabA, focused = true): Observation => ({ focused, tab, tabCount: 2 });

/** Each entry as "bucket kind title-or-status @offset-ms pulsetime". */
function summary(entries: OutboxInput[]): string[] {
	return entries.map((e) => {
		const prefix = e.bucket.id.split('_')[0];
		if (e.kind === 'truncate') return `${prefix} truncate ${e.data.status} @${e.at / 1000 - T0}`;
		const what = e.event.data.title ?? e.event.data.status;
		return `${prefix} ${what} @${e.event.timestamp / 1000 - T0} p${e.pulsetime}`;
	});
}

function run(steps: [number, Observation][], settings = SETTINGS, start = INITIAL_WATCHER_STATE) {
	let state: WatcherState = start;
	const entries: OutboxInput[] = [];
	for (const [offset, observation] of steps) {
		const plan = planTick(state, { settings, observation, idle: 'active', nowMs: T0 + offset });
		state = plan.state;
		entries.push(...plan.entries);
	}
	return { state, entries: summary(entries) };
}

describe('planTick', () => {
	it('starts all three streams as after a break, then extends them', () => {
		const { entries } = run([
			[0, seeing(tabA)],
			[60_000, seeing(tabA)]
		]);
		expect(entries).toEqual([
			'aw-watcher-web-chrome A @0 p0',
			'aw-watcher-window A @0 p0',
			'aw-watcher-afk not-afk @0 p0',
			'aw-watcher-web-chrome A @60000 p80',
			'aw-watcher-window A @60000 p80',
			'aw-watcher-afk not-afk @60000 p80'
		]);
	});

	it('flushes the previous tab before the new one on a tab switch, in both streams', () => {
		const { entries } = run([
			[0, seeing(tabA)],
			[5_000, seeing(tabB)]
		]);
		expect(entries.slice(3)).toEqual([
			'aw-watcher-web-chrome A @4999 p80',
			'aw-watcher-web-chrome B @5000 p80',
			'aw-watcher-window A @4999 p80',
			'aw-watcher-window B @5000 p80',
			'aw-watcher-afk not-afk @5000 p80'
		]);
	});

	it('ends the tab and focus streams when the browser loses focus, and resumes them without bridging', () => {
		const { entries } = run([
			[0, seeing(tabA)],
			[10_000, seeing(tabA, false)],
			[40_000, seeing(tabA)]
		]);
		expect(entries.filter((e) => e.startsWith('aw-watcher-web'))).toEqual([
			'aw-watcher-web-chrome A @0 p0',
			'aw-watcher-web-chrome A @10000 p80',
			'aw-watcher-web-chrome A @40000 p0'
		]);
		expect(entries.filter((e) => e.startsWith('aw-watcher-afk'))).toHaveLength(3);
	});

	it('records nothing of private tabs but keeps the idle stream going', () => {
		const privateTab = { ...tabA, incognito: true };
		const { entries } = run([[0, seeing(privateTab)]]);
		expect(entries).toEqual(['aw-watcher-afk not-afk @0 p0']);
	});

	it('ends every stream when paused and records nothing while paused', () => {
		const paused = { ...SETTINGS, enabled: false };
		const first = run([[0, seeing(tabA)]]);
		const plan = planTick(first.state, {
			settings: paused,
			observation: seeing(tabB),
			idle: 'active',
			nowMs: T0 + 1000
		});
		expect(plan.recording).toBe('paused');
		expect(summary(plan.entries)).toEqual([
			'aw-watcher-web-chrome A @1000 p80',
			'aw-watcher-window A @1000 p80',
			'aw-watcher-afk not-afk @1000 p80'
		]);
		const again = planTick(plan.state, {
			settings: paused,
			observation: seeing(tabB),
			idle: 'active',
			nowMs: T0 + 2000
		});
		expect(again.entries).toEqual([]);
	});

	it('ends the old buckets streams when the device is renamed, then starts the new buckets', () => {
		const first = run([[0, seeing(tabA)]]);
		const renamed = { ...SETTINGS, deviceName: 'desk' };
		const plan = planTick(first.state, {
			settings: renamed,
			observation: seeing(tabA),
			idle: 'active',
			nowMs: T0 + 1000
		});
		expect(
			plan.entries.map((e) => `${e.bucket.id} ${e.kind === 'heartbeat' && e.pulsetime}`)
		).toEqual([
			'aw-watcher-web-chrome_laptop 80',
			'aw-watcher-window_laptop 80',
			'aw-watcher-afk_laptop 80',
			'aw-watcher-web-chrome_desk 0',
			'aw-watcher-window_desk 0',
			'aw-watcher-afk_desk 0'
		]);
		expect(plan.state.buckets).toEqual(bucketsFor(renamed));
	});

	it('learns the idle state only while the AFK status is unknown', () => {
		const plan = planTick(INITIAL_WATCHER_STATE, {
			settings: SETTINGS,
			observation: seeing(tabA),
			idle: 'idle',
			nowMs: T0
		});
		expect(summary(plan.entries).at(-1)).toBe('aw-watcher-afk afk @-180000 p0');
		expect(plan.state.afk.status).toBe('afk');
	});
});

describe('planIdleChange', () => {
	it('applies the idle state machine to the AFK bucket', () => {
		const { state } = run([[0, seeing(tabA)]]);
		const plan = planIdleChange(state, SETTINGS, 'idle', T0 + 200_000);
		expect(summary(plan.entries)).toEqual([
			'aw-watcher-afk not-afk @20000 p80',
			'aw-watcher-afk truncate not-afk @20000',
			'aw-watcher-afk afk @20000 p0'
		]);
		expect(plan.state.web).toEqual(state.web);
	});

	it('does nothing while paused', () => {
		const { state } = run([[0, seeing(tabA)]]);
		const plan = planIdleChange(state, { ...SETTINGS, enabled: false }, 'idle', T0 + 1000);
		expect(plan).toEqual({ state, entries: [] });
	});
});

describe('stateAfterStart', () => {
	it('forgets the recorded data but keeps the buckets', () => {
		const { state } = run([[0, seeing(tabA)]]);
		expect(stateAfterStart(state)).toEqual({ ...INITIAL_WATCHER_STATE, buckets: state.buckets });
	});
});
