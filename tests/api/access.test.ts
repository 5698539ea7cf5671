import { describe, expect, it } from 'vitest';
import { checkApiKey, constantTimeEqual } from '../../src/api/access';
import { isHindsightError } from '../../src/core/errors';

describe('constantTimeEqual', () => {
	it('is true only for identical strings', () => {
		expect(constantTimeEqual('abc', 'abc')).toBe(true);
		expect(constantTimeEqual('', '')).toBe(true);
		expect(constantTimeEqual('abc', 'abd')).toBe(false);
		expect(constantTimeEqual('abc', 'ab')).toBe(false);
		expect(constantTimeEqual('ab', 'abc')).toBe(false);
		expect(constantTimeEqual('', 'a')).toBe(false);
		expect(constantTimeEqual('é', 'e')).toBe(false);
		expect(constantTimeEqual('\u0000', '')).toBe(false);
	});
});

describe('checkApiKey', () => {
	const request = (authorization?: string) =>
		new Request('http://h/api/0/buckets', {
			headers: authorization ? { Authorization: authorization } : {}
		});

	it('passes a matching bearer token, in any case of the scheme', () => {
		expect(() => checkApiKey(request('Bearer k'), 'k')).not.toThrow();
		expect(() => checkApiKey(request('bearer k'), 'k')).not.toThrow();
	});

	it('throws unauthorized otherwise', () => {
		for (const header of [undefined, 'Bearer', 'Bearer x', 'Basic k', 'k']) {
			let caught: unknown;
			try {
				checkApiKey(request(header), 'k');
			} catch (err) {
				caught = err;
			}
			expect(isHindsightError(caught, 'unauthorized'), String(header)).toBe(true);
		}
	});

	it('checks nothing without a key', () => {
		expect(() => checkApiKey(request(), null)).not.toThrow();
		expect(() => checkApiKey(request(), undefined)).not.toThrow();
		expect(() => checkApiKey(request(), '')).not.toThrow();
	});
});
