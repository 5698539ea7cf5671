import { describe, expect, it } from 'vitest';
import { FetchError } from '../../src/client/fetch-error';
import { buildURL, callApi, parseBody, type ApiRequest } from '../../src/client/transport';
import type { FetchLike } from '../../src/client/types';

type Seen = { request: Request; body: string };

/** A transport that records each request and answers with `answer`. */
function recording(answer: () => Response) {
	const seen: Seen[] = [];
	const fetch: FetchLike = async (input) => {
		const request = input as Request;
		seen.push({ request, body: await request.clone().text() });
		return answer();
	};
	return { seen, fetch };
}

const base = (over: Partial<ApiRequest> = {}): ApiRequest => ({
	method: 'GET',
	path: '/0/info',
	errorFrom: 400,
	signal: new AbortController().signal,
	timeout: 1000,
	...over
});

describe('buildURL', () => {
	it('puts the path under <base>/api and encodes the query, skipping empty values', () => {
		expect(
			buildURL('http://h:1', '/0/buckets/a%2Fb/events', {
				start: '2024-05-01T00:00:00+02:00',
				end: undefined,
				limit: -1
			})
		).toBe(
			'http://h:1/api/0/buckets/a%2Fb/events?start=2024-05-01T00%3A00%3A00%2B02%3A00&limit=-1'
		);
		expect(buildURL('http://h:1', '/0/info', {})).toBe('http://h:1/api/0/info');
	});
});

describe('parseBody', () => {
	it('parses JSON, keeps other text and gives undefined for an empty body', () => {
		expect(parseBody('{"a":1}')).toEqual({ a: 1 });
		expect(parseBody('5')).toBe(5);
		expect(parseBody('null')).toBeNull();
		expect(parseBody('not json')).toBe('not json');
		expect(parseBody('')).toBeUndefined();
	});
});

describe('callApi', () => {
	it('sends JSON bodies with their content type and the bearer token', async () => {
		const { seen, fetch } = recording(() => Response.json([{ id: 1 }]));
		const result = await callApi(
			{ baseURL: 'http://h:1', token: 'secret', fetch },
			base({ method: 'POST', path: '/0/buckets/x/events', json: [{ timestamp: 't' }] })
		);
		expect(result).toMatchObject({ status: 200, data: [{ id: 1 }] });
		const { request, body } = seen[0];
		expect(request.method).toBe('POST');
		expect(request.url).toBe('http://h:1/api/0/buckets/x/events');
		expect(request.headers.get('content-type')).toBe('application/json');
		expect(request.headers.get('authorization')).toBe('Bearer secret');
		expect(body).toBe('[{"timestamp":"t"}]');
	});

	it('sends no Authorization header without a token', async () => {
		const { seen, fetch } = recording(() => new Response(''));
		await callApi({ baseURL: 'http://h:1', fetch }, base());
		expect(seen[0].request.headers.has('authorization')).toBe(false);
	});

	it('parses a JSON body whatever its content type', async () => {
		const { fetch } = recording(
			() => new Response('{"buckets":{}}', { headers: { 'Content-Type': 'text/plain' } })
		);
		const result = await callApi({ baseURL: 'http://h:1', fetch }, base());
		expect(result.data).toEqual({ buckets: {} });
	});

	it('rejects from errorFrom upwards with a FetchError carrying status, data and an unread response', async () => {
		const answer = () => Response.json({ message: "bucket 'x' does not exist" }, { status: 404 });
		const { fetch } = recording(answer);
		const err = await callApi({ baseURL: 'http://h:1', fetch }, base()).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(FetchError);
		const fetchError = err as FetchError;
		expect(fetchError.status).toBe(404);
		expect(fetchError.message).toContain('404');
		expect(fetchError.message).toContain("bucket 'x' does not exist");
		expect(fetchError.data).toEqual({ message: "bucket 'x' does not exist" });
		expect(fetchError.response.data).toEqual({ message: "bucket 'x' does not exist" });
		expect(fetchError.response.bodyUsed).toBe(false);
		await expect(fetchError.response.json()).resolves.toEqual({
			message: "bucket 'x' does not exist"
		});
	});

	it('resolves a 304 for errorFrom 400 and rejects it for errorFrom 300', async () => {
		const { fetch } = recording(() => new Response(null, { status: 304 }));
		const config = { baseURL: 'http://h:1', fetch };
		await expect(callApi(config, base({ errorFrom: 400 }))).resolves.toMatchObject({
			status: 304,
			data: undefined
		});
		await expect(callApi(config, base({ errorFrom: 300 }))).rejects.toMatchObject({
			status: 304,
			data: undefined
		});
	});

	it('passes the transport error through for a network failure', async () => {
		const fetch: FetchLike = async () => {
			throw new TypeError('fetch failed');
		};
		await expect(callApi({ baseURL: 'http://h:1', fetch }, base())).rejects.toThrow(TypeError);
	});

	it('rejects with TimeoutError when the transport ignores the signal and never answers', async () => {
		const fetch: FetchLike = () => new Promise(() => {});
		const err = await callApi({ baseURL: 'http://h:1', fetch }, base({ timeout: 30 })).catch(
			(e: unknown) => e
		);
		expect((err as Error).name).toBe('TimeoutError');
	});

	it('rejects with AbortError when the signal aborts during the exchange', async () => {
		const controller = new AbortController();
		const fetch: FetchLike = () => new Promise(() => {});
		const pending = callApi({ baseURL: 'http://h:1', fetch }, base({ signal: controller.signal }));
		controller.abort();
		await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
	});

	it('hands the signal to the transport inside the Request', async () => {
		const { seen, fetch } = recording(() => new Response(''));
		const controller = new AbortController();
		await callApi(
			{ baseURL: 'http://h:1', fetch },
			base({ signal: controller.signal, timeout: 0 })
		);
		controller.abort();
		expect(seen[0].request.signal.aborted).toBe(true);
	});
});
