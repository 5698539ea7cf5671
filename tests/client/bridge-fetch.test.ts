import { describe, expect, it } from 'vitest';
import { createBridge } from '../../src/api/bridge';
import { createBridgeFetch, createPostMessageSender } from '../../src/client/bridge-fetch';
import { ActivityWatchClient } from '../../src/client/client';
import type { FetchError } from '../../src/client/fetch-error';
import { createMemoryQueueStorage } from '../../src/client/queue-storage';
import type { BridgeRequest, BridgeResponse } from '../../src/core/bridge-protocol';
import { startServer, storedEvents, until, type Server } from './lib/server';

const APP = 'http://127.0.0.1:5600';

function reply(
	request: BridgeRequest,
	status: number,
	body = '',
	headers: Record<string, string> = {}
): BridgeResponse {
	return { type: 'hindsight-bridge-response', id: request.id, status, headers, body };
}

describe('createBridgeFetch', () => {
	it('turns a request into a BridgeRequest with path, query, headers and text body', async () => {
		const sent: BridgeRequest[] = [];
		const fetch = createBridgeFetch(async (request) => {
			sent.push(request);
			return reply(request, 200, '{"id":1}', { 'content-type': 'application/json' });
		});
		const response = await fetch(
			new Request(`${APP}/api/0/buckets/a%2Fb/heartbeat?pulsetime=60`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Authorization: 'Bearer k' },
				body: '{"timestamp":"2024-05-01T09:00:00Z"}'
			})
		);
		expect(sent).toEqual([
			{
				type: 'hindsight-bridge-request',
				id: sent[0].id,
				method: 'POST',
				path: '/api/0/buckets/a%2Fb/heartbeat?pulsetime=60',
				headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
				body: '{"timestamp":"2024-05-01T09:00:00Z"}'
			}
		]);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json');
		await expect(response.json()).resolves.toEqual({ id: 1 });
	});

	it('sends no body for GET and gives each request its own id', async () => {
		const sent: BridgeRequest[] = [];
		const fetch = createBridgeFetch(async (request) => {
			sent.push(request);
			return reply(request, 200, '[]');
		});
		await fetch(`${APP}/api/0/buckets/`);
		await fetch(`${APP}/api/0/buckets/`);
		expect(sent[0]).not.toHaveProperty('body');
		expect(sent[0].id).not.toBe(sent[1].id);
	});

	it('answers 304 and 204 with an empty body', async () => {
		for (const status of [304, 204]) {
			const fetch = createBridgeFetch(async (request) => reply(request, status, ''));
			const response = await fetch(`${APP}/api/0/buckets/x`, { method: 'POST', body: '{}' });
			expect(response.status).toBe(status);
			expect(await response.text()).toBe('');
		}
	});

	it('fails like a network error on a malformed or mismatched answer', async () => {
		const wrongId = createBridgeFetch(async (request) => ({ ...reply(request, 200), id: 'other' }));
		await expect(wrongId(`${APP}/api/0/info`)).rejects.toThrow(TypeError);
		const garbage = createBridgeFetch(async () => ({ hello: 1 }) as unknown as BridgeResponse);
		await expect(garbage(`${APP}/api/0/info`)).rejects.toThrow(TypeError);
		const impossible = createBridgeFetch(async (request) => reply(request, 0));
		await expect(impossible(`${APP}/api/0/info`)).rejects.toThrow(/impossible status 0/);
	});

	it('stops waiting when the request signal aborts', async () => {
		const fetch = createBridgeFetch(() => new Promise(() => {}));
		const controller = new AbortController();
		const pending = fetch(`${APP}/api/0/info`, { signal: controller.signal });
		controller.abort();
		await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
	});
});

/** Two ends of a postMessage link: a bridge window that answers, and the page that listens. */
function link(answerOrigin = APP) {
	const page = new EventTarget();
	const posted: { message: BridgeRequest; origin: string }[] = [];
	const bridge = {
		postMessage(message: unknown, targetOrigin: string) {
			const request = message as BridgeRequest;
			posted.push({ message: request, origin: targetOrigin });
			const data = reply(request, 200, `"${request.path}"`);
			queueMicrotask(() =>
				page.dispatchEvent(new MessageEvent('message', { data, origin: answerOrigin }))
			);
		}
	};
	return { page, bridge, posted };
}

