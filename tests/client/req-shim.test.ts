import { describe, expect, it } from 'vitest';
import { ActivityWatchClient } from '../../src/client/client';
import { FetchError } from '../../src/client/fetch-error';
import type { FetchLike } from '../../src/client/types';

type Seen = { method: string; url: string; headers: Headers; body: string };

/** A client whose transport records requests and answers with `answer` (request shapes only). */
function recordingClient(
	answer: (request: Request) => Response = () => Response.json({ ok: true })
) {
	const seen: Seen[] = [];
	const fetch: FetchLike = async (input) => {
		const request = input as Request;
		const { method, url, headers } = request;
		seen.push({ method, url, headers, body: await request.clone().text() });
		return answer(request);
	};
	const client = new ActivityWatchClient('shim-test', { baseURL: 'http://app.test', fetch });
	return { client, seen };
}

describe('req shim', () => {
	it('exposes baseURL <base>/api and resolves to data, status and headers', async () => {
		const { client, seen } = recordingClient();
		expect(client.req.defaults.baseURL).toBe('http://app.test/api');
		const response = await client.req.get('/0/export');
		expect(response).toMatchObject({ data: { ok: true }, status: 200 });
		expect(response.headers['content-type']).toContain('application/json');
		expect(seen[0]).toMatchObject({ method: 'GET', url: 'http://app.test/api/0/export' });
	});

	it('sends Date params as ISO text and skips null and undefined', async () => {
		const { client, seen } = recordingClient();
		const start = new Date('2024-05-01T00:00:00Z');
		await client.req.get('/0/buckets/x/events', {
			params: { start, end: null, limit: 5, x: undefined }
		});
		expect(seen[0].url).toBe(
			'http://app.test/api/0/buckets/x/events?start=2024-05-01T00%3A00%3A00.000Z&limit=5'
		);
	});

	it('sends objects as JSON, JSON text unchanged and other strings JSON-encoded', async () => {
		const { client, seen } = recordingClient();
		await client.req.post('/0/settings/a', { theme: 'dark' });
		await client.req.post('/0/settings/b', '{"already":"json"}');
		await client.req.post('/0/settings/c', 'plain words');
		expect(seen.map((s) => s.body)).toEqual([
			'{"theme":"dark"}',
			'{"already":"json"}',
			'"plain words"'
		]);
		expect(seen.map((s) => s.headers.get('content-type'))).toEqual(
			Array(3).fill('application/json')
		);
	});

	it('sends FormData as multipart with its boundary, dropping a bare multipart content type', async () => {
		const { client, seen } = recordingClient();
		const form = new FormData();
		form.append(
			'buckets.json',
			new Blob(['{"buckets":{}}'], { type: 'application/json' }),
			'buckets.json'
		);
		await client.req.post('/0/import', form, {
			headers: { 'Content-Type': 'multipart/form-data' }
		});
		expect(seen[0].headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
		expect(seen[0].body).toContain('{"buckets":{}}');
	});

	it('applies defaults.headers.common and defaults.timeout to its requests', async () => {
		const { client, seen } = recordingClient();
		client.req.defaults.headers.common.Authorization = 'Bearer from-dashboard';
		await client.req.delete('/0/settings/a');
		expect(seen[0].headers.get('authorization')).toBe('Bearer from-dashboard');

		const slow = new ActivityWatchClient('shim-test', {
			baseURL: 'http://app.test',
			fetch: () => new Promise(() => {})
		});
		slow.req.defaults.timeout = 20;
		await expect(slow.req.get('/0/info')).rejects.toMatchObject({ name: 'TimeoutError' });
	});

	it('rejects from status 300 with an error whose response has status and data', async () => {
		const { client } = recordingClient(() =>
			Response.json({ message: 'no such key' }, { status: 404 })
		);
		const err = (await client.req.get('/0/settings/x').catch((e: unknown) => e)) as FetchError;
		expect(err).toBeInstanceOf(FetchError);
		expect(err.response.status).toBe(404);
		expect(err.response.data).toEqual({ message: 'no such key' });
	});
});
