/**
 * The request queue in an IndexedDB database of its own (`aw-client-queue`), written with the
 * raw IndexedDB API (the client may not depend on Dexie). One object store, `entries`, keyed by
 * an auto-incremented `seq`, with an index on `queue`: index records with equal keys are
 * ordered by primary key, so walking the index for one queue yields its entries oldest first.
 */
import { HindsightError } from '../core/errors';
import type { NewQueueEntry, QueueEntry, QueueStorage } from './queue-storage';

export const QUEUE_DATABASE = 'aw-client-queue';
const STORE = 'entries';
const BY_QUEUE = 'queue';

function failure(error: DOMException | null, action: string): HindsightError {
	const quota = error?.name === 'QuotaExceededError';
	return new HindsightError(
		quota ? 'quota_exceeded' : 'storage_failed',
		`The request queue could not ${action}: ${error?.message ?? 'unknown IndexedDB error'}`,
		{ name: error?.name ?? null },
		{ cause: error }
	);
}

function settle<T>(request: IDBRequest<T>, action: string): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(failure(request.error, action));
	});
}

function finished(tx: IDBTransaction, action: string): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(failure(tx.error, action));
		tx.onabort = () => reject(failure(tx.error, action));
	});
}

function open(factory: IDBFactory, name: string): Promise<IDBDatabase> {
	const request = factory.open(name, 1);
	request.onupgradeneeded = () => {
		const store = request.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
		store.createIndex(BY_QUEUE, 'queue');
	};
	return settle(request, 'open its database');
}

/** A `QueueStorage` over `factory` (the `indexedDB` global, or fake-indexeddb in tests). */
export function createIndexedDbQueueStorage(
	factory: IDBFactory,
	name = QUEUE_DATABASE
): QueueStorage {
	let database: Promise<IDBDatabase> | null = null;

	function connection(): Promise<IDBDatabase> {
		database ??= open(factory, name).then((db) => {
			// Let other contexts upgrade or delete the database; reopen on the next call.
			db.onversionchange = () => forget(db);
			db.onclose = () => forget(db);
			return db;
		});
		database.catch(() => (database = null));
		return database;
	}

	function forget(db: IDBDatabase): void {
		db.close();
		database = null;
	}

	async function run<T>(
		mode: IDBTransactionMode,
		action: string,
		work: (store: IDBObjectStore) => IDBRequest<T>
	): Promise<T> {
		const tx = (await connection()).transaction(STORE, mode);
		const [result] = await Promise.all([
			settle(work(tx.objectStore(STORE)), action),
			finished(tx, action)
		]);
		return result;
	}

	return {
		async add(entry: NewQueueEntry) {
			return Number(await run('readwrite', 'store an entry', (s) => s.add(entry)));
		},
		async first(queue) {
			const cursor = await run('readonly', 'read its first entry', (s) =>
				s.index(BY_QUEUE).openCursor(queue)
			);
			return (cursor?.value as QueueEntry | undefined) ?? null;
		},
		async remove(entry) {
			await run('readwrite', 'remove an entry', (s) => s.delete(entry.seq));
		},
		async list(queue) {
			return run('readonly', 'list its entries', (s) => s.index(BY_QUEUE).getAll(queue)) as Promise<
				QueueEntry[]
			>;
		}
	};
}
