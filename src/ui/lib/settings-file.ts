/**
 * The settings file: every setting as one JSON object under ActivityWatch's keys (dashboard
 * spec 8.1), so a desktop user's settings carry over. Keys must be non-empty and shorter than
 * 128 characters, as the settings API requires.
 */
import { HindsightError } from '../../core/errors';
import type { JsonValue } from '../../core/model/json';

export function parseSettingsFile(text: string): Record<string, JsonValue> {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (err) {
		throw new HindsightError(
			'invalid_json',
			`The settings file is not valid JSON: ${(err as Error).message}`
		);
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new HindsightError(
			'invalid_argument',
			'A settings file must be one JSON object of keys and values.'
		);
	}
	const bad = Object.keys(value).find((key) => key === '' || key.length >= 128);
	if (bad !== undefined) {
		throw new HindsightError(
			'invalid_argument',
			`The settings key '${bad.slice(0, 40)}' is empty or too long (128 characters or more).`
		);
	}
	return value as Record<string, JsonValue>;
}
