import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HindsightError } from '../../src/core/errors';
import { addLogSink, setConsoleLogging, type LogRecord } from '../../src/core/log';
import {
	adoptIdleTimeout,
	APP_CHECK_INTERVAL_MS,
	APP_FOLLOW_KEY,
	APP_IDLE_SETTING,
	AppSettingsFollower,
	followStateFromStorage,
	INITIAL_FOLLOW_STATE,
	isCheckDue,
	type SettingReader
} from '../../extension/src/app-settings';
import { bucketsFor } from '../../extension/src/buckets';
import { Deliverer } from '../../extension/src/delivery';
import { Outbox } from '../../extension/src/outbox';
import { defaultSettings, settingsFromStorage, type Settings } from '../../extension/src/settings';
import { SETTINGS_KEY } from '../../extension/src/settings-store';
import { heartbeat } from '../../extension/src/watcher/heartbeat';
import { clientFor, closeApps, openApp, ORIGIN, type App } from './bridged-app';
import { MemoryStore } from './memory-store';

setConsoleLogging(false);

const BASE = defaultSettings('laptop', 'chrome', ORIGIN);
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const MINUTE = 60_000;

let store: MemoryStore;
let follower: AppSettingsFollower;

beforeEach(() => {
	store = new MemoryStore();
	store.items.set(SETTINGS_KEY, JSON.stringify(BASE));
	follower = new AppSettingsFollower(store);
});

afterEach(closeApps);

function stored(): Settings {
	return settingsFromStorage(JSON.parse(store.items.get(SETTINGS_KEY) ?? 'null'), BASE);
}

/** A reader that answers `value` and counts its calls. */
function appHolding(value: unknown) {
	const reader: { value: unknown; reads: number; read: SettingReader } = {
		value,
		reads: 0,
		read: async (key) => {
			reader.reads++;
			expect(key).toBe(APP_IDLE_SETTING);
			return reader.value;
		}
	};
	return reader;
}

describe('adoptIdleTimeout', () => {
	it('adopts a valid app value that differs from the adopted one', () => {
		const adoption = adoptIdleTimeout(INITIAL_FOLLOW_STATE, 180, 300);
		expect(adoption).toEqual({
			outcome: 'adopted',
			state: { adoptedIdleSeconds: 300, checkedAt: null },
			threshold: 300
		});
	});

	it('remembers the app value without a new threshold when the extension already has it', () => {
		const adoption = adoptIdleTimeout(INITIAL_FOLLOW_STATE, 300, 300);
		expect(adoption.outcome).toBe('adopted');
		expect(adoption.state.adoptedIdleSeconds).toBe(300);
		expect(adoption.threshold).toBeNull();
	});

	it('keeps a local change while the app value is the one adopted before', () => {
		const state = { adoptedIdleSeconds: 300, checkedAt: T0 };
		expect(adoptIdleTimeout(state, 600, 300)).toEqual({
			outcome: 'unchanged',
			state,
			threshold: null
		});
		expect(adoptIdleTimeout(state, 600, 240).threshold).toBe(240);
	});

	it('ignores null and values chrome.idle would not take', () => {
		const state = { adoptedIdleSeconds: 300, checkedAt: T0 };
		for (const value of [null, undefined, '300', 30.5, 14, 4 * 60 * 60 + 1, NaN, true, [300]]) {
			expect(adoptIdleTimeout(state, 600, value), String(value)).toEqual({
				outcome: 'invalid',
				state,
				threshold: null
			});
		}
		expect(adoptIdleTimeout(state, 600, 15).threshold).toBe(15);
		expect(adoptIdleTimeout(state, 600, 4 * 60 * 60).threshold).toBe(4 * 60 * 60);
	});
});

describe('isCheckDue', () => {
	it('is due when never checked, after the interval, and when the clock went back', () => {
		const state = { adoptedIdleSeconds: null, checkedAt: T0 };
		expect(isCheckDue(INITIAL_FOLLOW_STATE, T0, 5 * MINUTE)).toBe(true);
		expect(isCheckDue(state, T0 + 5 * MINUTE - 1, 5 * MINUTE)).toBe(false);
		expect(isCheckDue(state, T0 + 5 * MINUTE, 5 * MINUTE)).toBe(true);
		expect(isCheckDue(state, T0 - 1, 5 * MINUTE)).toBe(true);
	});
});

