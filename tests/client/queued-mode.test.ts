/**
 * Queued mode's page handling in Node, with a fake window (lib/page-globals.ts): pending
 * pre-merged heartbeats are stashed synchronously on `pagehide` and reach the queue again on
 * `pageshow` or with the next client of the same name. Chromium's side: tests/e2e/client.e2e.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActivityWatchClient } from '../../src/client/client';
import { createMemoryQueueStorage } from '../../src/client/queue-storage';
import { setConsoleLogging } from '../../src/core/log';
import { stubWindow } from './lib/page-globals';

setConsoleLogging(false);

afterEach(() => vi.unstubAllGlobals());

const beat = (s: number) => ({
	timestamp: new Date(Date.UTC(2024, 4, 1, 10, 0, s)),
	data: { app: 'x' }
});
const offline = async () => {
	throw new TypeError('offline');
};

describe('queued mode in a page', () => {
	it('stashes pending heartbeats on pagehide and queues them again on pageshow', async () => {
		const { window, localStorage } = stubWindow();
		const storage = createMemoryQueueStorage();
		const client = new ActivityWatchClient('page', { fetch: offline, queueStorage: storage });
		await client.heartbeat('b', beat(0), 10, true);
		await client.heartbeat('b', beat(2), 10, true);

		window.dispatchEvent(new Event('pagehide'));
		expect(JSON.parse(localStorage.getItem('aw-client-stash:page.v1')!)).toMatchObject([
			{ endpoint: 'buckets/b/heartbeat?pulsetime=10', data: { duration: 2 } }
		]);
		expect(await storage.list('page.v1')).toEqual([]);

		window.dispatchEvent(new Event('pageshow'));
		await vi.waitFor(async () => expect(await storage.list('page.v1')).toHaveLength(1));
		expect(localStorage.getItem('aw-client-stash:page.v1')).toBeNull();
		await client.flush();
		expect(await storage.list('page.v1')).toHaveLength(1);
	});

	it('lets the next client with the same name take the stash on connect', async () => {
		const { window } = stubWindow();
		const storage = createMemoryQueueStorage();
		const closing = new ActivityWatchClient('page', { fetch: offline, queueStorage: storage });
		await closing.heartbeat('b', beat(0), 10, true);
		window.dispatchEvent(new Event('pagehide'));

		const next = new ActivityWatchClient('page', { fetch: offline, queueStorage: storage });
		await next.connect();
		expect((await storage.list('page.v1')).map((e) => e.data)).toEqual([
			{ timestamp: '2024-05-01T10:00:00.000Z', duration: 0, data: { app: 'x' } }
		]);
		await next.disconnect();
	});

	it('stops listening after disconnect', async () => {
		const { window, localStorage } = stubWindow();
		const client = new ActivityWatchClient('page', {
			fetch: offline,
			queueStorage: createMemoryQueueStorage()
		});
		await client.heartbeat('b', beat(0), 10, true);
		await client.disconnect();
		window.dispatchEvent(new Event('pagehide'));
		expect(localStorage.length).toBe(0);
	});
});
