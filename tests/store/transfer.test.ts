import { afterEach, describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../src/store/types';
import { at, bucket, ev, failPuts, openStore, starts } from './helpers';

const wire = { type: 'afkstatus', client: 'aw-watcher-afk', hostname: 'laptop' };

function doc(buckets: Record<string, unknown>): unknown {
	return { buckets };
}

let undo: (() => void) | null = null;
afterEach(() => {
	undo?.();
	undo = null;
});

describe('exportBuckets', () => {
	it('exports every event newest first with ids, and bucket metadata', async () => {
		const store = await openStore({ layout: { hotMax: 1, blockMax: 2 } });
		await store.createBucket(bucket('a', { name: 'A', data: { k: 1 } }));
		await store.createBucket(bucket('b'));
		await store.insertEvents('a', [ev(1, 1, { n: 1 }), ev(3, 1, { n: 3 }), ev(2, 1, { n: 2 })]);
		const out = await store.exportBuckets();
		expect(Object.keys(out.buckets)).toEqual(['a', 'b']);
		expect(out.buckets.a).toMatchObject({
			id: 'a',
			name: 'A',
			data: { k: 1 },
			created: '2024-05-01T00:00:00Z',
			metadata: { start: '2024-05-01T00:00:01Z', end: '2024-05-01T00:00:04Z' },
			last_updated: '2024-05-01T00:00:04Z'
		});
		expect(out.buckets.a.events.map((e) => [e.id, e.timestamp, e.duration])).toEqual([
			[2, '2024-05-01T00:00:03Z', 1],
			[3, '2024-05-01T00:00:02Z', 1],
			[1, '2024-05-01T00:00:01Z', 1]
		]);
		expect(out.buckets.b.events).toEqual([]);
	});

	it('exports chosen buckets, reports progress, and refuses unknown ones', async () => {
		const store = await openStore();
		await store.createBucket(bucket('a'));
		await store.createBucket(bucket('b'));
		await store.insertEvents('b', [ev(1), ev(2)]);
		const progress: [number, number][] = [];
		const out = await store.exportBuckets(['b'], (done, total) => progress.push([done, total]));
		expect(Object.keys(out.buckets)).toEqual(['b']);
		expect(progress).toEqual([
			[0, 2],
			[2, 2]
		]);
		await expect(store.exportBuckets(['none'])).rejects.toMatchObject({ code: 'bucket_not_found' });
	});
});

describe('importDocuments', () => {
	it('round-trips an export into an empty datastore', async () => {
		const source = await openStore({ layout: { hotMax: 2, blockMax: 3 } });
		await source.createBucket(bucket('a', { name: 'A', data: { d: [1] }, created: at(-50) }));
		await source.createBucket(bucket('empty', { type: 'other' }));
		const events = [];
		for (let s = 0; s < 20; s++) events.push(ev(s * 5, 4, { app: `app${s % 4}` }));
		await source.insertEvents('a', events);
		const exported = JSON.parse(JSON.stringify(await source.exportBuckets())) as ExportDocument;

		const target = await openStore({ layout: { hotMax: 3, blockMax: 4 } });
		const summary = await target.importDocuments([exported]);
		expect(summary.buckets).toEqual([
			{ id: 'a', created: true, added: 20, duplicates: 0, invalid: 0 },
			{ id: 'empty', created: true, added: 0, duplicates: 0, invalid: 0 }
		]);
		const again = JSON.parse(JSON.stringify(await target.exportBuckets())) as ExportDocument;
		const strip = (d: ExportDocument) =>
			Object.values(d.buckets).map((b) => ({
				...b,
				events: b.events.map((e) => ({
					timestamp: e.timestamp,
					duration: e.duration,
					data: e.data
				}))
			}));
		expect(strip(again)).toEqual(strip(exported));
		expect(await target.listBuckets()).toEqual(await source.listBuckets());
	});

	it('merges into an existing bucket, skipping identical events, idempotently', async () => {
		const store = await openStore();
		await store.createBucket(bucket('a', { type: 'kept' }));
		await store.insertEvents('a', [ev(0, 10, { s: 'x' })]);
		const file = doc({
			a: {
				...wire,
				events: [
					{ timestamp: '2024-05-01T00:00:00Z', duration: 10, data: { s: 'x' } },
					{ timestamp: '2024-05-01T00:00:00Z', duration: 5, data: { s: 'x' } },
					{ timestamp: '2024-05-01T00:00:02Z', duration: 1, data: { s: 'x' } },
					{ timestamp: '2024-05-01T00:00:20Z', duration: 1, data: { s: 'y' } },
					{ timestamp: '2024-05-01T00:00:20Z', duration: 1, data: { s: 'y' } }
				]
			}
		});
		const first = await store.importDocuments([file]);
		expect(first.buckets).toEqual([
			{ id: 'a', created: false, added: 4, duplicates: 1, invalid: 0 }
		]);
		expect(await store.getBucket('a')).toMatchObject({ type: 'kept' });
		expect(starts(await store.getEvents('a', {}))).toEqual([20, 20, 2, 0, 0]);

		const second = await store.importDocuments([file]);
		expect(second.buckets).toEqual([
			{ id: 'a', created: false, added: 0, duplicates: 5, invalid: 0 }
		]);
		expect(await store.countEvents('a', {})).toBe(5);
	});

	it('imports several documents in order, each merging into what the earlier ones stored', async () => {
		const store = await openStore();
		const part = doc({ a: { ...wire, events: [{ timestamp: '2024-05-01T00:00:00Z' }] } });
		const summary = await store.importDocuments([part, part]);
		expect(summary.buckets).toEqual([
			{ id: 'a', created: true, added: 1, duplicates: 1, invalid: 0 }
		]);
		expect(await store.countEvents('a', {})).toBe(1);
	});

	it('skips and counts invalid events, gives fresh ids, and reports progress', async () => {
		const store = await openStore();
		await store.createBucket(bucket('other'));
		const [own] = await store.insertEvents('other', [ev(1)]);
		const progress: number[] = [];
		const summary = await store.importDocuments(
			[
				doc({
					a: {
						...wire,
						events: [
							{ id: own.id, timestamp: '2024-05-01T00:00:05Z' },
							{ timestamp: 'not a time' },
							{ timestamp: '2024-05-01T00:00:06Z', duration: -3 },
							{ timestamp: '2024-05-01T00:00:07Z' }
						]
					}
				})
			],
			(done, total) => {
				expect(total).toBe(4);
				progress.push(done);
			}
		);
		expect(summary.buckets[0]).toMatchObject({ added: 2, invalid: 2 });
		expect(progress[0]).toBe(0);
		expect(progress[progress.length - 1]).toBe(4);
		expect((await store.getEvents('a', {})).map((e) => e.id)).toEqual([3, 2]);
		expect(await store.getEvent('other', own.id!)).toEqual(own);
	});

	it('stores nothing when a later bucket of the import is invalid', async () => {
		const store = await openStore();
		const file = doc({
			good: { ...wire, events: [{ timestamp: '2024-05-01T00:00:00Z' }] },
			bad: { type: 'x', client: 'y' }
		});
		await expect(store.importDocuments([file])).rejects.toMatchObject({ code: 'invalid_import' });
		await expect(store.importDocuments([doc({}), 'nope'])).rejects.toMatchObject({
			code: 'invalid_import'
		});
		expect(await store.listBuckets()).toEqual([]);
	});

	it('rolls back everything when storage fails halfway through a big import', async () => {
		const store = await openStore({ layout: { hotMax: 2, blockMax: 4 } });
		await store.createBucket(bucket('a'));
		const [before] = await store.insertEvents('a', [ev(-10, 1)]);
		const events = [];
		for (let s = 0; s < 200; s++) events.push({ timestamp: new Date(at(s) / 1000).toISOString() });
		const file = doc({ a: { ...wire, events }, fresh: { ...wire, events } });

		undo = failPuts('blocks', 30, () => new DOMException('disk full', 'QuotaExceededError'));
		await expect(store.importDocuments([file])).rejects.toMatchObject({ code: 'quota_exceeded' });
		undo();
		undo = null;

		expect(await store.getEvents('a', {})).toEqual([before]);
		expect(await store.getBucket('fresh')).toBeNull();
		const [next] = await store.insertEvents('a', [ev(500)]);
		expect(next.id).toBe(before.id! + 1);
		const summary = await store.importDocuments([file]);
		expect(summary.buckets.map((b) => b.added)).toEqual([200, 200]);
		expect(await store.countEvents('fresh', {})).toBe(200);
	});

	it('clears the heartbeat reference of the buckets it touches', async () => {
		const store = await openStore();
		await store.createBucket(bucket('a'));
		await store.heartbeat('a', ev(100, 0, { s: 1 }), 10);
		await store.heartbeat('a', ev(50, 0, { s: 1 }), 10);
		await store.importDocuments([doc({ a: { ...wire, events: [{ timestamp: '2024-05-01' }] } })]);
		const out = await store.heartbeat('a', ev(105, 0, { s: 1 }), 10);
		expect(out).toMatchObject({ id: 1, timestamp: at(100) });
	});

	it('imports thousands of events over many slices and blocks, idempotently', async () => {
		const store = await openStore({ layout: { hotMax: 4, blockMax: 4 } });
		const events = [];
		for (let s = 0; s < 3000; s++) {
			events.push({ timestamp: new Date(at(s) / 1000).toISOString(), data: { n: s % 5 } });
		}
		const file = doc({ a: { ...wire, events: events.reverse() } });
		const first = await store.importDocuments([file]);
		expect(first.buckets[0]).toMatchObject({ added: 3000, duplicates: 0 });
		const second = await store.importDocuments([file]);
		expect(second.buckets[0]).toMatchObject({ added: 0, duplicates: 3000 });
		expect(await store.countEvents('a', { start: at(1000), end: at(1999) })).toBe(1000);
	});
});
