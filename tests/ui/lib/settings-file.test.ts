import { expect, it } from 'vitest';
import { isHindsightError } from '../../../src/core/errors';
import { parseSettingsFile } from '../../../src/ui/lib/settings-file';

it('reads a settings object with ActivityWatch keys', () => {
	const text = JSON.stringify({ startOfDay: '05:00', classes: [], theme: 'dark' });
	expect(parseSettingsFile(text)).toEqual({ startOfDay: '05:00', classes: [], theme: 'dark' });
});

it('rejects files that are not one object of settings, saying why', () => {
	const codes = ['[1, 2]', 'nope', JSON.stringify({ ['k'.repeat(130)]: 1 })].map((text) => {
		try {
			parseSettingsFile(text);
			return null;
		} catch (err) {
			return isHindsightError(err) ? err.code : 'other';
		}
	});
	expect(codes).toEqual(['invalid_argument', 'invalid_json', 'invalid_argument']);
});
