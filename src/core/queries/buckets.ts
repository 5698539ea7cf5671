/**
 * Which buckets feed a host's Activity summary (dashboard spec 4.1), chosen by type, never by
 * id prefix: the first desktop `currentwindow` bucket (Android ones excluded), the first
 * `afkstatus`, every `web.tab.current`, and the first `general.stopwatch`. Browser, editor and
 * stopwatch buckets of the `unknown` host are used when the host has none.
 */
import { EXTENSION_CLIENT } from '../bridge-protocol';

export type BucketInfo = { id: string; type: string; client: string; hostname: string };

export type BucketSelection = {
	window: string | null;
	afk: string | null;
	browsers: string[];
	stopwatch: string | null;
	/** True when the window bucket is the extension's focus stream (browser-only data). */
	browserOnly: boolean;
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