describe('createPostMessageSender', () => {
	it('posts to the app origin and matches the replies by id', async () => {
		const { page, bridge, posted } = link();
		const { send, dispose } = createPostMessageSender({
			target: () => bridge,
			targetOrigin: APP,
			listenOn: page
		});
		const fetch = createBridgeFetch(send);
		const [a, b] = await Promise.all([fetch(`${APP}/api/0/a`), fetch(`${APP}/api/0/b`)]);
		expect(await a.json()).toBe('/api/0/a');
		expect(await b.json()).toBe('/api/0/b');
		expect(posted.map((p) => p.origin)).toEqual([APP, APP]);
		dispose();
	});

	it('ignores replies from any other origin and then times out', async () => {
		const { page, bridge } = link('https://evil.example');
		const { send, dispose } = createPostMessageSender({
			target: () => bridge,
			targetOrigin: APP,
			listenOn: page,
			timeoutMs: 50
		});
		await expect(createBridgeFetch(send)(`${APP}/api/0/info`)).rejects.toMatchObject({
			code: 'timeout'
		});
		dispose();
	});

	it('fails with unreachable while the bridge window is missing', async () => {
		const { send, dispose } = createPostMessageSender({
			target: () => null,
			targetOrigin: APP,
			listenOn: new EventTarget()
		});
		await expect(createBridgeFetch(send)(`${APP}/api/0/info`)).rejects.toMatchObject({
			code: 'unreachable'
		});
		dispose();
	});
});

describe('the client over the real bridge', () => {
	const EXTENSION = 'chrome-extension://khmcmecilhbdidmdjnacolhjcihdhkln';

	/**
	 * The extension's page and the app's bridge frame, joined as in a browser: requests posted
	 * to the frame reach the app's bridge (src/api/bridge.ts) with the extension's origin, and
	 * its replies arrive on the page with the app's origin.
	 */
	function extensionOverBridge(server: Server) {
		const page = new EventTarget();
		const replyToPage = {
			postMessage: (data: unknown, targetOrigin: string) => {
				expect(targetOrigin).toBe(EXTENSION);
				page.dispatchEvent(new MessageEvent('message', { data, origin: APP }));
			}
		};
		const bridge = createBridge({
			router: server.router,
			origin: APP,
			allowedOrigins: async () => []
		});
		const frame = {
			postMessage: (data: unknown, targetOrigin: string) => {
				expect(targetOrigin).toBe(APP);
				void bridge.handle({ data: structuredClone(data), origin: EXTENSION, source: replyToPage });
			}
		};
		return createPostMessageSender({ target: () => frame, targetOrigin: APP, listenOn: page });
	}

	it('creates buckets, sends heartbeats, queries and reads errors through postMessage', async () => {
		const server = startServer();
		const { send, dispose } = extensionOverBridge(server);
		const client = new ActivityWatchClient('aw-watcher-web', {
			baseURL: APP,
			fetch: createBridgeFetch(send)
		});

		expect(await client.getInfo()).toMatchObject({ testing: true });
		await expect(client.ensureBucket('web', 'web.tab.current', 'h')).resolves.toEqual({
			alreadyExist: false
		});
		await expect(client.ensureBucket('web', 'web.tab.current', 'h')).resolves.toEqual({
			alreadyExist: true
		});
		const t = Date.parse('2024-05-01T10:00:00Z');
		for (let s = 0; s < 3; s++)
			await client.heartbeat('web', 10, { timestamp: new Date(t + s * 1000), data: { url: 'a' } });
		expect(await client.getEvents('web')).toEqual([
			{ id: 1, timestamp: new Date(t), duration: 2, data: { url: 'a' } }
		]);
		const [result] = await client.query(
			['2024-05-01T00:00:00Z/2024-05-02T00:00:00Z'],
			['RETURN = query_bucket("web");']
		);
		expect(result).toHaveLength(1);
		const err = (await client.getBucketInfo('nope').catch((e: unknown) => e)) as FetchError;
		expect(err.status).toBe(404);
		expect(err.response.data).toMatchObject({ message: expect.stringContaining('nope') });

		dispose();
		server.close();
	});

	it('drains a queue through the bridge', async () => {
		const server = startServer();
		const { send, dispose } = extensionOverBridge(server);
		const storage = createMemoryQueueStorage();
		const client = new ActivityWatchClient('aw-watcher-web', {
			baseURL: APP,
			fetch: createBridgeFetch(send),
			queueStorage: storage,
			queueTimings: { idleMs: 5 }
		});
		await client.setup_bucket('web', 'web.tab.current');
		await client.connect();
		await client.heartbeat(
			'web',
			{ timestamp: '2024-05-01T10:00:00Z', data: { url: 'a' } },
			10,
			true
		);
		await client.disconnect();
		await client.connect();
		await until(async () => (await storage.list('aw-watcher-web.v1')).length === 0);
		await client.disconnect();
		expect(await storedEvents(server, 'web')).toEqual([
			{ timestamp: '2024-05-01T10:00:00Z', duration: 0, data: { url: 'a' } }
		]);
		dispose();
		server.close();
	});
});
