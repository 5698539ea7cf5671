/**
 * An ActivityWatch-compatible server in the test process: the project's REST router over a
 * real Datastore on a fresh fake-indexeddb, behind a Node `http` server on 127.0.0.1. It starts
 * stopped (nothing listens on its port, so connections are refused, as with an ActivityWatch
 * server that is not running); `start()` and `stop()` switch it on and off on the same port.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRouter } from '../../../src/api/router';
import type { Router } from '../../../src/api/types';
import { setConsoleLogging } from '../../../src/core/log';
import { runQuery } from '../../../src/core/query/run';
import { Datastore } from '../../../src/store/datastore';
import { freePort } from './server';

/** Headers of one hop that a `Request` must not carry on. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade']);

export type ApiServer = {
	origin: string;
	datastore: Datastore;
	/** Every request the router answered, as `METHOD /path?query` plus the body's text. */
	requests: { line: string; body: string }[];
	start(): Promise<void>;
	/** Stops listening and drops open connections; the datastore stays. */
	stop(): Promise<void>;
	/** Stops and closes the datastore. */
	close(): Promise<void>;
};

async function toRequest(message: IncomingMessage, origin: string): Promise<Request> {
	const chunks: Buffer[] = [];
	for await (const chunk of message) chunks.push(chunk as Buffer);
	const headers = new Headers();
	for (const [name, value] of Object.entries(message.headers)) {
		if (value === undefined || HOP_HEADERS.has(name)) continue;
		for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
	}
	const method = message.method ?? 'GET';
	const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks);
	return new Request(origin + (message.url ?? '/'), { method, headers, body });
}

async function reply(res: ServerResponse, response: Response): Promise<void> {
	const body = Buffer.from(await response.arrayBuffer());
	res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
	res.end(body);
}

let counter = 0;

export async function createApiServer(): Promise<ApiServer> {
	setConsoleLogging(false);
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const datastore = new Datastore({
		name: `api-server-${++counter}`,
		indexedDB: new IDBFactory(),
		IDBKeyRange,
		broadcast: false
	});
	const config = { testing: true, version: 'v0.1.0 (hindsight)' };
	const router: Router = createRouter({ datastore, runQuery, config });
	const requests: ApiServer['requests'] = [];

	const http = createServer((message, res) => {
		void (async () => {
			const request = await toRequest(message, origin);
			const url = new URL(request.url);
			const body = await request.clone().text();
			requests.push({ line: `${request.method} ${url.pathname}${url.search}`, body });
			await reply(res, await router(request));
		})().catch(() => res.destroy());
	});

	const start = () =>
		new Promise<void>((done, fail) => {
			http.once('error', fail);
			http.listen(port, '127.0.0.1', () => {
				http.off('error', fail);
				done();
			});
		});
	const stop = () =>
		new Promise<void>((done) => {
			if (!http.listening) return done();
			http.close(() => done());
			http.closeAllConnections();
		});
	return {
		origin,
		datastore,
		requests,
		start,
		stop,
		async close() {
			await stop();
			datastore.close();
		}
	};
}
