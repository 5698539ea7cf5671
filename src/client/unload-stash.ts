/**
 * Where pre-merged heartbeats go when a page is unloaded. Chromium aborts IndexedDB
 * transactions of a document that is being unloaded, even one started synchronously in the
 * `pagehide` handler (measured on Chromium 156), so the queue itself cannot take them then.
 * `localStorage` is synchronous and survives; the next client with the same queue name moves
 * the stashed entries into the queue (`takeStash`) when it connects or flushes.
 */
import type { NewQueueEntry } from './queue-storage';

const PREFIX = 'aw-client-stash:';

function storage(): Storage | null {
	try {
		return (globalThis as { localStorage?: Storage }).localStorage ?? null;
	} catch {
		// Opaque origins and some privacy modes throw on access.
		return null;
	}
}

/** Appends entries to the stash of `queue`; false when there is no usable localStorage. */
export function stash(queue: string, entries: NewQueueEntry[]): boolean {
	const store = storage();
	if (!store) return false;
	try {
		const key = PREFIX + queue;
		const kept = JSON.parse(store.getItem(key) ?? '[]') as NewQueueEntry[];
		store.setItem(key, JSON.stringify([...kept, ...entries]));
		return true;
	} catch {
		return false;
	}
}

/** Takes (and removes) the stashed entries of `queue`, oldest first. */
export function takeStash(queue: string): NewQueueEntry[] {
	const store = storage();
	const key = PREFIX + queue;
	const text = store?.getItem(key);
	if (!store || !text) return [];
	store.removeItem(key);
	try {
		const entries = JSON.parse(text) as unknown;
		return Array.isArray(entries) ? (entries as NewQueueEntry[]) : [];
	} catch {
		return [];
	}
}
