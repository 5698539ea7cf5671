import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createChromeQueueStorage, type ChromeStorageArea } from '../../src/client/queue-chrome';
import { createIndexedDbQueueStorage } from '../../src/client/queue-idb';
import { createMemoryQueueStorage, type QueueStorage } from '../../src/client/queue-storage';

/**
 * A stand-in for `chrome.storage.local` (Node has no extension runtime): a key-value map with
 * the same promise API; values are stored as JSON, as Chromium does.
 */
function chromeArea(): ChromeStorageArea & { items: Map<string, string> } {
	const items = new Map<string, string>();
	const pick = (keys: string[]) =>
		Object.fromEntries(keys.filter((k) => items.has(k)).map((k) => [k, JSON.parse(items.get(k)!)]));
	return {
		items,
		async get(keys) {
			if (keys === null) return pick([...items.keys()]);
			return pick(typeof keys === 'string' ? [keys] : keys);
		},
		async set(values) {
			for (const [k, v] of Object.entries(values)) items.set(k, JSON.stringify(v));
		},
		async remove(keys) {
			for (const k of typeof keys === 'string' ? [keys] : keys) items.delete(k);
		},
		async getKeys() {
			return [...items.keys()];
		}
	};
}

const backends: [string, () => QueueStorage][] = [
	['memory', () => createMemoryQueueStorage()],
	['IndexedDB', () => createIndexedDbQueueStorage(new IDBFactory())],
	['chrome.storage.local', () => createChromeQueueStorage(chromeArea())]
];

const entry = (queue: string, n: number) => ({
	queue,
	endpoint: `buckets/b/heartbeat?pulsetime=${n}`,
	data: { timestamp: `2024-05-01T09:00:0${n}Z`, duration: n, data: { n } },
	added: 1000 + n
});

describe.each(backends)('%s queue storage', (_name, make) => {
	it('gives the entries of a queue oldest first and leaves them in place', async () => {
		const storage = make();
		for (let n = 1; n <= 5; n++) await storage.add(entry('q.v1', n));
		const first = await storage.first('q.v1');
		expect(first).toMatchObject(entry('q.v1', 1));
		expect(await storage.first('q.v1')).toEqual(first);
		expect((await storage.list('q.v1')).map((e) => e.data)).toEqual(
			[1, 2, 3, 4, 5].map((n) => entry('q.v1', n).data)
		);
	});

	it('keeps queues apart', async () => {
		const storage = make();
		await storage.add(entry('a.v1', 1));
		await storage.add(entry('a-testing.v1', 2));
		await storage.add(entry('a.v1', 3));
		expect((await storage.list('a.v1')).map((e) => e.added)).toEqual([1001, 1003]);
		expect((await storage.list('a-testing.v1')).map((e) => e.added)).toEqual([1002]);
		expect(await storage.first('other.v1')).toBeNull();
	});

	it('removes exactly the entry it is given, and a second removal is harmless', async () => {
		const storage = make();
		await storage.add(entry('q.v1', 1));
		await storage.add(entry('q.v1', 2));
		const first = (await storage.first('q.v1'))!;
		await storage.remove(first);
		await storage.remove(first);
		expect((await storage.list('q.v1')).map((e) => e.added)).toEqual([1002]);
	});

	it('assigns increasing sequence numbers', async () => {
		const storage = make();
		const seqs = [];
		for (let n = 1; n <= 20; n++) seqs.push(await storage.add(entry('q.v1', n)));
		expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
		expect(new Set(seqs).size).toBe(20);
		expect((await storage.list('q.v1')).map((e) => e.seq)).toEqual(seqs);
	});

	it('keeps order for adds issued without waiting for each other', async () => {
		const storage = make();
		await Promise.all([1, 2, 3, 4].map((n) => storage.add(entry('q.v1', n))));
		expect((await storage.list('q.v1')).map((e) => e.added)).toEqual([1001, 1002, 1003, 1004]);
	});
});

describe('IndexedDB queue storage', () => {
	it('survives a reload: a new storage over the same database finds the entries', async () => {
		const factory = new IDBFactory();
		const before = createIndexedDbQueueStorage(factory);
		await before.add(entry('q.v1', 1));
		await before.add(entry('q.v1', 2));

		const after = createIndexedDbQueueStorage(factory);
		expect((await after.list('q.v1')).map((e) => e.added)).toEqual([1001, 1002]);
	});

	it('reopens its database after another context deleted it', async () => {
		const factory = new IDBFactory();
		const storage = createIndexedDbQueueStorage(factory);
		await storage.add(entry('q.v1', 1));
		await new Promise<void>((resolve, reject) => {
			const request = factory.deleteDatabase('aw-client-queue');
			request.onsuccess = () => resolve();
			request.onerror = () => reject(request.error);
		});
		expect(await storage.first('q.v1')).toBeNull();
		await storage.add(entry('q.v1', 2));
		expect((await storage.list('q.v1')).map((e) => e.added)).toEqual([1002]);
	});
});

describe('chrome.storage.local queue storage', () => {
	it('shares one queue between two contexts without losing entries', async () => {
		const area = chromeArea();
		const background = createChromeQueueStorage(area);
		const offscreen = createChromeQueueStorage(area);
		await Promise.all([background.add(entry('q.v1', 1)), offscreen.add(entry('q.v1', 2))]);
		await background.add(entry('q.v1', 3));
		const added = (await offscreen.list('q.v1')).map((e) => e.added);
		expect(added.sort()).toEqual([1001, 1002, 1003]);
	});

	it('works without getKeys (older Chromium) and ignores keys of other owners', async () => {
		const area = chromeArea();
		delete area.getKeys;
		await area.set({ outbox: [1, 2], 'aw-client-queue:q.v1:junk': 1 });
		const storage = createChromeQueueStorage(area);
		await storage.add(entry('q.v1', 1));
		expect((await storage.list('q.v1')).map((e) => e.added)).toEqual([1001]);
		await storage.remove((await storage.first('q.v1'))!);
		expect([...area.items.keys()].sort()).toEqual(['aw-client-queue:q.v1:junk', 'outbox']);
	});
});
