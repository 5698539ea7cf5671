/**
 * A stand-in for `chrome.storage.local` in Node: a Map whose values go through JSON, as the
 * real storage serializes them. Counts writes so tests can check what an operation costs.
 */
import type { KeyValueStore } from '../../extension/src/outbox';

export class MemoryStore implements KeyValueStore {
	readonly items = new Map<string, string>();
	writes = 0;
	/** When set, the next `set` call fails with this message (then it is cleared). */
	failNextSet: string | null = null;

	async get(keys: string[]): Promise<Record<string, unknown>> {
		const out: Record<string, unknown> = {};
		for (const key of keys) {
			const text = this.items.get(key);
			if (text !== undefined) out[key] = JSON.parse(text);
		}
		return out;
	}

	async set(items: Record<string, unknown>): Promise<void> {
		if (this.failNextSet) {
			const message = this.failNextSet;
			this.failNextSet = null;
			throw new Error(message);
		}
		this.writes++;
		for (const [key, value] of Object.entries(items)) this.items.set(key, JSON.stringify(value));
	}

	async remove(keys: string[]): Promise<void> {
		for (const key of keys) this.items.delete(key);
	}
}
