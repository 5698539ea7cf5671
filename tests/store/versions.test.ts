import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { Datastore } from '../../src/store/datastore';
import { FORMAT_VERSION, SCHEMA_VERSIONS } from '../../src/store/versions';
import { at, bucket, ev, openStore, sec, starts } from './helpers';

/** The schema of the first release, frozen here: later releases must keep opening it. */
const RELEASE_1_STORES = {
	meta: 'key',
	buckets: 'id',
	heads: 'bucket',
	dirs: 'bucket',
	blocks: 'key',
	idmap: 'chunk',
	settings: 'key',
	log: '++seq'
};

/** Writes a database exactly as release 1 lays it out: one packed block and one hot event. */
async function writeRelease1(factory: IDBFactory, name: string): Promise<void> {
	const db = new Dexie(name, { indexedDB: factory, IDBKeyRange });
	db.version(1).stores(RELEASE_1_STORES);
	await db.open();
	const slots = new Int32Array(1024);
	slots[1] = 7;
	slots[2] = 7;
	await db.transaction('rw', db.tables, async () => {
		await db.table('meta').bulkPut([
			{ key: 'format', version: 1 },
			{ key: 'device', id: '0f8fad5b-d9cb-469f-a165-70867728950e' },
			{ key: 'counters', nextId: 4, nextBlock: 8 }
		]);
		await db.table('buckets').put({ ...bucket('old'), name: 'Old' });
		await db.table('heads').put({
			bucket: 'old',
			hot: [{ id: 3, timestamp: at(30), duration: sec(5), data: { app: 'b' } }],
			ref: 3,
			count: 3,
			start: at(0),
			end: at(35)
		});
		await db.table('dirs').put({
			bucket: 'old',
			keys: Float64Array.of(7),
			starts: Float64Array.of(at(0)),
			lasts: Float64Array.of(at(10)),
			ends: Float64Array.of(at(20)),
			counts: Float64Array.of(2)
		});
		await db.table('blocks').put({
			key: 7,
			bucket: 'old',
			ids: Float64Array.of(1, 2),
			starts: Float64Array.of(at(0), at(10)),
			durations: Float64Array.of(sec(5), sec(10)),
			dataIndex: Uint32Array.of(0, 0),
			data: [{ app: 'a' }]
		});
		await db.table('idmap').put({ chunk: 0, blocks: slots });
		await db.table('settings').put({ key: 'deviceName', value: 'desk' });
	});
	db.close();
}

describe('schema versions', () => {
	it('declares versions in increasing order, the first one being release 1', () => {
		expect(SCHEMA_VERSIONS[0]).toEqual({ version: 1, stores: RELEASE_1_STORES });
		const numbers = SCHEMA_VERSIONS.map((v) => v.version);
		expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
		expect(FORMAT_VERSION).toBeGreaterThanOrEqual(1);
	});

	it('opens a database made by release 1 and keeps working on its data', async () => {
		const factory = new IDBFactory();
		await writeRelease1(factory, 'release-1');
		const store = await openStore({ indexedDB: factory, name: 'release-1' });

		expect(await store.info()).toEqual({
			hostname: 'desk',
			device_id: '0f8fad5b-d9cb-469f-a165-70867728950e'
		});
		expect(await store.getBucket('old')).toMatchObject({
			name: 'Old',
			metadata: { start: at(0), end: at(35) }
		});
		expect(starts(await store.getEvents('old', {}))).toEqual([30, 10, 0]);
		expect(await store.getEvent('old', 2)).toEqual({
			id: 2,
			timestamp: at(10),
			duration: sec(10),
			data: { app: 'a' }
		});
		expect(await store.heartbeat('old', ev(36, 0, { app: 'b' }), 5)).toMatchObject({
			id: 3,
			duration: sec(6)
		});
		expect((await store.insertEvents('old', [ev(50)]))[0].id).toBe(4);
	});

	it('refuses a database written by a newer format with database_version', async () => {
		const factory = new IDBFactory();
		const first = await openStore({ indexedDB: factory, name: 'future' });
		await first.createBucket(bucket('a'));
		first.close();
		await first.whenClosed();

		const raw = new Dexie('future', { indexedDB: factory, IDBKeyRange });
		raw.version(1).stores(RELEASE_1_STORES);
		await raw.table('meta').put({ key: 'format', version: FORMAT_VERSION + 1 });
		raw.close();

		const later = new Datastore({
			indexedDB: factory,
			IDBKeyRange,
			name: 'future',
			broadcast: false,
			captureLog: false
		});
		await expect(later.open()).rejects.toMatchObject({ code: 'database_version' });
		await expect(later.listBuckets()).rejects.toMatchObject({ code: 'database_version' });
		later.close();
	});
});
