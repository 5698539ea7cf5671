/**
 * The app as the extension reaches it, in Node: the real REST router over a real datastore
 * (fake-indexeddb, a fresh database per app), answered by the app's own bridge code (`answer`
 * from src/api/bridge.ts), with requests and replies cloned as `postMessage` would clone them.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { answer } from '../../src/api/bridge';
import { createRouter } from '../../src/api/router';
import type { Router } from '../../src/api/types';
import { ActivityWatchClient, createBridgeFetch, type BridgeSend } from '../../src/client';
import { EXTENSION_CLIENT, type BridgeRequest } from '../../src/core/bridge-protocol';
import { runQuery } from '../../src/core/query/run';
import { Datastore } from '../../src/store/datastore';

export const ORIGIN = 'http://127.0.0.1:5600';

export type App = {
	datastore: Datastore;
	router: Router;
	send: BridgeSend;
	requests: BridgeRequest[];
};

let counter = 0;
const apps: App[] = [];

/** A fresh app; every request its `send` answers is kept in `requests`. */
export function openApp(): App {
	const datastore = new Datastore({
		name: `extension-app-${++counter}`,
		indexedDB: new IDBFactory(),
		IDBKeyRange,
		broadcast: false
	});
	const router = createRouter({ datastore, runQuery, config: { testing: true, version: 'test' } });
	const requests: BridgeRequest[] = [];
	const send: BridgeSend = async (request) => {
		requests.push(request);
		return structuredClone(await answer(router, ORIGIN, structuredClone(request)));
	};
	const app = { datastore, router, send, requests };
	apps.push(app);
	return app;
}

/** Closes every app opened since the last call (for `afterEach`). */
export function closeApps(): void {
	for (const app of apps.splice(0)) app.datastore.close();
}

/** The client the extension's courier makes, over a bridge `send`. */
export function clientFor(send: BridgeSend): ActivityWatchClient {
	return new ActivityWatchClient(EXTENSION_CLIENT, {
		baseURL: ORIGIN,
		fetch: createBridgeFetch(send)
	});
}
