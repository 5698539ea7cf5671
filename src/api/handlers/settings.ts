/**
 * Settings routes (rest-api.md 4.17-4.20), with the Rust server's semantics: any JSON value,
 * `null` for an unset key, 201 on write, keys shorter than 128 characters.
 */
import { HindsightError } from '../../core/errors';
import { emptyResponse, jsonResponse } from '../http';
import { readJson } from '../params';
import type { Handler, RouteContext } from '../types';

/** Keys of this length or longer are refused (the Rust server's limit). */
export const MAX_SETTING_KEY_LENGTH = 128;

function keyOf({ params }: RouteContext): string {
	const key = params.key;
	if (key.length >= MAX_SETTING_KEY_LENGTH) {
		throw new HindsightError(
			'invalid_argument',
			`Settings keys must be shorter than ${MAX_SETTING_KEY_LENGTH} characters; ` +
				`this one has ${key.length}`,
			{ length: key.length }
		);
	}
	return key;
}

export const listSettings: Handler = async ({ datastore }) => {
	return jsonResponse(await datastore.getSettings());
};

export const getSetting: Handler = async (context) => {
	return jsonResponse(await context.datastore.getSetting(keyOf(context)));
};

export const setSetting: Handler = async (context) => {
	const key = keyOf(context);
	await context.datastore.setSetting(key, await readJson(context.request));
	return emptyResponse(201);
};

export const deleteSetting: Handler = async (context) => {
	await context.datastore.deleteSetting(keyOf(context));
	return emptyResponse();
};

/** `POST /api/0/settings` without a key. */
export const settingWithoutKey: Handler = async () => {
	throw new HindsightError(
		'invalid_argument',
		'A setting is written at /api/0/settings/<key>; the key is missing'
	);
};