describe('followStateFromStorage', () => {
	it('reads damaged state as never checked and nothing adopted', () => {
		expect(followStateFromStorage(undefined)).toEqual(INITIAL_FOLLOW_STATE);
		expect(followStateFromStorage({ adoptedIdleSeconds: 'x', checkedAt: null })).toEqual(
			INITIAL_FOLLOW_STATE
		);
		expect(followStateFromStorage({ adoptedIdleSeconds: 240, checkedAt: T0 })).toEqual({
			adoptedIdleSeconds: 240,
			checkedAt: T0
		});
	});
});

describe('AppSettingsFollower', () => {
	it('stores a new app value as the idle threshold and touches no other option', async () => {
		const edited = { ...BASE, deviceName: 'desk', excludedSites: ['bank.example'] };
		store.items.set(SETTINGS_KEY, JSON.stringify(edited));
		const app = appHolding(420);

		expect(await follower.check(app.read, T0)).toBe('adopted');
		expect(stored()).toEqual({ ...edited, idleThresholdSeconds: 420 });
		expect(JSON.parse(store.items.get(APP_FOLLOW_KEY)!)).toEqual({
			adoptedIdleSeconds: 420,
			checkedAt: T0
		});
	});

	it('keeps a change made in the options until the app value changes again', async () => {
		const app = appHolding(300);
		await follower.check(app.read, T0);
		expect(stored().idleThresholdSeconds).toBe(300);

		store.items.set(SETTINGS_KEY, JSON.stringify({ ...stored(), idleThresholdSeconds: 600 }));
		expect(await follower.check(app.read, T0 + 10 * MINUTE)).toBe('unchanged');
		expect(stored().idleThresholdSeconds).toBe(600);

		app.value = 240;
		expect(await follower.check(app.read, T0 + 20 * MINUTE)).toBe('adopted');
		expect(stored().idleThresholdSeconds).toBe(240);
	});

	it('does not write the settings when the extension already has the app value', async () => {
		store.items.set(SETTINGS_KEY, JSON.stringify({ ...BASE, idleThresholdSeconds: 300 }));
		const before = store.items.get(SETTINGS_KEY);
		expect(await follower.check(appHolding(300).read, T0)).toBe('adopted');
		expect(store.items.get(SETTINGS_KEY)).toBe(before);
	});

	it('ignores an unset or invalid app value and keeps what was adopted', async () => {
		const app = appHolding(300);
		await follower.check(app.read, T0);
		for (const [i, value] of [null, 7, 99.5, 'soon'].entries()) {
			app.value = value;
			expect(await follower.check(app.read, T0 + (i + 1) * 10 * MINUTE)).toBe('invalid');
			expect(stored().idleThresholdSeconds).toBe(300);
		}
		expect(followStateFromStorage(JSON.parse(store.items.get(APP_FOLLOW_KEY)!))).toMatchObject({
			adoptedIdleSeconds: 300
		});
	});

	it('asks the app at most once per interval, also across a restarted worker', async () => {
		const app = appHolding(300);
		expect(await follower.check(app.read, T0)).toBe('adopted');
		expect(await follower.check(app.read, T0 + MINUTE)).toBe('not-due');

		const restarted = new AppSettingsFollower(store);
		expect(await restarted.check(app.read, T0 + APP_CHECK_INTERVAL_MS - 1)).toBe('not-due');
		expect(app.reads).toBe(1);

		expect(await restarted.check(app.read, T0 + APP_CHECK_INTERVAL_MS)).toBe('unchanged');
		expect(app.reads).toBe(2);
	});

	it('asks the app at once after force, then throttles again', async () => {
		const app = appHolding(300);
		await follower.check(app.read, T0);
		follower.force();
		expect(await follower.check(app.read, T0 + MINUTE)).toBe('unchanged');
		expect(await follower.check(app.read, T0 + 2 * MINUTE)).toBe('not-due');
		expect(app.reads).toBe(2);
	});

	it('shares one read between checks that overlap', async () => {
		const app = appHolding(300);
		const outcomes = await Promise.all([
			follower.check(app.read, T0),
			follower.check(app.read, T0)
		]);
		expect(outcomes).toEqual(['adopted', 'adopted']);
		expect(app.reads).toBe(1);
	});

	it('skips a failed read, changes nothing and waits for the next interval', async () => {
		const records: LogRecord[] = [];
		const remove = addLogSink((record) => records.push(record));
		const failing: SettingReader = () =>
			Promise.reject(new HindsightError('unreachable', 'The app could not be reached'));

		expect(await follower.check(failing, T0)).toBe('failed');
		remove();
		expect(stored()).toEqual(BASE);
		expect(records.map((r) => r.details?.code)).toContain('unreachable');
		expect(await follower.check(appHolding(300).read, T0 + MINUTE)).toBe('not-due');
		expect(await follower.check(appHolding(300).read, T0 + APP_CHECK_INTERVAL_MS)).toBe('adopted');
	});

	it('reports a storage failure as failed instead of throwing', async () => {
		store.failNextSet = 'QUOTA_BYTES quota exceeded';
		expect(await follower.check(appHolding(300).read, T0)).toBe('failed');
		expect(stored()).toEqual(BASE);
	});
});

