import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { AppUpdateState } from '../../../src/ui/platform/updates';

/** A stand-in for `navigator.serviceWorker`: events, a controller and a registration. */
class FakeContainer extends EventTarget {
	controller: object | null;
	registration = Object.assign(new EventTarget(), {
		active: null as { postMessage: Mock } | null,
		update: vi.fn(async () => {})
	});
	register = vi.fn(async () => this.registration);
	/** Resolves once a worker is active, as the real `ready` does. */
	ready: Promise<FakeContainer['registration']>;
	private activate = () => {};
	failing = false;

	constructor(controlled: boolean) {
		super();
		this.controller = controlled ? {} : null;
		this.ready = new Promise((resolve) => {
			this.activate = () => {
				this.registration.active = { postMessage: vi.fn() };
				resolve(this.registration);
			};
		});
		if (controlled) this.activate();
	}

	/** A worker becomes active (without claiming this page yet). */
	activateWorker(): void {
		this.activate();
	}

	takeOver(): void {
		this.controller = {};
		this.dispatchEvent(new Event('controllerchange'));
	}

	say(data: unknown): void {
		this.dispatchEvent(new MessageEvent('message', { data }));
	}
}

async function load(container: FakeContainer | null) {
	vi.resetModules();
	vi.stubGlobal('navigator', container ? { serviceWorker: container } : {});
	const module = await import('../../../src/ui/platform/updates');
	const states: AppUpdateState[] = [];
	module.appUpdate.subscribe((state) => states.push(state));
	return { module, states };
}

beforeEach(() => {
	vi.unstubAllGlobals();
});

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('appUpdate', () => {
	it('goes from installing to ready on a first visit once the worker claims the page', async () => {
		const container = new FakeContainer(false);
		const { module, states } = await load(container);
		await module.registerServiceWorker();
		expect(container.register).toHaveBeenCalledWith('/sw.js', { scope: '/' });
		expect(states).toEqual(['installing']);
		container.takeOver();
		expect(states).toEqual(['installing', 'ready']);
	});

	it('asks the active worker to take over a page its activation left uncontrolled', async () => {
		const container = new FakeContainer(false);
		const { module, states } = await load(container);
		await module.registerServiceWorker();
		container.activateWorker();
		await container.ready;
		await Promise.resolve();
		expect(container.registration.active?.postMessage).toHaveBeenCalledWith({
			type: 'hindsight-sw-claim'
		});
		container.takeOver();
		expect(states).toEqual(['installing', 'ready']);
	});

	it('asks nothing of the worker when it already controls the page', async () => {
		const container = new FakeContainer(true);
		const { module } = await load(container);
		await module.registerServiceWorker();
		await container.ready;
		await Promise.resolve();
		expect(container.registration.active?.postMessage).not.toHaveBeenCalled();
	});

	it('reports updating, then update-ready when a new version takes over a controlled page', async () => {
		const container = new FakeContainer(true);
		const { module, states } = await load(container);
		await module.registerServiceWorker();
		expect(states.at(-1)).toBe('ready');
		container.say({ type: 'hindsight-sw', state: 'installing', version: 'abc' });
		expect(states.at(-1)).toBe('updating');
		container.takeOver();
		expect(states.at(-1)).toBe('update-ready');
	});

	it('reports updating when the registration finds a new version', async () => {
		const container = new FakeContainer(true);
		const { module, states } = await load(container);
		await module.registerServiceWorker();
		container.registration.dispatchEvent(new Event('updatefound'));
		expect(states.at(-1)).toBe('updating');
	});

	it('ignores messages that are not from the service worker protocol', async () => {
		const container = new FakeContainer(true);
		const { module, states } = await load(container);
		await module.registerServiceWorker();
		container.say({ type: 'other', state: 'installing' });
		container.say('text');
		expect(states).toEqual(['ready']);
	});

	it('registers once however often it is asked', async () => {
		const container = new FakeContainer(false);
		const { module } = await load(container);
		const [a, b] = await Promise.all([
			module.registerServiceWorker(),
			module.registerServiceWorker()
		]);
		expect(a).toBe(b);
		expect(container.register).toHaveBeenCalledTimes(1);
		await module.checkForUpdate();
		expect(container.registration.update).toHaveBeenCalledTimes(1);
	});

	it('is unsupported without service workers and failed when registration throws', async () => {
		const none = await load(null);
		expect(await none.module.registerServiceWorker()).toBeNull();
		expect(none.states.at(-1)).toBe('unsupported');

		const container = new FakeContainer(false);
		container.register.mockRejectedValueOnce(new Error('insecure'));
		const failing = await load(container);
		expect(await failing.module.registerServiceWorker()).toBeNull();
		expect(failing.states.at(-1)).toBe('failed');
	});

	it('stops calling a subscriber after it unsubscribes', async () => {
		const container = new FakeContainer(false);
		const { module } = await load(container);
		const seen: AppUpdateState[] = [];
		const stop = module.appUpdate.subscribe((state) => seen.push(state));
		await module.registerServiceWorker();
		stop();
		container.takeOver();
		expect(seen).toEqual(['installing']);
	});
});

describe('whenControlled', () => {
	it('resolves at once when controlled, otherwise at the first controller change', async () => {
		const controlled = await load(new FakeContainer(true));
		await controlled.module.whenControlled();

		const container = new FakeContainer(false);
		const { module } = await load(container);
		let done = false;
		const waiting = module.whenControlled().then(() => (done = true));
		await Promise.resolve();
		expect(done).toBe(false);
		container.takeOver();
		await waiting;
		expect(done).toBe(true);
	});
});
