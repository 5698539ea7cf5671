import { describe, expect, it } from 'vitest';
import { createBridgeFetch, createPostMessageSender } from '../../src/client/bridge-fetch';
import type { BridgeRequest, BridgeResponse } from '../../src/core/bridge-protocol';

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
