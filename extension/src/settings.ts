/**
 * The extension's options: where the app lives, what this device is called, when the user
 * counts as away, and what is never recorded. Options come from the options page or from
 * storage written by an older version, so every field is validated here; a bad field from the
 * page is refused with a `HindsightError` naming it, a bad stored field falls back to its
 * default (stored options must never stop the watcher).
 */
import { HindsightError } from '../../src/core/errors';
import {
	DEFAULT_IDLE_SECONDS,
	isIdleSeconds,
	MAX_IDLE_SECONDS,
	MIN_IDLE_SECONDS
} from '../../src/core/idle';

export type Settings = {
	/** False while the user paused recording from the popup. */
	enabled: boolean;
	/** The app's origin, e.g. `http://127.0.0.1:5600` (no path, no trailing slash). */
	appOrigin: string;
	/** The device part of every bucket id and the buckets' `hostname`. */
	deviceName: string;
	/** The browser part of the web bucket id (`chrome`, `edge`, `brave`, ...). */
	browserName: string;
	/** Seconds without input anywhere on the system before the user counts as away. */
	idleThresholdSeconds: number;
	/** Host names never recorded, with their subdomains (`example.com` covers `a.example.com`). */
	excludedSites: string[];
	/** Whether tabs of private (incognito) windows are recorded. Off by default. */
	recordPrivate: boolean;
};

/** The app's origin when nothing else was configured: what `npm start` serves. */
export const DEFAULT_APP_ORIGIN = 'http://127.0.0.1:5600';

const DEVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const BROWSER_NAME = /^[a-z]{1,32}$/;
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*$/;
const MAX_EXCLUDED_SITES = 1000;

function invalid(field: keyof Settings, message: string, value: unknown): HindsightError {
	return new HindsightError('invalid_argument', message, { field, value: String(value) });
}

/**
 * Reads an app origin typed by a user: `http:` or `https:`, a host, an optional port, nothing
 * else (a trailing `/` is tolerated). Returns the normalised origin.
 */
export function parseAppOrigin(text: string): string {
	const trimmed = text.trim();
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		throw invalid(
			'appOrigin',
			`'${trimmed}' is not an address; write it like ${DEFAULT_APP_ORIGIN}`,
			text
		);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw invalid('appOrigin', `'${trimmed}' must start with http:// or https://`, text);
	}
	if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
		throw invalid(
			'appOrigin',
			`'${trimmed}' must be an origin only (scheme, host and port), like ${DEFAULT_APP_ORIGIN}`,
			text
		);
	}
	return url.origin;
}

/** A device name: letters, digits, `_ . -`, starting with a letter or digit, at most 64. */
export function parseDeviceName(text: string): string {
	const name = text.trim();
	if (!DEVICE_NAME.test(name)) {
		throw invalid(
			'deviceName',
			`The device name '${name}' may only hold letters, digits, '_', '.' and '-' (1 to 64, starting with a letter or digit)`,
			text
		);
	}
	return name;
}

/** A browser name for the bucket id: lowercase letters only, as the reference watcher has it. */
export function parseBrowserName(text: string): string {
	const name = text.trim();
	if (!BROWSER_NAME.test(name)) {
		throw invalid(
			'browserName',
			`The browser name '${name}' may only hold lowercase letters`,
			text
		);
	}
	return name;
}

/** The idle threshold in whole seconds, within what `chrome.idle` accepts. */
export function parseIdleThreshold(value: unknown): number {
	const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (!isIdleSeconds(seconds)) {
		throw invalid(
			'idleThresholdSeconds',
			`The idle threshold '${String(value)}' must be a whole number of seconds from ${MIN_IDLE_SECONDS} to ${MAX_IDLE_SECONDS}`,
			value
		);
	}
	return seconds;
}

/** One excluded site as typed: a host name, `*.host`, or a whole address; gives the host. */
function parseSite(text: string): string {
	const bare = text.trim().replace(/^\*\./, '');
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(bare) ? bare : `http://${bare}`;
	const host = URL.canParse(withScheme) ? new URL(withScheme).hostname : '';
	if (!HOST_NAME.test(host)) {
		throw invalid(
			'excludedSites',
			`'${text.trim()}' is not a site; write a host such as example.com`,
			text
		);
	}
	return host;
}

