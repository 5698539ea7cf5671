import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HINDSIGHT_EXTENSION_ID } from '../../src/core/bridge-protocol';
import { buildManifest } from '../../extension/manifest';

const key = readFileSync('extension/public-key.txt', 'utf8').trim();

/** Chromium's extension id: the first 128 bits of SHA-256 of the key, as letters a to p. */
function extensionId(publicKey: string): string {
	const digest = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest();
	return [...digest.subarray(0, 16)]
		.flatMap((byte) => [byte >> 4, byte & 15])
		.map((nibble) => String.fromCharCode(97 + nibble))
		.join('');
}

describe('buildManifest', () => {
	const manifest = buildManifest({ key, version: '0.1.0', appOrigin: 'http://127.0.0.1:5600' });

	it('carries the key that gives the id the bridge allows by default', () => {
		expect(manifest.key).toBe(key);
		expect(extensionId(key)).toBe(HINDSIGHT_EXTENSION_ID);
	});

	it('asks for the permissions of the bridge design, unlimited storage for the outbox, and host access to the app origin only', () => {
		expect([...(manifest.permissions ?? [])].sort()).toEqual([
			'alarms',
			'idle',
			'offscreen',
			'storage',
			'tabs',
			'unlimitedStorage'
		]);
		expect(manifest.host_permissions).toEqual(['http://127.0.0.1:5600/*']);
		expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
	});

	it('runs the background as a module service worker', () => {
		expect(manifest.background).toEqual({ service_worker: 'background.js', type: 'module' });
	});
});
