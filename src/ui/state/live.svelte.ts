/**
 * Live refresh: counts change notices from the worker (which hears the service worker's and
 * the bridge's writes too). Views read `events` or `buckets` inside an effect to reload when
 * data changes; bursts of notices (a watcher's heartbeats) are coalesced.
 */
import type { ChangeNotice } from '../../store/types';
import { onChange } from './api';

const COALESCE_MS = 400;

export class Live {
	/** Bumped when events, buckets or imports change. */
	data = $state(0);
	/** Bumped when the bucket list changes. */
	buckets = $state(0);
	/** Bumped when a setting changes. */
	settings = $state(0);
	#pending = new Set<'data' | 'buckets' | 'settings'>();
	#timer: ReturnType<typeof setTimeout> | null = null;

	async start(): Promise<void> {
		await onChange((notice) => this.note(notice));
	}

	private note(notice: ChangeNotice): void {
		if (notice.kind === 'settings') this.#pending.add('settings');
		else this.#pending.add('data');
		if (notice.kind !== 'events' && notice.kind !== 'settings') this.#pending.add('buckets');
		this.#timer ??= setTimeout(() => this.flush(), COALESCE_MS);
	}

	private flush(): void {
		this.#timer = null;
		if (this.#pending.has('data')) this.data++;
		if (this.#pending.has('buckets')) this.buckets++;
		if (this.#pending.has('settings')) this.settings++;
		this.#pending.clear();
	}
}

export const live = new Live();
