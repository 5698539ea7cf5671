import { describe, expect, it } from 'vitest';
import {
	bridgeFrameAncestors,
	bridgeResponse,
	withFrameAncestors
} from '../../src/sw/bridge-document';
import { DEFAULT_ALLOWED_EXTENSION_ORIGINS } from '../../src/core/bridge-protocol';

const ADDED = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

describe('bridgeFrameAncestors', () => {
	it('allows the app, the built-in extension, added origins and Firefox extensions', () => {
		expect(bridgeFrameAncestors([ADDED])).toEqual([
			"'self'",
			...DEFAULT_ALLOWED_EXTENSION_ORIGINS,
			ADDED,
			'moz-extension:'
		]);
		expect(bridgeFrameAncestors(DEFAULT_ALLOWED_EXTENSION_ORIGINS)).toEqual([
			"'self'",
			...DEFAULT_ALLOWED_EXTENSION_ORIGINS,
			'moz-extension:'
		]);
	});
});

describe('withFrameAncestors', () => {
	it('replaces an existing frame-ancestors directive and keeps the others', () => {
		const policy =
			"default-src 'self'; frame-ancestors 'self' chrome-extension:; object-src 'none'";
		expect(withFrameAncestors(policy, ["'self'", ADDED])).toBe(
			`default-src 'self'; object-src 'none'; frame-ancestors 'self' ${ADDED}`
		);
	});

	it('adds the directive to a policy without one, or makes a policy', () => {
		expect(withFrameAncestors("default-src 'self';", ["'self'"])).toBe(
			"default-src 'self'; frame-ancestors 'self'"
		);
		expect(withFrameAncestors(null, ["'none'"])).toBe("frame-ancestors 'none'");
	});
});

describe('bridgeResponse', () => {
	it('copies the stored page with the new policy, status and other headers', async () => {
		const stored = new Response('<html>bridge</html>', {
			status: 200,
			headers: {
				'Content-Type': 'text/html',
				'Content-Security-Policy': "default-src 'self'; frame-ancestors 'self'"
			}
		});
		const response = bridgeResponse(stored, [ADDED]);
		expect(response.status).toBe(200);
		expect(response.headers.get('Content-Type')).toBe('text/html');
		expect(response.headers.get('Content-Security-Policy')).toBe(
			`default-src 'self'; frame-ancestors 'self' ${DEFAULT_ALLOWED_EXTENSION_ORIGINS[0]} ${ADDED} moz-extension:`
		);
		expect(await response.text()).toBe('<html>bridge</html>');
	});
});
