import { describe, expect, it } from 'vitest';
import { at, bucket, ev, openStore, sec } from './helpers';

describe('buckets', () => {
	it('creates a bucket once; a second create changes nothing and answers false', async () => {
		const store = await openStore();
		expect(await store.createBucket(bucket('w', { name: 'Window', data: { k: 1 } }))).toBe(true);
		expect(await store.createBucket(bucket('w', { type: 'other' }))).toBe(false);
		expect(await store.getBucket('w')).toEqual({
			...bucket('w', { name: 'Window', data: { k: 1 } }),
			metadata: { start: null, end: null }
		});
	});

	it('creates a bucket with initial events, ignoring their ids', async () => {
		const store = await openStore();
		await store.createBucket(bucket('w'), [ev(10, 5, {}, 99), ev(0, 1)]);
		const events = await store.getEvents('w', {});
		expect(events.map((e) => e.id)).toEqual([1, 2]);
		expect((await store.getBucket('w'))?.metadata).toEqual({ start: at(0), end: at(15) });
	});

	it('lists every bucket with metadata that follows its events', async () => {
		const store = await openStore();
		await store.createBucket(bucket('a'));
		await store.createBucket(bucket('b'));
		await store.insertEvents('a', [ev(5, 10), ev(1, 1)]);
		const list = await store.listBuckets();
		expect(list.map((b) => [b.id, b.metadata])).toEqual([
			['a', { start: at(1), end: at(15) }],
			['b', { start: null, end: null }]
		]);
	});

	it('updates only the given fields and keeps the events', async () => {
		const store = await openStore();
		await store.createBucket(bucket('a', { name: 'old' }));
		await store.insertEvents('a', [ev(1)]);
		await store.updateBucket('a', { name: 'new', data: { x: true } });
		expect(await store.getBucket('a')).toMatchObject({
			name: 'new',
			type: 'currentwindow',
			data: { x: true },
			metadata: { start: at(1), end: at(1) }
		});
		await store.updateBucket('a', { name: null, hostname: 'other' });
		expect(await store.getBucket('a')).toMatchObject({ name: null, hostname: 'other' });
	});

	it('refuses malformed buckets and patches, and unknown buckets', async () => {
		const store = await openStore();
		await store.createBucket(bucket('a'));
		await expect(store.createBucket(bucket(''))).rejects.toMatchObject({ code: 'invalid_bucket' });
		await expect(store.createBucket({ ...bucket('x'), type: 3 as never })).rejects.toMatchObject({
			code: 'invalid_bucket',
			details: { field: 'type' }
		});
		await expect(store.updateBucket('a', { data: [] as never })).rejects.toMatchObject({
			code: 'invalid_bucket'
		});
		await expect(store.updateBucket('none', { name: 'x' })).rejects.toMatchObject({
			code: 'bucket_not_found'
		});
		expect(await store.getBucket('x')).toBeNull();
	});

	it('deletes a bucket with all its events, hot and packed', async () => {
		const store = await openStore({ layout: { hotMax: 2, blockMax: 2 } });
		await store.createBucket(bucket('a'));
		await store.createBucket(bucket('b'));
		const gone = await store.insertEvents('a', [
			ev(1),
			ev(2),
			ev(3),
			ev(4),
			ev(5),
			ev(6, 0, {}, 60)
		]);
		const [kept] = await store.insertEvents('b', [ev(7, 1)]);
		await store.deleteBucket('a');
		expect(await store.getBucket('a')).toBeNull();
		await expect(store.getEvents('a', {})).rejects.toMatchObject({ code: 'bucket_not_found' });
		await expect(store.deleteBucket('a')).rejects.toMatchObject({ code: 'bucket_not_found' });

		await store.createBucket(bucket('a'));
		expect(await store.getEvents('a', {})).toEqual([]);
		expect(await store.getEvent('a', gone[0].id!)).toBeNull();
		const reused = await store.insertEvents('a', [ev(1, 0, {}, gone[1].id)]);
		expect(reused[0].id).toBe(gone[1].id);
		expect(await store.getEvents('b', {})).toEqual([kept]);
		expect(kept.duration).toBe(sec(1));
	});
});
