import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange, forceCloseDatabase } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { HindsightError } from '../../src/core/errors';
import { Datastore } from '../../src/store/datastore';
import { storageError } from '../../src/store/errors';
import { bucket, ev, failPuts, openStore } from './helpers';

const named = (name: string, message = 'x', extra: Record<string, unknown> = {}) =>
	Object.assign(new Error(message), { name }, extra);

describe('storageError', () => {
	it('maps Dexie and IndexedDB error names to project codes with advice', () => {
		const cases: [Error, string][] = [
			[new DOMException('full', 'QuotaExceededError'), 'quota_exceeded'],
			[new Dexie.DatabaseClosedError(), 'database_closed'],
			[named('VersionError'), 'database_version'],
			[named('VersionChangeError'), 'database_version'],
			[named('ConstraintError'), 'storage_failed'],
			[named('AbortError'), 'storage_failed'],
			[named('TransactionInactiveError'), 'storage_failed'],
			[named('UnknownError'), 'storage_failed'],
			[named('MissingAPIError'), 'storage_failed']
		];
		for (const [err, code] of cases) {
			const mapped = storageError(err, 'storing events');
			expect(mapped.code, err.name).toBe(code);
			expect(mapped.details).toMatchObject({ action: 'storing events', name: err.name });
		}
		expect(storageError(named('QuotaExceededError'), 'x').message).toMatch(/export/i);
		expect(storageError(named('DatabaseClosedError'), 'x').message).toMatch(/reload/i);
	});

	it('looks through wrapping errors to their cause', () => {
		const quota = new DOMException('full', 'QuotaExceededError');
		expect(storageError(new Dexie.AbortError('aborted', quota), 'x').code).toBe('quota_exceeded');
		expect(storageError(new Dexie.OpenFailedError(named('VersionError')), 'x').code).toBe(
			'database_version'
		);
		const bulk = new Dexie.BulkError('bulk failed', { 3: quota } as never);
		expect(storageError(bulk, 'x').code).toBe('quota_exceeded');
		expect(storageError(new Dexie.AbortError('aborted', named('Other')), 'x').code).toBe(
			'storage_failed'
		);
	});

	it('passes HindsightErrors through and turns bugs into internal', () => {
		const own = new HindsightError('bucket_not_found', 'no');
		expect(storageError(own, 'x')).toBe(own);
		expect(storageError(new TypeError('bug'), 'x').code).toBe('internal');
		expect(storageError('text', 'x').code).toBe('internal');
	});
});

let undo: (() => void) | null = null;
afterEach(() => {
	undo?.();
	undo = null;
});

describe('failures of a datastore', () => {
	it('rolls back a failed write and reports quota_exceeded', async () => {
		const store = await openStore({ layout: { hotMax: 2, blockMax: 2 } });
		await store.createBucket(bucket('a'));
		await store.insertEvents('a', [ev(1)]);
		undo = failPuts('heads', 0, () => new DOMException('full', 'QuotaExceededError'));
		await expect(store.insertEvents('a', [ev(2), ev(3), ev(4)])).rejects.toMatchObject({
			code: 'quota_exceeded'
		});
		await expect(store.heartbeat('a', ev(5), 1)).rejects.toMatchObject({ code: 'quota_exceeded' });
		undo();
		undo = null;
		expect(await store.countEvents('a', {})).toBe(1);
		expect((await store.insertEvents('a', [ev(6)]))[0].id).toBe(2);
	});

	it('reports database_closed when the browser closes the connection', async () => {
		const factory = new IDBFactory();
		const connections: IDBDatabase[] = [];
		const open = factory.open.bind(factory);
		factory.open = (name: string, version?: number) => {
			const request = open(name, version);
			request.addEventListener('success', () => connections.push(request.result));
			return request;
		};
		const store = await openStore({ indexedDB: factory });
		await store.createBucket(bucket('a'));
		for (const connection of connections) forceCloseDatabase(connection as never);
		await expect(store.listBuckets()).rejects.toMatchObject({ code: 'database_closed' });
	});

	it('closes and answers database_version once another context upgrades the database', async () => {
		const factory = new IDBFactory();
		const store = await openStore({ indexedDB: factory, name: 'shared' });
		await store.createBucket(bucket('a'));
		await new Promise<void>((resolve, reject) => {
			const request = factory.open('shared', 1000);
			request.onsuccess = () => {
				request.result.close();
				resolve();
			};
			request.onerror = () => reject(request.error);
		});
		await expect(store.listBuckets()).rejects.toMatchObject({ code: 'database_version' });
	});

	it('gives up with database_blocked when an old connection never lets the upgrade run', async () => {
		const factory = new IDBFactory();
		await new Promise<void>((resolve) => {
			const request = factory.open('held', 1);
			request.onsuccess = () => {
				request.result.onversionchange = () => {};
				resolve();
			};
		});
		const store = new Datastore({
			indexedDB: factory,
			IDBKeyRange,
			name: 'held',
			broadcast: false,
			captureLog: false,
			blockedTimeoutMs: 50
		});
		await expect(store.open()).rejects.toMatchObject({ code: 'database_blocked' });
		store.close();
	});
});
