/**
 * The router as the service worker and the bridge page run it: over one datastore, with the
 * configuration kept in settings so that it is the same in every context and can be changed
 * through the API itself. Settings are read once and again after each settings change the
 * datastore reports (its broadcast brings changes made in other contexts).
 */
import { version } from '../../package.json';
import { BRIDGE_ALLOWED_ORIGINS_SETTING } from '../core/bridge-protocol';
import type { JsonValue } from '../core/model/json';
import type { DatastoreApi } from '../store/types';
import { normalizeOrigins } from './bridge';
import { createRouter } from './router';
import type { QueryRunner, Router, RouterConfig } from './types';

/** The version string of `GET /api/0/info`. */
export const APP_VERSION = `v${version} (hindsight)`;

/** Setting: the Rust-style API key (a non-empty string turns the check on; rest-api.md 11). */
export const API_KEY_SETTING = 'apiKey';
/** Setting: `true` makes `GET /api/0/info` report testing mode. */
export const TESTING_SETTING = 'apiTesting';
/** Setting: `true` answers requests that controlled pages send to a local ActivityWatch URL. */
export const CROSS_ORIGIN_SETTING = 'apiAnswerLocalhost';

const WATCHED = [
	API_KEY_SETTING,
	TESTING_SETTING,
	CROSS_ORIGIN_SETTING,
	BRIDGE_ALLOWED_ORIGINS_SETTING
];

/**
 * The URLs of ActivityWatch servers that clients use by default (`http://127.0.0.1:5600`, and
 * port 5666 in testing mode). With CROSS_ORIGIN_SETTING on, the service worker answers
 * controlled pages' requests to them itself.
 */
export const LOCAL_API_ORIGINS: readonly string[] = [5600, 5666].flatMap((port) => [
	`http://127.0.0.1:${port}`,
	`http://localhost:${port}`
]);

export type HostSettings = RouterConfig & {
	/** Extension origins allowed to use the bridge besides the built-in one. */
	bridgeOrigins: string[];
};

export type ApiHost = {
	router: Router;
	/** The current settings; read again after a settings change, or when `fresh` is true. */
	settings(fresh?: boolean): Promise<HostSettings>;
	/** Stops following settings changes (the datastore stays open). */
	close(): void;
};

export type ApiHostOptions = {
	datastore: DatastoreApi;
	runQuery: QueryRunner;
	/** The app's origin (`self.location.origin`). */
	origin: string;
};

async function readSettings(datastore: DatastoreApi, origin: string): Promise<HostSettings> {
	const [apiKey, testing, crossOrigin, bridge] = await Promise.all(
		WATCHED.map((key) => datastore.getSetting(key))
	);
	return {
		testing: testing === true,
		version: APP_VERSION,
		apiKey: typeof apiKey === 'string' ? apiKey : null,
		origin,
		answerCrossOrigin: crossOrigin === true,
		bridgeOrigins: normalizeOrigins(bridge as JsonValue)
	};
}

export function createApiHost({ datastore, runQuery, origin }: ApiHostOptions): ApiHost {
	let current: Promise<HostSettings> | null = null;
	const settings = (fresh = false) => {
		if (fresh) current = null;
		current ??= readSettings(datastore, origin).catch((err) => {
			current = null;
			throw err;
		});
		return current;
	};
	const stop = datastore.onChange((notice) => {
		if (notice.kind === 'settings' && (!notice.key || WATCHED.includes(notice.key))) current = null;
	});
	const router = createRouter({ datastore, runQuery, config: () => settings() });
	return { router, settings, close: stop };
}
