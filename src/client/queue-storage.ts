/**
 * Where the request queue of queued mode lives (client.md 6.1). A queue is named
 * `<client>[-testing].v1`; its entries are taken oldest first and removed only after the server
 * answered them. Three backends implement the same small contract: IndexedDB (pages and
 * workers), `chrome.storage.local` (extensions) and memory (the fallback, lost on reload).
 */
import { createLogger } from '../core/log';
import { createChromeQueueStorage, type ChromeStorageArea } from './queue-chrome';
import { createIndexedDbQueueStorage } from './queue-idb';

const log = createLogger('client');

/** One queued request: a POST of `data` (JSON) to `/api/0/<endpoint>`. */
export type QueueEntry = {
	queue: string;
	/** Order within the storage; assigned by `add`. */
	seq: number;
	/** Path under `/api/0/`, e.g. `buckets/x/heartbeat?pulsetime=60`. */
	endpoint: string;
	data: unknown;
	/** When it was queued, milliseconds since the epoch. */
	added: number;
};

export type NewQueueEntry = Omit<QueueEntry, 'seq'>;

export type QueueStorage = {
	/** Stores an entry durably; resolves to its `seq` once it is stored. */
	add(entry: NewQueueEntry): Promise<number>;
	/** The oldest entry of that queue, left in place; null when the queue is empty. */
	first(queue: string): Promise<QueueEntry | null>;
	/** Removes an entry returned by `first` or `list`; no error when it is already gone. */
	remove(entry: QueueEntry): Promise<void>;
	/** Every entry of that queue, oldest first. */
	list(queue: string): Promise<QueueEntry[]>;
};

/** A queue kept in memory only: what the library falls back to without persistent storage. */
export function createMemoryQueueStorage(): QueueStorage {
	const entries: QueueEntry[] = [];
	let next = 1;
	return {
		async add(entry) {
			const seq = next++;
			entries.push({ ...structuredClone(entry), seq });
			return seq;
		},
		async first(queue) {
			const found = entries.find((e) => e.queue === queue);
			return found ? structuredClone(found) : null;
		},
		async remove(entry) {
			const at = entries.findIndex((e) => e.seq === entry.seq);
			if (at >= 0) entries.splice(at, 1);
		},
		async list(queue) {
			return structuredClone(entries.filter((e) => e.queue === queue));
		}
	};
}

let shared: QueueStorage | null = null;

function chromeStorageArea(): ChromeStorageArea | null {
	const api = (globalThis as { chrome?: { storage?: { local?: ChromeStorageArea } } }).chrome;
	return api?.storage?.local ?? null;
}

/**
 * The context's default queue storage, made once: `chrome.storage.local` in an extension,
 * IndexedDB in a page or worker, else memory (with a warning, since it does not survive).
 */
export function defaultQueueStorage(): QueueStorage {
	if (shared) return shared;
	const area = chromeStorageArea();
	if (area) shared = createChromeQueueStorage(area);
	else if (typeof indexedDB !== 'undefined') shared = createIndexedDbQueueStorage(indexedDB);
	else {
		log.warn('no IndexedDB here: queued requests are kept in memory and lost on exit');
		shared = createMemoryQueueStorage();
	}
	return shared;
}
