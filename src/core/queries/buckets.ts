/**
 * Which buckets feed a host's Activity summary (dashboard spec 4.1), chosen by type, never by
 * id prefix: the first desktop `currentwindow` bucket (Android ones excluded), the first
 * `afkstatus`, every `web.tab.current`, and the first `general.stopwatch`. Browser, editor and
 * stopwatch buckets of the `unknown` host are used when the host has none.
 */
import { EXTENSION_CLIENT } from '../bridge-protocol';
import type { DeviceBuckets } from './summary';

export type BucketInfo = { id: string; type: string; client: string; hostname: string };

export type BucketSelection = {
	window: string | null;
	afk: string | null;
	browsers: string[];
	stopwatch: string | null;
	/** True when the window bucket is the extension's focus stream (browser-only data). */
	browserOnly: boolean;
	/**
	 * Multi-device (selectDevices): every device with a window and an AFK bucket, in priority
	 * order; `window` and `afk` are then the first device's.
	 */
	devices?: DeviceBuckets[];
};

const isAndroid = (b: BucketInfo) => b.id.startsWith('aw-watcher-android');

function ofHost(list: BucketInfo[], host: string, type: string): BucketInfo[] {
	const own = list.filter((b) => b.type === type && b.hostname === host);
	return own.length > 0 ? own : list.filter((b) => b.type === type && b.hostname === 'unknown');
}

export function selectBuckets(list: BucketInfo[], host: string): BucketSelection {
	const sorted = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const window = sorted.find(
		(b) => b.type === 'currentwindow' && b.hostname === host && !isAndroid(b)
	);
	const afk = sorted.find((b) => b.type === 'afkstatus' && b.hostname === host);
	return {
		window: window?.id ?? null,
		afk: afk?.id ?? null,
		browsers: ofHost(sorted, host, 'web.tab.current').map((b) => b.id),
		stopwatch: ofHost(sorted, host, 'general.stopwatch')[0]?.id ?? null,
		browserOnly: window?.client === EXTENSION_CLIENT
	};
}

/**
 * The multi-device selection (dashboard spec 4.4): every host with a desktop window bucket and
 * an AFK bucket, `first` (the page's host) first and the others by name; no browser or
 * stopwatch buckets, which the multi-device query leaves out.
 */
export function selectDevices(list: BucketInfo[], first: string): BucketSelection {
	const hosts = [...new Set(list.map((b) => b.hostname))].sort((a, b) =>
		a === first ? -1 : b === first ? 1 : a < b ? -1 : a > b ? 1 : 0
	);
	const devices: DeviceBuckets[] = [];
	for (const hostname of hosts) {
		const one = selectBuckets(list, hostname);
		if (one.window !== null && one.afk !== null) {
			devices.push({ hostname, windowBucket: one.window, afkBucket: one.afk });
		}
	}
	return {
		window: devices[0]?.windowBucket ?? null,
		afk: devices[0]?.afkBucket ?? null,
		browsers: [],
		stopwatch: null,
		browserOnly: false,
		devices
	};
}
