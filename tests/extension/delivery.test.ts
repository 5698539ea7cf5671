/**
 * Delivery from the outbox into the app's real REST router and datastore (fake-indexeddb), the
 * way the extension does it: the client's requests become `BridgeRequest`s and the app's own
 * bridge code answers them (bridged-app.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer } from '../../src/api/bridge';
import { createRouter } from '../../src/api/router';
import type { BridgeSend } from '../../src/client';
import { EXTENSION_CLIENT } from '../../src/core/bridge-protocol';
import { HindsightError } from '../../src/core/errors';
import { setConsoleLogging } from '../../src/core/log';
import { runQuery } from '../../src/core/query/run';
import { bucketsFor } from '../../extension/src/buckets';
import { Deliverer } from '../../extension/src/delivery';
import { Outbox } from '../../extension/src/outbox';
import { defaultSettings } from '../../extension/src/settings';
import { heartbeat, truncate } from '../../extension/src/watcher/heartbeat';
import type { Observation } from '../../extension/src/watcher/observation';
import {
	INITIAL_WATCHER_STATE,
	planIdleChange,
	planTick,
	type WatcherState
} from '../../extension/src/watcher/plan';
import { clientFor, closeApps, openApp, ORIGIN, type App } from './bridged-app';
import { MemoryStore } from './memory-store';

setConsoleLogging(false);

const SETTINGS = defaultSettings('laptop', 'chrome', ORIGIN);
const BUCKETS = bucketsFor(SETTINGS);
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

/** The bucket's events, oldest first, as [offset from T0 in ms, duration in ms, data]. */
async function events(app: App, bucket: string) {
	const response = await app.router(new Request(`${ORIGIN}/api/0/buckets/${bucket}/events`));
	if (response.status !== 200) return { status: response.status, events: [] };
	const list = (await response.json()) as { timestamp: string; duration: number; data: object }[];
	return {
		status: 200,
		events: list
			.reverse()
			.map((e) => [Date.parse(e.timestamp) - T0, Math.round(e.duration * 1000), e.data])
	};
}

let store: MemoryStore;
let outbox: Outbox;

beforeEach(() => {
	store = new MemoryStore();
	outbox = new Outbox(store);
});

afterEach(closeApps);

const tab = (title: string) => ({
	url: `https://${title.toLowerCase()}.example/`,
	title,
	audible: false,
	incognito: false
});
const focused = (title: string): Observation => ({ focused: true, tab: tab(title), tabCount: 2 });
const webOf = (title: string) => ({ ...tab(title), tabCount: 2 });

/** Runs ticks (offset ms, observation) through the planner into the outbox. */
async function record(steps: [number, Observation][], start = INITIAL_WATCHER_STATE) {
	let state: WatcherState = start;
	for (const [offset, observation] of steps) {
		const plan = planTick(state, {
			settings: SETTINGS,
			observation,
			idle: 'active',
			nowMs: T0 + offset
		});
		await outbox.append(plan.entries);
		state = plan.state;
	}
	return state;
}

