/**
 * The settings file: every setting as one JSON object under ActivityWatch's keys (dashboard
 * spec 8.1), so a desktop user's settings carry over. Keys must be non-empty and shorter than
 * 128 characters, as the settings API requires.
 */
import { HindsightError } from '../../core/errors';
import { isJsonObject, parseJson, type JsonObject } from '../../core/model/json';

export function parseSettingsFile(text: string): JsonObject {
	const value = parseJson(text, 'settings file');
	if (!isJsonObject(value)) {
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
	return value;
}
