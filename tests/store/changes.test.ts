import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BROADCAST_INTERVAL_MS, CHANGE_CHANNEL, isChangeMessage } from '../../src/store/changes';
import type { ChangeNotice } from '../../src/store/types';
import { at, bucket, ev, openStore, openTwin } from './helpers';

function nextMessage(channel: BroadcastChannel): Promise<unknown> {
	return new Promise((resolve) => {
		channel.onmessage = (message) => resolve(message.data);
	});
}

describe('change notices', () => {
	it('tell local listeners about each committed write with the span it touched', async () => {
		const store = await openStore();
		const notices: ChangeNotice[] = [];
		const stop = store.onChange((n) => notices.push(n));
		await store.createBucket(bucket('a'));
		await store.insertEvents('a', [ev(10, 5), ev(2, 1)]);
		await store.heartbeat('a', ev(20, 0, { x: 1 }), 1);
		const [e] = await store.getEvents('a', { limit: 1 });
		await store.deleteEvent('a', e.id!);
		await store.deleteEvent('a', 999);
		await store.updateBucket('a', { name: 'n' });
		await store.setSetting('k', 1);
		await store.deleteSetting('k');
		await store.importDocuments([
			{
				buckets: {
					a: { type: 't', client: 'c', hostname: 'h', events: [{ timestamp: '2024-05-02' }] }
				}
			}
		]);
		await store.deleteBucket('a');
		stop();
		await store.createBucket(bucket('b'));

		expect(notices).toEqual([
			{ kind: 'bucket-created', bucketId: 'a' },
			{ kind: 'events', bucketId: 'a', start: at(2), end: at(15) },
			{ kind: 'events', bucketId: 'a', start: at(20), end: at(20) },
			{ kind: 'events', bucketId: 'a', start: at(20), end: at(20) },
			{ kind: 'bucket-updated', bucketId: 'a' },
			{ kind: 'settings', key: 'k' },
			{ kind: 'settings', key: 'k' },
			{ kind: 'import', bucketId: 'a', start: at(86_400), end: at(86_400) },
			{ kind: 'bucket-deleted', bucketId: 'a' }
		]);
	});

	it('sends nothing for a failed write', async () => {
		const store = await openStore();
		const notices: ChangeNotice[] = [];
		store.onChange((n) => notices.push(n));
		await expect(store.insertEvents('none', [ev(1)])).rejects.toThrow();
		expect(notices).toEqual([]);
	});

	it('broadcast to other contexts of the same database on the change channel', async () => {
		const factory = new IDBFactory();
		const one = await openStore({ indexedDB: factory, name: 'shared', broadcast: true });
		const two = await openTwin(factory, { name: 'shared', broadcast: true });
		const elsewhere = await openStore({ name: 'other', broadcast: true });
		const heard: ChangeNotice[] = [];
		const unrelated: ChangeNotice[] = [];
		two.onChange((n) => heard.push(n));
		elsewhere.onChange((n) => unrelated.push(n));
		const page = new BroadcastChannel(CHANGE_CHANNEL);
		const message = nextMessage(page);

		await one.createBucket(bucket('a'));
		const data = await message;
		page.close();
		expect(isChangeMessage(data)).toBe(true);
		expect(data).toEqual({
			type: 'hindsight-change',
			database: 'shared',
			notice: { kind: 'bucket-created', bucketId: 'a' }
		});
		await expect.poll(() => heard).toEqual([{ kind: 'bucket-created', bucketId: 'a' }]);
		expect(unrelated).toEqual([]);
	});

	it('post a burst of event notices of a bucket as the first at once and the rest merged', async () => {
		const store = await openStore({ name: 'burst', broadcast: true });
		await store.createBucket(bucket('a'));
		await store.createBucket(bucket('b'));
		const local: ChangeNotice[] = [];
		store.onChange((n) => local.push(n));
		const page = new BroadcastChannel(CHANGE_CHANNEL);
		const posted: ChangeNotice[] = [];
		page.onmessage = (message) => {
			if (isChangeMessage(message.data) && message.data.database === 'burst') {
				posted.push(message.data.notice);
			}
		};

		for (let s = 0; s < 4; s++) await store.insertEvents('a', [ev(10 * s, 1)]);
		await store.insertEvents('b', [ev(500)]);
		await store.heartbeat('a', ev(100, 2, { x: 1 }), 1);
		await expect.poll(() => posted.length).toBe(3);
		await store.updateBucket('b', { name: 'B' });
		await expect.poll(() => posted.length).toBe(4);
		await new Promise((resolve) => setTimeout(resolve, BROADCAST_INTERVAL_MS * 2));
		page.close();

		expect(local).toHaveLength(7);
		expect(posted).toEqual([
			{ kind: 'events', bucketId: 'a', start: at(0), end: at(1) },
			{ kind: 'events', bucketId: 'b', start: at(500), end: at(500) },
			{ kind: 'events', bucketId: 'a', start: at(10), end: at(102) },
			{ kind: 'bucket-updated', bucketId: 'b' }
		]);
	});

	it('post pending merged notices before any other notice and on close', async () => {
		const store = await openStore({ name: 'order', broadcast: true });
		await store.createBucket(bucket('a'));
		const page = new BroadcastChannel(CHANGE_CHANNEL);
		const posted: ChangeNotice[] = [];
		page.onmessage = (message) => {
			if (isChangeMessage(message.data) && message.data.database === 'order') {
				posted.push(message.data.notice);
			}
		};
		await store.insertEvents('a', [ev(1)]);
		await store.insertEvents('a', [ev(2)]);
		await store.deleteBucket('a');
		await store.createBucket(bucket('a'));
		await store.insertEvents('a', [ev(3)]);
		await store.insertEvents('a', [ev(4)]);
		store.close();
		await store.whenClosed();
		await expect.poll(() => posted.length).toBe(6);
		page.close();
		expect(posted.map((n) => [n.kind, n.start])).toEqual([
			['events', at(1)],
			['events', at(2)],
			['bucket-deleted', undefined],
			['bucket-created', undefined],
			['events', at(3)],
			['events', at(4)]
		]);
	});
});
