import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBench, type Bench } from './helpers';

let bench: Bench;

beforeEach(() => {
	bench = openBench();
});

afterEach(() => bench.close());

describe('settings', () => {
	it('answers 200 null for an unset key', async () => {
		const response = await bench.send('GET', '/api/0/settings/unset');
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('null');
	});

	it('stores any JSON value with 201 and an empty body, and reads it back', async () => {
		const values = ['04:00', 14400, true, false, null, [1, 'a'], { nested: { x: [] } }, 0, ''];
		for (const [i, value] of values.entries()) {
			const response = await bench.send('POST', `/api/0/settings/k${i}`, JSON.stringify(value));
			expect(response.status, JSON.stringify(value)).toBe(201);
			expect(await response.text()).toBe('');
			expect((await bench.call('GET', `/api/0/settings/k${i}`)).body).toEqual(value);
		}
	});

	it('lists every setting as one object, with or without a trailing slash', async () => {
		expect((await bench.call('GET', '/api/0/settings')).body).toEqual({});
		await bench.send('POST', '/api/0/settings/theme', '"dark"');
		await bench.send('POST', '/api/0/settings/startOfDay', '"04:00"');
		expect((await bench.call('GET', '/api/0/settings/')).body).toEqual({
			theme: 'dark',
			startOfDay: '04:00'
		});
	});

	it('compares keys exactly, case included', async () => {
		await bench.send('POST', '/api/0/settings/Theme', '"dark"');
		expect((await bench.call('GET', '/api/0/settings/theme')).body).toBeNull();
	});

	it('deletes with 200 and an empty body, also for an unset key', async () => {
		await bench.send('POST', '/api/0/settings/x', '1');
		for (let i = 0; i < 2; i++) {
			const response = await bench.send('DELETE', '/api/0/settings/x');
			expect(response.status).toBe(200);
			expect(await response.text()).toBe('');
		}
		expect((await bench.call('GET', '/api/0/settings/x')).body).toBeNull();
	});

	it('refuses keys of 128 characters or more, and accepts 127', async () => {
		const long = 'k'.repeat(128);
		for (const method of ['GET', 'POST', 'DELETE']) {
			const body = method === 'POST' ? '1' : undefined;
			const { status, body: answer } = await bench.call(method, `/api/0/settings/${long}`, body);
			expect(status, method).toBe(400);
			expect((answer as { message: string }).message).toContain('128');
		}
		expect((await bench.send('POST', `/api/0/settings/${'k'.repeat(127)}`, '1')).status).toBe(201);
	});

	it('answers 400 for a POST without a key or with a body that is not JSON', async () => {
		expect((await bench.call('POST', '/api/0/settings', '1')).status).toBe(400);
		expect((await bench.call('POST', '/api/0/settings/', '1')).status).toBe(400);
		expect((await bench.call('POST', '/api/0/settings/x', 'not json')).status).toBe(400);
		expect((await bench.call('POST', '/api/0/settings/x', '')).status).toBe(400);
		expect((await bench.call('GET', '/api/0/settings/x')).body).toBeNull();
	});

	it('takes a key with an encoded slash as one key', async () => {
		await bench.send('POST', '/api/0/settings/a%2Fb', '"v"');
		expect((await bench.call('GET', '/api/0/settings')).body).toEqual({ 'a/b': 'v' });
	});
});