describe('following the app through the bridge', () => {
	const buckets = bucketsFor(BASE);
	const tab = (title: string) => ({ url: `https://${title}.example/`, title });

	async function setInApp(app: App, value: unknown): Promise<void> {
		const response = await app.router(
			new Request(`${ORIGIN}/api/0/settings/${APP_IDLE_SETTING}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(value)
			})
		);
		expect(response.status).toBe(201);
	}

	async function webEvents(app: App): Promise<number> {
		const response = await app.router(
			new Request(`${ORIGIN}/api/0/buckets/${buckets.web.id}/events`)
		);
		return ((await response.json()) as unknown[]).length;
	}

	it('brings the value set in the app settings into the extension while heartbeats flow', async () => {
		const app = openApp();
		const client = clientFor(app.send);
		const outbox = new Outbox(store);
		const deliverer = new Deliverer(client);
		const read: SettingReader = (key) => client.getSetting(key);

		await setInApp(app, 420);
		await outbox.append([heartbeat(buckets.web, tab('a'), T0, 0)]);
		expect(await deliverer.drain(outbox)).toMatchObject({ delivered: 1, error: null });
		expect(await follower.check(read, T0)).toBe('adopted');
		expect(stored().idleThresholdSeconds).toBe(420);

		store.items.set(SETTINGS_KEY, JSON.stringify({ ...stored(), idleThresholdSeconds: 900 }));
		await outbox.append([heartbeat(buckets.web, tab('b'), T0 + MINUTE, 80)]);
		await deliverer.drain(outbox);
		expect(await follower.check(read, T0 + 6 * MINUTE)).toBe('unchanged');
		expect(stored().idleThresholdSeconds).toBe(900);

		await setInApp(app, 120);
		await outbox.append([heartbeat(buckets.web, tab('c'), T0 + 2 * MINUTE, 80)]);
		await deliverer.drain(outbox);
		expect(await follower.check(read, T0 + 12 * MINUTE)).toBe('adopted');
		expect(stored().idleThresholdSeconds).toBe(120);

		expect(await webEvents(app)).toBe(3);
		expect(await outbox.size()).toBe(0);
		const reads = app.requests.filter((r) => r.path.startsWith('/api/0/settings/'));
		expect(reads.map((r) => `${r.method} ${r.path}`)).toEqual(
			Array(3).fill(`GET /api/0/settings/${APP_IDLE_SETTING}`)
		);
	});

	it('keeps delivering when the settings read fails, and stores nothing of it', async () => {
		const app = openApp();
		const client = clientFor((request) =>
			request.path.startsWith('/api/0/settings/')
				? Promise.reject(new TypeError('Failed to fetch'))
				: app.send(request)
		);
		const outbox = new Outbox(store);
		await setInApp(app, 420);

		await outbox.append([heartbeat(buckets.web, tab('a'), T0, 0)]);
		await new Deliverer(client).drain(outbox);
		expect(await follower.check((key) => client.getSetting(key), T0)).toBe('failed');
		await outbox.append([heartbeat(buckets.web, tab('b'), T0 + MINUTE, 80)]);
		expect(await new Deliverer(client).drain(outbox)).toMatchObject({ delivered: 1, error: null });

		expect(await webEvents(app)).toBe(2);
		expect(stored()).toEqual(BASE);
		expect(
			[...store.items.keys()].filter((k) => k.startsWith('outbox:') && k !== 'outbox:meta')
		).toEqual([]);
	});

	it('treats an unset app setting as nothing to adopt', async () => {
		const app = openApp();
		const client = clientFor(app.send);
		expect(await follower.check((key) => client.getSetting(key), T0)).toBe('invalid');
		expect(stored()).toEqual(BASE);
	});
});
