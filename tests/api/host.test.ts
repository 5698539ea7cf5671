import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	API_KEY_SETTING,
	APP_VERSION,
	createApiHost,
	CROSS_ORIGIN_SETTING,
	TESTING_SETTING,
	type ApiHost
} from '../../src/api/host';
import { BRIDGE_ALLOWED_ORIGINS_SETTING } from '../../src/core/bridge-protocol';
import { setConsoleLogging } from '../../src/core/log';
import { runQuery } from '../../src/core/query/run';
import { Datastore } from '../../src/store/datastore';
import { version } from '../../package.json';

setConsoleLogging(false);

const ORIGIN = 'http://127.0.0.1:5600';
let counter = 0;
let factory: IDBFactory;
let datastore: Datastore;
let host: ApiHost;

const send = (path: string, init: RequestInit = {}) =>
	host.router(new Request(ORIGIN + path, init));
const post = (key: string, value: unknown) =>
	send(`/api/0/settings/${key}`, { method: 'POST', body: JSON.stringify(value) });

beforeEach(() => {
	factory = new IDBFactory();
	datastore = new Datastore({
		name: `host-test-${++counter}`,
		indexedDB: factory,
		IDBKeyRange,
		broadcast: false
	});
	host = createApiHost({ datastore, runQuery, origin: ORIGIN });
});

afterEach(() => {
	host.close();
	datastore.close();
});

describe('createApiHost', () => {
	it('reports the package version and testing off by default', async () => {
		expect(APP_VERSION).toBe(`v${version} (hindsight)`);
		const info = (await (await send('/api/0/info')).json()) as Record<string, unknown>;
		expect(info).toMatchObject({ version: APP_VERSION, testing: false });
	});

	it('follows the testing setting as soon as it is written', async () => {
		expect((await post(TESTING_SETTING, true)).status).toBe(201);
		const info = (await (await send('/api/0/info')).json()) as Record<string, unknown>;
		expect(info.testing).toBe(true);
	});

	it('turns the API key on and off through the settings', async () => {
		await post(API_KEY_SETTING, 'k3y');
		expect((await send('/api/0/buckets/')).status).toBe(401);
		expect((await send('/api/0/info')).status).toBe(200);
		const authorized = { headers: { Authorization: 'Bearer k3y' } };
		expect((await send('/api/0/buckets/', authorized)).status).toBe(200);

		const off = await send(`/api/0/settings/${API_KEY_SETTING}`, {
			method: 'DELETE',
			...authorized
		});
		expect(off.status).toBe(200);
		expect((await send('/api/0/buckets/')).status).toBe(200);
	});

	it('reads the cross-origin switch and the bridge origins, normalized', async () => {
		expect(await host.settings()).toMatchObject({
			answerCrossOrigin: false,
			bridgeOrigins: [],
			origin: ORIGIN
		});
		await post(CROSS_ORIGIN_SETTING, true);
		await post(BRIDGE_ALLOWED_ORIGINS_SETTING, [
			'chrome-extension://abcdefghijklmnopabcdefghijklmnop/',
			'ponmlkjihgfedcbaponmlkjihgfedcba',
			'http://localhost:5173',
			'javascript:alert(1)',
			"https://x.example 'unsafe-inline'",
			42
		]);
		expect(await host.settings()).toMatchObject({
			answerCrossOrigin: true,
			bridgeOrigins: [
				'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
				'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba',
				'http://localhost:5173'
			]
		});
	});

	it('sees settings written by another datastore instance when asked for a fresh read', async () => {
		await host.settings();
		const other = new Datastore({
			name: datastore.name,
			indexedDB: factory,
			IDBKeyRange,
			broadcast: false
		});
		await other.setSetting(TESTING_SETTING, true);
		expect((await host.settings()).testing).toBe(false);
		expect((await host.settings(true)).testing).toBe(true);
		other.close();
	});
});
