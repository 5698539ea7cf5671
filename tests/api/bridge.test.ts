import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, createBridge, normalizeOrigins, type Bridge } from '../../src/api/bridge';
import { createApiHost, type ApiHost } from '../../src/api/host';
import {
	BRIDGE_ALLOWED_ORIGINS_SETTING,
	BRIDGE_PROTOCOL_VERSION,
	DEFAULT_ALLOWED_EXTENSION_ORIGINS,
	isBridgeResponse,
	type BridgeRequest
} from '../../src/core/bridge-protocol';
import { setConsoleLogging } from '../../src/core/log';
import { runQuery } from '../../src/core/query/run';
import { Datastore } from '../../src/store/datastore';

setConsoleLogging(false);

const ORIGIN = 'http://127.0.0.1:5600';
const BUILT_IN = DEFAULT_ALLOWED_EXTENSION_ORIGINS[0];
const ADDED = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const STRANGER = 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba';

let counter = 0;
let datastore: Datastore;
let host: ApiHost;
let bridge: Bridge;

type Posted = { message: unknown; targetOrigin: string };

function sender() {
	const posted: Posted[] = [];
	return {
		posted,
		postMessage: (message: unknown, targetOrigin: string) => posted.push({ message, targetOrigin })
	};
}

const request = (id: string, method: string, path: string, body?: unknown): BridgeRequest => ({
	type: 'hindsight-bridge-request',
	id,
	method,
	path,
	headers: { 'Content-Type': 'application/json' },
	...(body === undefined ? {} : { body: JSON.stringify(body) })
});

beforeEach(() => {
	datastore = new Datastore({
		name: `bridge-test-${++counter}`,
		indexedDB: new IDBFactory(),
		IDBKeyRange,
		broadcast: false
	});
	host = createApiHost({ datastore, runQuery, origin: ORIGIN });
	bridge = createBridge({
		router: host.router,
		origin: ORIGIN,
		allowedOrigins: async (fresh) => (await host.settings(fresh)).bridgeOrigins
	});
});

afterEach(() => {
	host.close();
	datastore.close();
});

describe('the bridge', () => {
	it('answers the built-in extension, to its origin only, with the router answer', async () => {
		const source = sender();
		await bridge.handle({
			data: request('1', 'POST', '/api/0/buckets/aw-watcher-web', {
				type: 'web.tab.current',
				client: 'ext',
				hostname: 'h'
			}),
			origin: BUILT_IN,
			source
		});
		expect(source.posted).toEqual([
			{
				message: {
					type: 'hindsight-bridge-response',
					id: '1',
					status: 200,
					headers: { 'cache-control': 'no-store' },
					body: ''
				},
				targetOrigin: BUILT_IN
			}
		]);
		expect(await datastore.getBucket('aw-watcher-web')).not.toBeNull();
	});

	it('answers heartbeats with the stored event and errors with their status', async () => {
		await datastore.createBucket({
			id: 'b',
			name: null,
			type: 't',
			client: 'c',
			hostname: 'h',
			created: 0,
			data: {}
		});
		const source = sender();
		const beat = { timestamp: '2024-01-01T00:00:00Z', duration: 0, data: { url: 'x' } };
		await bridge.handle({
			data: request('h1', 'POST', '/api/0/buckets/b/heartbeat?pulsetime=60', beat),
			origin: BUILT_IN,
			source
		});
		await bridge.handle({
			data: request('h2', 'POST', '/api/0/buckets/missing/heartbeat?pulsetime=60', beat),
			origin: BUILT_IN,
			source
		});
		const [ok, missing] = source.posted.map((p) => p.message);
		expect(isBridgeResponse(ok) && ok.status).toBe(200);
		expect(JSON.parse((ok as { body: string }).body)).toMatchObject({
			id: expect.any(Number),
			data: { url: 'x' }
		});
		expect(isBridgeResponse(missing) && missing.status).toBe(404);
		expect((missing as { headers: Record<string, string> }).headers['content-type']).toBe(
			'application/json'
		);
	});

	it('ignores other origins until they are added in the settings', async () => {
		const source = sender();
		const message = request('x', 'GET', '/api/0/buckets/');
		await bridge.handle({ data: message, origin: STRANGER, source });
		await bridge.handle({ data: message, origin: 'https://evil.example', source });
		expect(source.posted).toEqual([]);

		await datastore.setSetting(BRIDGE_ALLOWED_ORIGINS_SETTING, [STRANGER]);
		await bridge.handle({ data: message, origin: STRANGER, source });
		expect(source.posted.map((p) => p.targetOrigin)).toEqual([STRANGER]);
		expect(await bridge.isAllowed(ADDED)).toBe(false);
	});

	it('ignores messages that are not bridge requests or have nowhere to go', async () => {
		const source = sender();
		for (const data of [
			null,
			'text',
			{ type: 'hindsight-bridge-request', id: 1 },
			{ type: 'other' }
		]) {
			await bridge.handle({ data, origin: BUILT_IN, source });
		}
		await bridge.handle({
			data: request('y', 'GET', '/api/0/info'),
			origin: BUILT_IN,
			source: null
		});
		expect(source.posted).toEqual([]);
	});

	it('drops bodies of GET requests and keeps path-looking hosts inside the path', async () => {
		const get = await answer(host.router, ORIGIN, {
			...request('g', 'get', '/api/0/info'),
			body: '{}'
		});
		expect(get.status).toBe(200);
		const odd = await answer(host.router, ORIGIN, request('o', 'GET', '//evil.example/api/0/info'));
		expect(odd.status).toBe(404);
	});

	it('makes the ready message of the protocol', () => {
		expect(bridge.ready(true)).toEqual({
			type: 'hindsight-bridge-ready',
			version: BRIDGE_PROTOCOL_VERSION,
			controlled: true
		});
	});
});

describe('normalizeOrigins', () => {
	it('keeps exact origins and bare extension ids, drops everything else', () => {
		expect(
			normalizeOrigins([
				' moz-extension://1b2c3d4e-aaaa ',
				'MOZ-EXTENSION://x-y/',
				'abcdefghijklmnopabcdefghijklmnop',
				'chrome-extension://abc/page.html',
				'*',
				'chrome-extension:',
				null
			])
		).toEqual([
			'moz-extension://1b2c3d4e-aaaa',
			'moz-extension://x-y',
			'chrome-extension://abcdefghijklmnopabcdefghijklmnop'
		]);
		expect(normalizeOrigins('chrome-extension://x')).toEqual([]);
		expect(normalizeOrigins(null)).toEqual([]);
	});
});
