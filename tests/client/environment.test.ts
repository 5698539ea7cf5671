import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	needsServiceWorker,
	ownOrigin,
	pause,
	resolveBaseURL,
	serviceWorkerControl
} from '../../src/client/environment';

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('resolveBaseURL', () => {
	it('takes baseURL first, without a trailing slash', () => {
		expect(resolveBaseURL({ baseURL: 'http://example.test:1234/', host: 'x' }, false)).toBe(
			'http://example.test:1234'
		);
	});

	it('builds the URL from protocol, host and port when host or port is given', () => {
		expect(resolveBaseURL({ host: 'box' }, false)).toBe('http://box:5600');
		expect(resolveBaseURL({ port: 7000 }, true)).toBe('http://127.0.0.1:7000');
		expect(resolveBaseURL({ protocol: 'https', host: 'box' }, true)).toBe('https://box:5666');
	});

	it('uses the page origin when served over http(s)', () => {
		vi.stubGlobal('location', { protocol: 'https:', origin: 'https://app.test' });
		expect(ownOrigin()).toBe('https://app.test');
		expect(resolveBaseURL({}, true)).toBe('https://app.test');
	});

	it('falls back to the reference defaults elsewhere', () => {
		expect(resolveBaseURL({}, false)).toBe('http://127.0.0.1:5600');
		expect(resolveBaseURL({}, true)).toBe('http://127.0.0.1:5666');
		vi.stubGlobal('location', { protocol: 'chrome-extension:', origin: 'chrome-extension://abc' });
		expect(resolveBaseURL({}, false)).toBe('http://127.0.0.1:5600');
	});
});

/** A stand-in for `navigator.serviceWorker` whose controller arrives when `claim()` is called. */
function container() {
	const events = new EventTarget();
	let resolveReady: () => void = () => {};
	const ready = new Promise<void>((r) => (resolveReady = r));
	const sw = {
		controller: null as object | null,
		ready,
		addEventListener: (type: string, fn: () => void) => events.addEventListener(type, fn),
		removeEventListener: (type: string, fn: () => void) => events.removeEventListener(type, fn),
		activate: () => resolveReady(),
		claim() {
			sw.controller = {};
			events.dispatchEvent(new Event('controllerchange'));
		}
	};
	return sw;
}

describe('service-worker control', () => {
	it('is needed only for the own origin with the default transport where a container exists', () => {
		vi.stubGlobal('location', { protocol: 'http:', origin: 'http://app.test' });
		expect(needsServiceWorker('http://app.test', false)).toBe(false);
		vi.stubGlobal('navigator', { serviceWorker: container() });
		expect(needsServiceWorker('http://app.test', false)).toBe(true);
		expect(needsServiceWorker('http://app.test', true)).toBe(false);
		expect(needsServiceWorker('http://other.test', false)).toBe(false);
	});

	it('waits for ready and then for a controller', async () => {
		const sw = container();
		vi.stubGlobal('navigator', { serviceWorker: sw });
		let done = false;
		const waiting = serviceWorkerControl(new AbortController().signal).then(() => (done = true));
		sw.activate();
		await pause(10);
		expect(done).toBe(false);
		sw.claim();
		await waiting;
		expect(done).toBe(true);
	});

	it('gives up when the signal aborts', async () => {
		vi.stubGlobal('navigator', { serviceWorker: container() });
		const controller = new AbortController();
		const waiting = serviceWorkerControl(controller.signal);
		controller.abort();
		await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
	});
});

describe('pause', () => {
	it('ends early without error when its signal aborts (a 60 s pause would time the test out)', async () => {
		const controller = new AbortController();
		const waiting = pause(60_000, controller.signal);
		controller.abort();
		await expect(waiting).resolves.toBeUndefined();
	});
});