describe('Deliverer.drain', () => {
	it('turns a browsing session into tab, focus and idle events in the app', async () => {
		const app = openApp();
		await record([
			[0, focused('A')],
			[5_000, focused('B')],
			[65_000, focused('B')],
			[70_000, { ...focused('B'), focused: false }]
		]);

		const result = await new Deliverer(clientFor(app.send)).drain(outbox);
		expect(result).toMatchObject({ error: null, dropped: 0 });
		expect(await outbox.size()).toBe(0);

		expect((await events(app, BUCKETS.web.id)).events).toEqual([
			[0, 4_999, webOf('A')],
			[5_000, 65_000, webOf('B')]
		]);
		expect((await events(app, BUCKETS.window.id)).events).toEqual([
			[0, 4_999, { app: 'Google Chrome', title: 'A' }],
			[5_000, 65_000, { app: 'Google Chrome', title: 'B' }]
		]);
		expect((await events(app, BUCKETS.afk.id)).events).toEqual([
			[0, 70_000, { status: 'not-afk' }]
		]);

		const bucket = await (
			await app.router(new Request(`${ORIGIN}/api/0/buckets/${BUCKETS.web.id}`))
		).json();
		expect(bucket).toMatchObject({
			type: 'web.tab.current',
			client: EXTENSION_CLIENT,
			hostname: 'laptop'
		});
	});

	it('stores the same events from the pre-merged outbox as from every heartbeat sent alone', async () => {
		const steps: [number, Observation][] = [];
		for (let i = 0; i < 40; i++) steps.push([i * 20_000, focused(i % 7 < 4 ? 'A' : 'B')]);
		steps.push([900_000, focused('A')]);

		const one = openApp();
		let state = INITIAL_WATCHER_STATE;
		const direct = new Deliverer(clientFor(one.send));
		for (const [offset, observation] of steps) {
			const plan = planTick(state, {
				settings: SETTINGS,
				observation,
				idle: 'active',
				nowMs: T0 + offset
			});
			state = plan.state;
			const single = new Outbox(new MemoryStore());
			for (const entry of plan.entries) {
				await single.append([entry]);
				await direct.drain(single);
			}
		}

		const two = openApp();
		await record(steps);
		const entries = await outbox.size();
		await new Deliverer(clientFor(two.send)).drain(outbox);

		for (const bucket of [BUCKETS.web.id, BUCKETS.window.id, BUCKETS.afk.id]) {
			expect(await events(two, bucket), bucket).toEqual(await events(one, bucket));
		}
		expect(entries).toBeLessThan(steps.length);
	});

	it('cuts not-afk back to the last input when the user went idle, and starts afk there', async () => {
		const app = openApp();
		let state = await record([
			[0, focused('A')],
			[60_000, focused('A')],
			[120_000, focused('A')]
		]);
		const idle = planIdleChange(state, SETTINGS, 'idle', T0 + 200_000);
		await outbox.append(idle.entries);
		state = await record(
			[
				[260_000, focused('A')],
				[320_000, focused('A')],
				[380_000, focused('A')]
			],
			idle.state
		);
		const back = planIdleChange(state, SETTINGS, 'active', T0 + 400_000);
		await outbox.append(back.entries);
		await record([[430_000, focused('A')]], back.state);

		await new Deliverer(clientFor(app.send)).drain(outbox);
		expect((await events(app, BUCKETS.afk.id)).events).toEqual([
			[0, 20_000, { status: 'not-afk' }],
			[20_000, 379_999, { status: 'afk' }],
			[400_000, 30_000, { status: 'not-afk' }]
		]);
	});

	it('removes a not-afk event that began after the cut (the clock went back)', async () => {
		const app = openApp();
		const notAfk = { status: 'not-afk' };
		await outbox.append([
			heartbeat(BUCKETS.afk, notAfk, T0 - 60_000, 0),
			heartbeat(BUCKETS.afk, { status: 'afk' }, T0 - 30_000, 0),
			heartbeat(BUCKETS.afk, notAfk, T0, 0),
			heartbeat(BUCKETS.afk, notAfk, T0 + 30_000, 80),
			truncate(BUCKETS.afk, notAfk, T0 - 1_000)
		]);
		await new Deliverer(clientFor(app.send)).drain(outbox);
		expect((await events(app, BUCKETS.afk.id)).events).toEqual([
			[-60_000, 0, notAfk],
			[-30_000, 0, { status: 'afk' }]
		]);
	});

	it('leaves the latest event alone when it has other data or ends before the cut', async () => {
		const app = openApp();
		await outbox.append([
			heartbeat(BUCKETS.afk, { status: 'not-afk' }, T0, 0),
			heartbeat(BUCKETS.afk, { status: 'not-afk' }, T0 + 10_000, 80),
			truncate(BUCKETS.afk, { status: 'not-afk' }, T0 + 20_000),
			heartbeat(BUCKETS.afk, { status: 'afk' }, T0 + 30_000, 0),
			truncate(BUCKETS.afk, { status: 'not-afk' }, T0 + 20_000)
		]);
		await new Deliverer(clientFor(app.send)).drain(outbox);
		expect((await events(app, BUCKETS.afk.id)).events).toEqual([
			[0, 10_000, { status: 'not-afk' }],
			[30_000, 0, { status: 'afk' }]
		]);
	});

	it('keeps every entry while the app cannot be reached, then delivers them in order', async () => {
		const app = openApp();
		let reachable = false;
		const send: BridgeSend = (request) =>
			reachable ? app.send(request) : Promise.reject(new TypeError('Failed to fetch'));
		await record([
			[0, focused('A')],
			[10_000, focused('B')],
			[20_000, focused('C')]
		]);
		const waiting = await outbox.size();
		const deliverer = new Deliverer(clientFor(send));

		const failed = await deliverer.drain(outbox);
		expect(failed.delivered).toBe(0);
		expect(failed.error?.code).toBe('unreachable');
		expect(await outbox.size()).toBe(waiting);
		expect(app.requests).toEqual([]);

		reachable = true;
		const done = await deliverer.drain(outbox);
		expect(done).toMatchObject({ delivered: waiting, error: null });
		expect(
			(await events(app, BUCKETS.web.id)).events.map((e) => (e[2] as { title: string }).title)
		).toEqual(['A', 'B', 'C']);
	});

	it('keeps the entry when the bridge does not answer in time', async () => {
		const send: BridgeSend = () =>
			Promise.reject(
				new HindsightError('timeout', 'The app bridge did not answer within 10000 ms')
			);
		await record([[0, focused('A')]]);
		const result = await new Deliverer(clientFor(send)).drain(outbox);
		expect(result).toMatchObject({ delivered: 0, dropped: 0 });
		expect(result.error?.code).toBe('timeout');
		expect(await outbox.size()).toBe(3);
	});

	it('creates every bucket before its first heartbeat and again when the app lost it', async () => {
		const app = openApp();
		const deliverer = new Deliverer(clientFor(app.send));
		await record([[0, focused('A')]]);
		await deliverer.drain(outbox);
		const firstPaths = app.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`);
		expect(firstPaths.slice(0, 2)).toEqual([
			`POST /api/0/buckets/${BUCKETS.web.id}`,
			`POST /api/0/buckets/${BUCKETS.web.id}/heartbeat`
		]);

		await app.router(
			new Request(`${ORIGIN}/api/0/buckets/${BUCKETS.web.id}`, { method: 'DELETE' })
		);
		await outbox.append([heartbeat(BUCKETS.web, webOf('B'), T0 + 1000, 80)]);
		const result = await deliverer.drain(outbox);
		expect(result).toMatchObject({ delivered: 1, error: null });
		expect((await events(app, BUCKETS.web.id)).events).toEqual([[1000, 0, webOf('B')]]);
	});

	it('drops an entry the app refuses for good and delivers the ones after it', async () => {
		const app = openApp();
		const farFuture = Date.UTC(9999, 11, 31, 23, 59, 59);
		await outbox.append([
			heartbeat(BUCKETS.web, webOf('A'), farFuture, 80, 10_000),
			heartbeat(BUCKETS.web, webOf('B'), T0, 80)
		]);
		const result = await new Deliverer(clientFor(app.send)).drain(outbox);
		expect(result).toMatchObject({ delivered: 1, dropped: 1, error: null });
		expect((await events(app, BUCKETS.web.id)).events).toEqual([[0, 0, webOf('B')]]);
	});

	it('keeps entries while the app demands an API key', async () => {
		const app = openApp();
		const router = createRouter({
			datastore: app.datastore,
			runQuery,
			config: { testing: true, version: 'test', apiKey: 'secret' }
		});
		const send: BridgeSend = async (request) => answer(router, ORIGIN, request);
		await record([[0, focused('A')]]);
		const result = await new Deliverer(clientFor(send)).drain(outbox);
		expect(result.error?.code).toBe('unauthorized');
		expect(await outbox.size()).toBe(3);
	});

	it('sends again an entry that was extended while it was in flight', async () => {
		const app = openApp();
		let extended = false;
		const send: BridgeSend = async (request) => {
			if (!extended && request.path.includes('/heartbeat')) {
				extended = true;
				await outbox.append([heartbeat(BUCKETS.web, webOf('A'), T0 + 30_000, 80)]);
			}
			return app.send(request);
		};
		await outbox.append([heartbeat(BUCKETS.web, webOf('A'), T0, 0)]);
		const result = await new Deliverer(clientFor(send)).drain(outbox);
		expect(result.delivered).toBe(2);
		expect((await events(app, BUCKETS.web.id)).events).toEqual([[0, 30_000, webOf('A')]]);
	});

	it('stops between entries when told to', async () => {
		const app = openApp();
		await record([[0, focused('A')]]);
		let allowed = 1;
		const result = await new Deliverer(clientFor(app.send)).drain(outbox, {
			shouldContinue: () => allowed-- > 0
		});
		expect(result.delivered).toBe(1);
		expect(await outbox.size()).toBe(2);
	});
});
