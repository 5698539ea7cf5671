/**
 * Live refresh: counts change notices from the worker (which hears the service worker's and
 * the bridge's writes too). Views read `events` or `buckets` inside an effect to reload when
 * data changes; bursts of notices (a watcher's heartbeats) are coalesced.
 */
import type { ChangeNotice } from '../lib/worker-types';
import { onChange } from './api';

const COALESCE_MS = 400;

export class Live {
	/** Bumped when events, buckets or imports change. */
	data = $state(0);
	/** Bumped when the bucket list changes. */
	buckets = $state(0);
	/** Bumped when a setting changes. */
	settings = $state(0);
	#pending = { data: false, buckets: false, settings: false };
	#timer: ReturnType<typeof setTimeout> | null = null;

	async start(): Promise<void> {
		await onChange((notice) => this.note(notice));
	}

	private note(notice: ChangeNotice): void {
		if (notice.kind === 'settings') this.#pending.settings = true;
		else this.#pending.data = true;
		if (notice.kind !== 'events' && notice.kind !== 'settings') this.#pending.buckets = true;
		if (this.#timer === null) this.#timer = setTimeout(() => this.flush(), COALESCE_MS);
	}

	private flush(): void {
		this.#timer = null;
		if (this.#pending.data) this.data++;
		if (this.#pending.buckets) this.buckets++;
		if (this.#pending.settings) this.settings++;
		this.#pending = { data: false, buckets: false, settings: false };
	}
}

export const live = new Live();
