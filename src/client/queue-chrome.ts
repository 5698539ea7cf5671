/**
 * The request queue in an extension's `chrome.storage.local`. The storage has no transactions,
 * and an extension's background worker and its pages may queue at the same time, so every
 * operation touches one key only: each entry is its own key,
 * `aw-client-queue:<queue>:<seq>.<context>`, where `seq` (zero-padded, so keys sort in order) is
 * the time in microseconds, strictly increasing within a context, and `<context>` is a random
 * tag that keeps two contexts queueing in the same microsecond from overwriting each other.
 */
import { HindsightError } from '../core/errors';
import type { NewQueueEntry, QueueEntry, QueueStorage } from './queue-storage';

/** The part of `chrome.storage.StorageArea` the queue uses. */
export type ChromeStorageArea = {
	get(keys: string | string[] | null): Promise<Record<string, unknown>>;
	set(items: Record<string, unknown>): Promise<void>;
	remove(keys: string | string[]): Promise<void>;
	getKeys?(): Promise<string[]>;
};

const PREFIX = 'aw-client-queue:';
const SEQ_DIGITS = 16;

type StoredEntry = QueueEntry & { key: string };

function wrap(err: unknown, action: string): HindsightError {
	const message = err instanceof Error ? err.message : String(err);
	const code = /quota/i.test(message) ? 'quota_exceeded' : 'storage_failed';
	return new HindsightError(code, `The request queue could not ${action}: ${message}`, undefined, {
		cause: err
	});
}

/** A `QueueStorage` over `area` (normally `chrome.storage.local`). */
export function createChromeQueueStorage(area: ChromeStorageArea): QueueStorage {
	const context = Math.random().toString(36).slice(2, 10);
	let last = 0;

	async function keysOf(queue: string): Promise<string[]> {
		const prefix = `${PREFIX}${queue}:`;
		const all = area.getKeys ? await area.getKeys() : Object.keys(await area.get(null));
		const pattern = new RegExp(`^\\d{${SEQ_DIGITS}}\\.[a-z0-9]+$`);
		return all.filter((k) => k.startsWith(prefix) && pattern.test(k.slice(prefix.length))).sort();
	}

	async function read(keys: string[]): Promise<QueueEntry[]> {
		if (keys.length === 0) return [];
		const items = await area.get(keys);
		return keys.map((k) => items[k] as StoredEntry).filter((e) => e !== undefined);
	}

	return {
		async add(entry: NewQueueEntry) {
			const seq = Math.max(Date.now() * 1000, last + 1);
			last = seq;
			const key = `${PREFIX}${entry.queue}:${String(seq).padStart(SEQ_DIGITS, '0')}.${context}`;
			const stored: StoredEntry = { ...entry, seq, key };
			await area.set({ [key]: stored }).catch((err: unknown) => {
				throw wrap(err, 'store an entry');
			});
			return seq;
		},
		async first(queue) {
			const keys = await keysOf(queue).catch((err: unknown) => {
				throw wrap(err, 'read its first entry');
			});
			const [entry] = await read(keys.slice(0, 1));
			return entry ?? null;
		},
		async remove(entry) {
			const key = (entry as Partial<StoredEntry>).key;
			if (key) await area.remove(key);
		},
		async list(queue) {
			return read(await keysOf(queue));
		}
	};
}
