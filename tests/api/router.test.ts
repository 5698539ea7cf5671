import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isApiPath } from '../../src/api/router';
import { createBucket, openBench, ORIGIN, type Bench } from './helpers';

let bench: Bench;

beforeEach(() => {
	bench = openBench();
});

afterEach(() => bench.close());

describe('routing', () => {
	it('treats trailing and repeated slashes as insignificant', async () => {
		await createBucket(bench, 'b1');
		for (const path of [
			'/api/0/buckets',
			'/api/0/buckets/',
			'//api/0/buckets/',
			'/api//0///buckets'
		]) {
			const { status, body } = await bench.call('GET', path);
			expect(status, path).toBe(200);
			expect(Object.keys(body as object), path).toEqual(['b1']);
		}
		expect((await bench.call('GET', '/api/0/buckets/b1/')).status).toBe(200);
	});

	it('decodes path segments after splitting, so %2F stays inside a bucket id', async () => {
		await createBucket(bench, 'a/b c');
		const { status, body } = await bench.call('GET', '/api/0/buckets/a%2Fb%20c');
		expect(status).toBe(200);
		expect((body as { id: string }).id).toBe('a/b c');
		expect((await bench.call('GET', '/api/0/buckets/a/b%20c')).status).toBe(404);
	});

	it('keeps a segment that is not valid percent-encoding as written', async () => {
		await createBucket(bench, '100%');
		const response = await bench.router(new Request(`${ORIGIN}/api/0/buckets/100%`));
		expect(response.status).toBe(200);
	});

	it('answers unknown paths under /api/ with a JSON 404', async () => {
		for (const path of ['/api/0/nothing', '/api/1/info', '/api/', '/api/0/buckets/x/y/z/w']) {
			const response = await bench.send('GET', path);
			expect(response.status, path).toBe(404);
			expect(response.headers.get('Content-Type')).toBe('application/json');
			expect(typeof ((await response.json()) as { message: string }).message).toBe('string');
		}
	});

	it('answers a known path with an unsupported method with 405 and Allow', async () => {
		const response = await bench.send('PATCH', '/api/0/buckets/x');
		expect(response.status).toBe(405);
		expect(response.headers.get('Allow')).toBe('GET, POST, PUT, DELETE, OPTIONS');
		expect(((await response.json()) as { message: string }).message).toContain('PATCH');

		const info = await bench.send('POST', '/api/0/info', {});
		expect(info.status).toBe(405);
		expect(info.headers.get('Allow')).toBe('GET, OPTIONS');
	});

	it('marks every answer Cache-Control: no-store, errors included', async () => {
		for (const [method, path] of [
			['GET', '/api/0/info'],
			['GET', '/api/0/nope'],
			['DELETE', '/api/0/buckets/missing'],
			['OPTIONS', '/api/0/buckets/']
		]) {
			const response = await bench.send(method, path);
			expect(response.headers.get('Cache-Control'), `${method} ${path}`).toBe('no-store');
		}
	});

	it('recognises API paths whatever their slashes', () => {
		expect(isApiPath('/api/0/info')).toBe(true);
		expect(isApiPath('//api/0/info')).toBe(true);
		expect(isApiPath('/api')).toBe(true);
		expect(isApiPath('/apis/0')).toBe(false);
		expect(isApiPath('/index.html')).toBe(false);
	});
});

describe('bodies', () => {
	it('parses JSON bodies whatever the Content-Type says, or without one', async () => {
		const body = JSON.stringify({ type: 't', client: 'c', hostname: 'h' });
		const types = ['text/plain', 'application/x-www-form-urlencoded', null];
		for (const [i, type] of types.entries()) {
			const headers: Record<string, string> = type ? { 'Content-Type': type } : {};
			const response = await bench.send('POST', `/api/0/buckets/b${i}`, body, headers);
			expect(response.status, String(type)).toBe(200);
		}
	});

	it('refuses an empty or malformed JSON body with 400 and a message', async () => {
		const empty = await bench.call('POST', '/api/0/buckets/x', '');
		expect(empty.status).toBe(400);
		expect((empty.body as { message: string }).message).toContain('empty');

		const broken = await bench.call('POST', '/api/0/buckets/x', '{"type": ');
		expect(broken.status).toBe(400);
		expect((broken.body as { message: string }).message).toContain('not valid JSON');
		expect((await bench.call('GET', '/api/0/buckets/x')).status).toBe(404);
	});

	it('ignores a body sent with DELETE', async () => {
		await createBucket(bench, 'gone');
		const response = await bench.send('DELETE', '/api/0/buckets/gone', {});
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('');
	});
});

