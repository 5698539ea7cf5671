/**
 * What every client shares, against the real router and datastore: construction and public
 * properties, server info, wait_for_start, and the API key.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityWatchClient } from '../../src/client/client';
import { FetchError } from '../../src/client/fetch-error';
import { startServer, type Server } from './lib/server';

let server: Server;
let client: ActivityWatchClient;

beforeEach(() => {
	server = startServer();
	client = new ActivityWatchClient('client-test', { testing: true, fetch: server.fetch });
});

afterEach(async () => {
	await client.disconnect();
	server.close();
});

describe('construction', () => {
	it('takes a boolean second argument as the testing flag and exposes both name spellings', () => {
		const python = new ActivityWatchClient('aw-watcher-x', true);
		expect(python.testing).toBe(true);
		expect(python.baseURL).toBe('http://127.0.0.1:5666');
		expect(python.server_address).toBe(python.baseURL);
		expect(python.apiURL).toBe('http://127.0.0.1:5666/api');
		expect(python.client_name).toBe('aw-watcher-x');
		python.clientname = 'renamed';
		expect(python.client_name).toBe('renamed');
		expect(python.commit_interval).toBe(5);
		expect(new ActivityWatchClient().client_name).toBe('unknown');
		expect(new ActivityWatchClient('x').commit_interval).toBe(10);
		expect(new ActivityWatchClient('x', { commitInterval: 2 }).commit_interval).toBe(2);
	});
});

describe('server', () => {
	it('get_info reports testing mode and teaches the client its host name', async () => {
		expect(client.client_hostname).toBe('unknown');
		await server.datastore.setSetting('deviceName', 'laptop');
		const info = await client.get_info();
		expect(info).toMatchObject({ testing: true, version: expect.stringContaining('v') });
		expect(typeof info.device_id).toBe('string');
		expect(client.client_hostname).toBe(info.hostname);
	});

	it('keeps a hostname given as option', async () => {
		const named = new ActivityWatchClient('c', { fetch: server.fetch, hostname: 'given' });
		await named.get_info();
		expect(named.client_hostname).toBe('given');
	});

	it('wait_for_start retries network failures, sleeping 0.1 s and doubling, until the server answers', async () => {
		let failures = 3;
		let recording = true;
		const flaky = new ActivityWatchClient('c', {
			fetch: async (request) => {
				if (failures-- > 0) throw new TypeError('fetch failed');
				recording = false;
				return server.fetch(request);
			}
		});
		const sleeps: number[] = [];
		const realSetTimeout = globalThis.setTimeout;
		const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
			fn: () => void,
			ms?: number
		) => {
			if (recording && ms !== undefined && ms < 30_000) sleeps.push(ms);
			return realSetTimeout(fn, ms);
		}) as typeof setTimeout);
		try {
			await flaky.wait_for_start(10);
		} finally {
			spy.mockRestore();
		}
		expect(sleeps).toEqual([100, 200, 400]);
		expect(failures).toBe(-1);
	});

	it('wait_for_start rejects with timeout when the server stays away', async () => {
		server.mode = 'down';
		await expect(client.wait_for_start(0.3)).rejects.toMatchObject({ code: 'timeout' });
	});

	it('wait_for_start does not retry an HTTP error', async () => {
		let calls = 0;
		const c = new ActivityWatchClient('c', {
			fetch: async () => (calls++, Response.json({ message: 'broken' }, { status: 500 }))
		});
		await expect(c.wait_for_start(5)).rejects.toBeInstanceOf(FetchError);
		expect(calls).toBe(1);
	});
});

describe('token', () => {
	it('sends the API key, also after it was set on a running client', async () => {
		const guarded = startServer({ apiKey: 'secret' });
		const c = new ActivityWatchClient('c', { fetch: guarded.fetch });
		await expect(c.get_info()).resolves.toMatchObject({ testing: true });
		await expect(c.get_buckets()).rejects.toMatchObject({ status: 401 });
		c.token = 'secret';
		await expect(c.get_buckets()).resolves.toEqual({});
		guarded.close();
	});
});
