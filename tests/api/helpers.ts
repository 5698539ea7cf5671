/**
 * Test bench for the router: a real Datastore on a fresh fake-indexeddb factory per call, the
 * real query engine, and small helpers to send requests and read JSON.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { setConsoleLogging } from '../../src/core/log';
import { runQuery } from '../../src/core/query/run';
import { createRouter } from '../../src/api/router';
import type { Router, RouterConfig } from '../../src/api/types';
import { Datastore } from '../../src/store/datastore';

setConsoleLogging(false);

export const ORIGIN = 'http://127.0.0.1:5600';

export type Bench = {
	router: Router;
	datastore: Datastore;
	config: RouterConfig;
	/** Sends a request to `ORIGIN + path`; a non-string body is sent as JSON. */
	send(method: string, path: string, body?: unknown, headers?: HeadersInit): Promise<Response>;
	/** Sends and parses the JSON answer, returning status and body. */
	call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
	close(): void;
};

let counter = 0;

export function openBench(config: Partial<RouterConfig> = {}): Bench {
	const datastore = new Datastore({
		name: `router-test-${++counter}`,
		indexedDB: new IDBFactory(),
		IDBKeyRange,
		broadcast: false
	});
	const full: RouterConfig = { testing: true, version: 'v0.1.0 (hindsight)', ...config };
	const router = createRouter({ datastore, runQuery, config: full });

	const send = (method: string, path: string, body?: unknown, headers?: HeadersInit) => {
		const init: RequestInit = { method, headers };
		if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
		return router(new Request(ORIGIN + path, init));
	};
	const call = async (method: string, path: string, body?: unknown) => {
		const response = await send(method, path, body);
		const text = await response.text();
		return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
	};
	return { router, datastore, config: full, send, call, close: () => datastore.close() };
}

/** Creates a bucket through the API and fails the test if that does not answer 200. */
export async function createBucket(bench: Bench, id: string, extra: object = {}): Promise<void> {
	const response = await bench.send('POST', `/api/0/buckets/${encodeURIComponent(id)}`, {
		type: 'test',
		client: 'tests',
		hostname: 'host',
		...extra
	});
	if (response.status !== 200) throw new Error(`creating ${id}: ${response.status}`);
}

/** Inserts events through the API; returns what the router answered. */
export async function insert(bench: Bench, id: string, events: object[]): Promise<unknown> {
	const { status, body } = await bench.call(
		'POST',
		`/api/0/buckets/${encodeURIComponent(id)}/events`,
		events
	);
	if (status !== 200) throw new Error(`inserting into ${id}: ${status} ${JSON.stringify(body)}`);
	return body;
}