describe('info and log', () => {
	it('reports host name, version, testing flag and a UUID device id', async () => {
		const { status, body } = await bench.call('GET', '/api/0/info');
		expect(status).toBe(200);
		const info = body as Record<string, unknown>;
		expect(Object.keys(info).sort()).toEqual(['device_id', 'hostname', 'testing', 'version']);
		expect(info.hostname).toBe('unknown');
		expect(info.version).toBe('v0.1.0 (hindsight)');
		expect(info.testing).toBe(true);
		expect(info.device_id).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
		);
		const again = await bench.call('GET', '/api/0/info');
		expect((again.body as Record<string, unknown>).device_id).toBe(info.device_id);
	});

	it('reports testing false when configured so', async () => {
		const other = openBench({ testing: false });
		expect(((await other.call('GET', '/api/0/info')).body as { testing: boolean }).testing).toBe(
			false
		);
		other.close();
	});

	it('serves the log as an array of records with timestamp, level and message', async () => {
		const { status, body } = await bench.call('GET', '/api/0/log');
		expect(status).toBe(200);
		expect(Array.isArray(body)).toBe(true);
		for (const record of body as Record<string, unknown>[]) {
			expect(typeof record.timestamp).toBe('string');
			expect(typeof record.level).toBe('string');
			expect(typeof record.message).toBe('string');
		}
	});
});

describe('OPTIONS and cross-origin requests', () => {
	it('answers OPTIONS on any API path with 200, an empty body and CORS headers', async () => {
		for (const path of ['/api/0/buckets/x/events', '/api/0/nowhere', '/api/']) {
			const response = await bench.send('OPTIONS', path, undefined, {
				Origin: 'http://localhost:27180',
				'Access-Control-Request-Method': 'POST',
				'Access-Control-Request-Headers': 'content-type, authorization'
			});
			expect(response.status, path).toBe(200);
			expect(await response.text()).toBe('');
			expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
			expect(response.headers.get('Access-Control-Allow-Methods')).toBe(
				'GET, POST, PUT, DELETE, OPTIONS'
			);
			expect(response.headers.get('Access-Control-Allow-Headers')).toBe(
				'content-type, authorization'
			);
			expect(response.headers.get('Allow')).toContain('OPTIONS');
		}
		const events = await bench.send('OPTIONS', '/api/0/buckets/x/events');
		expect(events.headers.get('Allow')).toBe('GET, POST, OPTIONS');
		expect(events.headers.has('Access-Control-Allow-Headers')).toBe(false);
	});

	it('adds CORS headers to answers for another origin than the app', async () => {
		const other = openBench({ origin: 'http://127.0.0.1:8080' });
		await createBucket(other, 'x');
		const cross = await other.send('GET', '/api/0/buckets/x/export');
		expect(cross.headers.get('Access-Control-Allow-Origin')).toBe('*');
		expect(cross.headers.get('Access-Control-Expose-Headers')).toBe('Content-Disposition');
		const missing = await other.send('GET', '/api/0/buckets/nope');
		expect(missing.headers.get('Access-Control-Allow-Origin')).toBe('*');
		other.close();

		const same = openBench({ origin: ORIGIN });
		const response = await same.send('GET', '/api/0/info');
		expect(response.headers.has('Access-Control-Allow-Origin')).toBe(false);
		same.close();
	});
});

describe('API key', () => {
	let keyed: Bench;
	const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

	beforeEach(() => {
		keyed = openBench({ apiKey: 's3cret' });
	});

	afterEach(() => keyed.close());

	it('refuses requests without the key or with a wrong one with 401 naming the header', async () => {
		for (const headers of [{}, auth('wrong'), auth('s3cret2'), { Authorization: 's3cret' }]) {
			const response = await keyed.send('GET', '/api/0/buckets/', undefined, headers);
			expect(response.status).toBe(401);
			const { message } = (await response.json()) as { message: string };
			expect(message).toContain('Authorization: Bearer');
		}
		expect((await keyed.send('GET', '/api/0/nothing')).status).toBe(401);
	});

	it('accepts the right key on every route', async () => {
		const response = await keyed.send(
			'POST',
			'/api/0/buckets/k',
			{ type: 't', client: 'c', hostname: 'h' },
			auth('s3cret')
		);
		expect(response.status).toBe(200);
		expect((await keyed.send('GET', '/api/0/buckets/k', undefined, auth('s3cret'))).status).toBe(
			200
		);
	});

	it('exempts GET /api/0/info and OPTIONS, but not other methods on info', async () => {
		expect((await keyed.send('GET', '/api/0/info')).status).toBe(200);
		expect((await keyed.send('GET', '//api//0/info/')).status).toBe(200);
		expect((await keyed.send('OPTIONS', '/api/0/buckets/')).status).toBe(200);
		expect((await keyed.send('POST', '/api/0/info', {})).status).toBe(401);
	});

	it('cannot be bypassed with extra slashes', async () => {
		for (const path of ['//api/0/buckets/', '/api//0/buckets', '///api/0/export']) {
			expect((await keyed.send('GET', path)).status, path).toBe(401);
		}
	});

	it('is off when the configured key is empty', async () => {
		const open = openBench({ apiKey: '' });
		expect((await open.send('GET', '/api/0/buckets/')).status).toBe(200);
		open.close();
	});
});
