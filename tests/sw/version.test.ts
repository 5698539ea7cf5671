import { describe, expect, it } from 'vitest';
import { manifestVersion } from '../../src/sw/version';

describe('manifestVersion', () => {
	const manifest = [
		{ url: 'index.html', revision: 'abc' },
		{ url: 'assets/index-123.js', revision: null }
	];

	it('is 8 hex digits and stable for the same manifest', () => {
		expect(manifestVersion(manifest)).toMatch(/^[0-9a-f]{8}$/);
		expect(manifestVersion(manifest)).toBe(manifestVersion([...manifest]));
	});

	it('changes when a revision or a URL changes', () => {
		const base = manifestVersion(manifest);
		expect(manifestVersion([{ ...manifest[0], revision: 'abd' }, manifest[1]])).not.toBe(base);
		expect(manifestVersion([manifest[0], { url: 'assets/index-124.js', revision: null }])).not.toBe(
			base
		);
		expect(manifestVersion([])).not.toBe(base);
	});
});
