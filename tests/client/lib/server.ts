/**
 * The real API for client tests in Node: a Datastore on a fresh fake-indexeddb factory, the
 * real query engine and the real router, used as the client's `fetch`. `switchable` wraps it
 * so a test can take the server away (network failure) and bring it back.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createRouter } from '../../../src/api/router';
import type { Router } from '../../../src/api/types';
import type { FetchFunction } from '../../../src/client/types';
import { setConsoleLogging } from '../../../src/core/log';
import { runQuery } from '../../../src/core/query/run';
import { Datastore } from '../../../src/store/datastore';

setConsoleLogging(false);

export type Server = {
	datastore: Datastore;
	router: Router;
	/** The router as a transport; every request it received, as `METHOD /path?query`. */
	fetch: FetchFunction;
	requests: string[];
	/** `up`: answered by the router; `down`: rejects like a refused connection. */
	mode: 'up' | 'down';
	close(): void;
};

let counter = 0;

export function startServer(options: { apiKey?: string } = {}): Server {
	const datastore = new Datastore({
		name: `client-test-${++counter}`,
		indexedDB: new IDBFactory(),
		IDBKeyRange,
		broadcast: false
	});
	const config = { testing: true, version: 'v0.1.0 (hindsight)', apiKey: options.apiKey };
	const router = createRouter({ datastore, runQuery, config });
	const server: Server = {
		datastore,
		router,
		requests: [],
		mode: 'up',
		fetch: async (input, init) => {
			const request = input instanceof Request && !init ? input : new Request(input, init);
			const url = new URL(request.url);
			server.requests.push(`${request.method} ${url.pathname}${url.search}`);
			if (server.mode === 'down') throw new TypeError('fetch failed (server down)');
			return router(request);
		},
		close: () => datastore.close()
	};
	return server;
}

/** The stored events of a bucket without ids, newest first, straight from the datastore. */
export async function storedEvents(server: Server, bucketId: string) {
	const doc = await server.datastore.exportBuckets([bucketId]);
	return doc.buckets[bucketId].events.map(({ timestamp, duration, data }) => ({
		timestamp,
		duration,
		data
	}));
}

/** Polls `check` until it returns true, failing after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error('condition not reached in time');
		await new Promise((r) => setTimeout(r, 5));
	}
}
