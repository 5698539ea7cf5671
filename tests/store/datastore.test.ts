import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { at, bucket, ev, openStore, openTwin, sec, starts } from './helpers';

describe('two datastores on one database', () => {
	it('merge concurrent heartbeats from both into one event, nothing lost or doubled', async () => {
		const factory = new IDBFactory();
		const one = await openStore({ indexedDB: factory, layout: { hotMax: 3, blockMax: 4 } });
		const two = await openTwin(factory, { layout: { hotMax: 3, blockMax: 4 } });
		await one.createBucket(bucket('w'));
		const first = await one.heartbeat('w', ev(0, 0, { app: 'x' }), 100);

		const beats = [];
		for (let s = 1; s <= 40; s++) {
			const store = s % 2 ? one : two;
			beats.push(store.heartbeat('w', ev(s, 0, { app: 'x' }), 100));
		}
		const results = await Promise.all(beats);
		expect(new Set(results.map((e) => e.id))).toEqual(new Set([first.id]));
		expect(await two.getEvents('w', {})).toEqual([{ ...first, duration: sec(40) }]);
	});

	it('give concurrent new events distinct ids and keep every one of them', async () => {
		const factory = new IDBFactory();
		const one = await openStore({ indexedDB: factory, layout: { hotMax: 3, blockMax: 4 } });
		const two = await openTwin(factory, { layout: { hotMax: 3, blockMax: 4 } });
		await one.createBucket(bucket('w'));
		await two.createBucket(bucket('other'));

		const writes = [];
		for (let i = 0; i < 15; i++) {
			writes.push(one.heartbeat('w', ev(i * 2, 1, { n: i, from: 'one' }), 0));
			writes.push(two.heartbeat('w', ev(i * 2 + 1, 1, { n: i, from: 'two' }), 0));
			writes.push(two.insertEvents('w', [ev(100 + i), ev(200 + i)]));
			writes.push(one.insertEvents('other', [ev(i)]));
		}
		await Promise.all(writes);

		const events = await one.getEvents('w', {});
		expect(events).toHaveLength(60);
		const other = await two.getEvents('other', {});
		expect(other).toHaveLength(15);
		const all = [...events, ...other].map((e) => e.id);
		expect(new Set(all).size).toBe(75);
		expect(Math.max(...(all as number[]))).toBe(75);
		expect(await two.countEvents('w', {})).toBe(60);
	});

	it.each([
		['two lean', true],
		['a lean and a Dexie', false]
	])(
		'%s datastores keep concurrent bursts of heartbeats and inserts whole',
		async (_name, lean) => {
			const factory = new IDBFactory();
			const layout = { hotMax: 3, blockMax: 4 };
			const one = await openStore({ indexedDB: factory, layout });
			const two = await openTwin(factory, { layout, leanHeartbeats: lean });
			await one.createBucket(bucket('w'));
			const first = await two.heartbeat('w', ev(0, 0, { app: 'x' }), 100);

			const merging = [];
			for (let s = 1; s <= 30; s++) {
				merging.push((s % 3 ? one : two).heartbeat('w', ev(s, 0, { app: 'x' }), 100));
			}
			const merged = await Promise.all(merging);
			expect(new Set(merged.map((e) => e.id))).toEqual(new Set([first.id]));
			expect(await one.getEvents('w', {})).toEqual([{ ...first, duration: sec(30) }]);

			const fresh = [];
			for (let i = 0; i < 20; i++) {
				fresh.push(one.heartbeat('w', ev(100 + i * 4, 1, { from: 'one', n: i }), 0));
				fresh.push(two.heartbeat('w', ev(102 + i * 4, 1, { from: 'two', n: i }), 0));
				if (i % 5 === 0) fresh.push(two.insertEvents('w', [ev(1000 + i)]));
			}
			await Promise.all(fresh);
			const events = await two.getEvents('w', {});
			expect(events).toHaveLength(45);
			expect(new Set(events.map((e) => e.id)).size).toBe(45);
			expect(Math.max(...events.map((e) => e.id!))).toBe(45);
			expect(await one.countEvents('w', {})).toBe(45);
		}
	);

	it('never merge into a head one of them knew before the other wrote', async () => {
		const factory = new IDBFactory();
		const one = await openStore({ indexedDB: factory });
		const two = await openTwin(factory);
		await one.createBucket(bucket('w'));
		await one.heartbeat('w', ev(0, 0, { app: 'x' }), 100);
		await one.heartbeat('w', ev(1, 0, { app: 'x' }), 100);
		await two.heartbeat('w', ev(2, 0, { app: 'y' }), 100);
		await two.heartbeat('w', ev(3, 0, { app: 'y' }), 100);

		expect(await one.heartbeat('w', ev(4, 0, { app: 'x' }), 100)).toMatchObject({ id: 3 });
		expect(await one.heartbeat('w', ev(5, 0, { app: 'x' }), 100)).toMatchObject({ id: 3 });
		expect(await two.heartbeat('w', ev(6, 0, { app: 'x' }), 100)).toMatchObject({ id: 3 });
		expect(await two.getEvents('w', {})).toEqual([
			{ id: 3, timestamp: at(4), duration: sec(2), data: { app: 'x' } },
			{ id: 2, timestamp: at(2), duration: sec(1), data: { app: 'y' } },
			{ id: 1, timestamp: at(0), duration: sec(1), data: { app: 'x' } }
		]);
	});

	it('see each other’s writes in the heartbeat reference', async () => {
		const factory = new IDBFactory();
		const one = await openStore({ indexedDB: factory });
		const two = await openTwin(factory);
		await one.createBucket(bucket('w'));
		await one.heartbeat('w', ev(100, 0, { s: 1 }), 10);
		const older = await one.heartbeat('w', ev(50, 0, { s: 1 }), 10);

		expect(await two.heartbeat('w', ev(52, 0, { s: 1 }), 10)).toMatchObject({ id: older.id });
		await two.deleteEvent('w', older.id!);
		const out = await one.heartbeat('w', ev(104, 0, { s: 1 }), 10);
		expect(out).toMatchObject({ id: 1, timestamp: at(100) });
		expect(starts(await two.getEvents('w', {}))).toEqual([100]);
	});
});

describe('info', () => {
	it('names the device after the deviceName setting and keeps one device id', async () => {
		const factory = new IDBFactory();
		const store = await openStore({ indexedDB: factory });
		const info = await store.info();
		expect(info.hostname).toBe('unknown');
		expect(info.device_id).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
		);

		await store.setSetting('deviceName', 'laptop');
		expect(await store.info()).toEqual({ hostname: 'laptop', device_id: info.device_id });
		await store.setSetting('deviceName', 42);
		expect((await store.info()).hostname).toBe('unknown');

		const twin = await openTwin(factory);
		expect((await twin.info()).device_id).toBe(info.device_id);
		const other = await openStore();
		expect((await other.info()).device_id).not.toBe(info.device_id);
	});
});

describe('close', () => {
	it('refuses calls after close with database_closed', async () => {
		const store = await openStore();
		store.close();
		await expect(store.listBuckets()).rejects.toMatchObject({ code: 'database_closed' });
		await store.whenClosed();
	});

	it('opens lazily on first use', async () => {
		const { Datastore } = await import('../../src/store/datastore');
		const { IDBKeyRange } = await import('fake-indexeddb');
		const store = new Datastore({
			indexedDB: new IDBFactory(),
			IDBKeyRange,
			broadcast: false,
			captureLog: false
		});
		expect(await store.listBuckets()).toEqual([]);
		store.close();
		await store.whenClosed();
	});
});