/** Excluded sites from a list or from text with one site per line; blank lines are skipped. */
export function parseExcludedSites(value: string | readonly string[]): string[] {
	const lines = typeof value === 'string' ? value.split(/\r?\n/) : value;
	const sites = lines.filter((line) => line.trim() !== '').map(parseSite);
	if (sites.length > MAX_EXCLUDED_SITES) {
		throw invalid(
			'excludedSites',
			`At most ${MAX_EXCLUDED_SITES} sites can be excluded`,
			sites.length
		);
	}
	return [...new Set(sites)];
}

function parseBoolean(field: keyof Settings, value: unknown): boolean {
	if (typeof value !== 'boolean')
		throw invalid(field, `'${String(value)}' is not true or false`, value);
	return value;
}

const PARSERS: { [K in keyof Settings]: (value: unknown) => Settings[K] } = {
	enabled: (v) => parseBoolean('enabled', v),
	appOrigin: (v) => parseAppOrigin(String(v)),
	deviceName: (v) => parseDeviceName(String(v)),
	browserName: (v) => parseBrowserName(String(v)),
	idleThresholdSeconds: parseIdleThreshold,
	excludedSites: (v) => {
		if (Array.isArray(v)) return parseExcludedSites(v.map(String));
		if (typeof v === 'string') return parseExcludedSites(v);
		throw invalid('excludedSites', `'${String(v)}' is not a list of sites`, v);
	},
	recordPrivate: (v) => parseBoolean('recordPrivate', v)
};

/**
 * Applies a change typed by the user to `base`: every given field is validated, unknown fields
 * are refused, and the first bad one throws `invalid_argument` with the field in `details`.
 */
export function applySettingsChange(base: Settings, change: Record<string, unknown>): Settings {
	const next: Settings = { ...base, excludedSites: [...base.excludedSites] };
	for (const [field, value] of Object.entries(change)) {
		if (!Object.hasOwn(PARSERS, field)) {
			throw new HindsightError('invalid_argument', `'${field}' is not an option of the extension`, {
				field
			});
		}
		const key = field as keyof Settings;
		(next as Record<keyof Settings, unknown>)[key] = PARSERS[key](value);
	}
	return next;
}

/**
 * Reads stored settings leniently: each field that is missing or invalid takes its value from
 * `defaults`, so damaged storage degrades to defaults instead of stopping the watcher.
 */
export function settingsFromStorage(stored: unknown, defaults: Settings): Settings {
	const record = typeof stored === 'object' && stored !== null ? stored : {};
	const out: Settings = { ...defaults };
	for (const key of Object.keys(PARSERS) as (keyof Settings)[]) {
		const value = (record as Record<string, unknown>)[key];
		if (value === undefined) continue;
		try {
			(out as Record<keyof Settings, unknown>)[key] = PARSERS[key](value);
		} catch {
			// keep the default for this field
		}
	}
	return out;
}

/** Whether `url` belongs to one of the excluded sites (the host or one of its subdomains). */
export function isExcluded(url: string, excludedSites: readonly string[]): boolean {
	if (excludedSites.length === 0) return false;
	let host: string;
	try {
		host = new URL(url).hostname;
	} catch {
		return false;
	}
	return excludedSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/**
 * A device name made once per browser profile when the user has not named it: the platform and
 * four random hex digits (`linux-3f9a`), so two profiles on one machine do not share buckets.
 * Hex digits cannot spell any browser key of the dashboard's bucket matching.
 */
export function defaultDeviceName(platform: string, randomBytes: Uint8Array): string {
	const os = platform.toLowerCase().replace(/[^a-z0-9]/g, '') || 'device';
	const hex = [...randomBytes.slice(0, 2)].map((b) => b.toString(16).padStart(2, '0')).join('');
	return `${os}-${hex}`;
}

/** Every default but the device name and browser name, which depend on the browser. */
export function defaultSettings(
	deviceName: string,
	browserName: string,
	appOrigin: string
): Settings {
	return {
		enabled: true,
		appOrigin,
		deviceName,
		browserName,
		idleThresholdSeconds: DEFAULT_IDLE_SECONDS,
		excludedSites: [],
		recordPrivate: false
	};
}
