/**
 * The bucket list, shared by the top bar (hosts), the Activity view (bucket discovery) and the
 * Buckets view. Reloaded when the live state reports bucket changes.
 */
import type { StoredBucket } from '../lib/worker-types';
import { api } from './api';

export class BucketList {
	list: StoredBucket[] = $state([]);
	loaded = $state(false);

	/** Host names with buckets, `unknown` left out, sorted. */
	hosts: string[] = $derived(
		this.list
			.map((b) => b.hostname)
			.filter((h, i, all) => h !== 'unknown' && all.indexOf(h) === i)
			.sort()
	);

	async load(): Promise<void> {
		this.list = await api().listBuckets();
		this.loaded = true;
	}
}

export const buckets = new BucketList();
