import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expose, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HindsightError, isHindsightError } from '../../src/core/errors';
import { setConsoleLogging } from '../../src/core/log';
import { parseInstant } from '../../src/core/model/time';
import { runQuery } from '../../src/core/query/run';
import { Datastore } from '../../src/store/datastore';
import type { ChangeNotice } from '../../src/store/types';
import { wrapWorkerApi } from '../../src/ui/platform/worker';
import type { WorkerApi } from '../../src/worker/api';
import { createWorkerService } from '../../src/worker/service';
import { registerErrorTransfer } from '../../src/worker/transfer';

setConsoleLogging(false);

const t = (text: string) => parseInstant(text);
const bucket = (id: string) => ({
	id,
	name: null,
	type: 'currentwindow',
	client: 'tests',
	hostname: 'host',
	created: t('2024-01-01T00:00:00Z'),
	data: {}
});

let counter = 0;
let datastore: Datastore;
let api: WorkerApi;

function openDatastore(): Datastore {
	return new Datastore({
		name: `worker-test-${++counter}`,
		indexedDB: new IDBFactory(),
		IDBKeyRange,
		broadcast: false
	});
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
	try {
		await promise;
	} catch (err) {
		return err;
	}
	throw new Error('expected a rejection');
}

beforeEach(() => {
	datastore = openDatastore();
	api = createWorkerService({ datastore, runQuery });
});

afterEach(() => datastore.close());

describe('WorkerApi over the datastore', () => {
	it('creates, lists, updates and deletes buckets', async () => {
		expect(await api.createBucket(bucket('a'))).toBe(true);
		expect(await api.createBucket(bucket('a'))).toBe(false);
		await api.updateBucket('a', { name: 'Renamed' });
		expect((await api.getBucket('a'))?.name).toBe('Renamed');
		expect((await api.listBuckets()).map((b) => b.id)).toEqual(['a']);
		await api.deleteBucket('a');
		expect(await api.getBucket('a')).toBeNull();
	});

	it('stores events, merges heartbeats, counts and reads ranges', async () => {
		await api.createBucket(bucket('w'));
		await api.insertEvents('w', [
			{ id: null, timestamp: t('2024-01-01T10:00:00Z'), duration: 60e6, data: { app: 'x' } }
		]);
		const first = await api.heartbeat(
			'w',
			{ id: null, timestamp: t('2024-01-01T11:00:00Z'), duration: 0, data: { app: 'y' } },
			10
		);
		const merged = await api.heartbeat(
			'w',
			{ id: null, timestamp: t('2024-01-01T11:00:05Z'), duration: 0, data: { app: 'y' } },
			10
		);
		expect(merged).toEqual({ ...first, duration: 5e6 });
		expect(await api.countEvents('w', {})).toBe(2);
		const range = { start: t('2024-01-01T10:30:00Z'), end: t('2024-01-01T12:00:00Z') };
		expect((await api.getEvents('w', range)).map((e) => e.data.app)).toEqual(['y']);
		await api.deleteEvent('w', first.id as number);
		expect(await api.countEvents('w', {})).toBe(1);
	});

	it('runs queries and fails with query_failed carrying the error kind', async () => {
		await api.createBucket(bucket('q'));
		const periods = ['2024-01-01T00:00:00Z/2024-01-02T00:00:00Z'];
		expect(await api.query({ query: ['RETURN = 1 + 1;'], timeperiods: periods })).toEqual([2]);
		const err = await rejection(api.query({ query: 'RETURN = (', timeperiods: periods }));
		expect(isHindsightError(err, 'query_failed')).toBe(true);
		expect((err as HindsightError).details).toMatchObject({ kind: 'ParsingError', line: 1 });
	});

	it('exports a JSON Blob that imports back to the same data, with progress', async () => {
		await api.createBucket(bucket('e'));
		await api.insertEvents('e', [
			{ id: null, timestamp: t('2024-01-01T10:00:00Z'), duration: 1e6, data: { n: 1 } },
			{ id: null, timestamp: t('2024-01-01T11:00:00Z'), duration: 2e6, data: { n: 2 } }
		]);
		const blob = await api.exportBuckets(undefined);
		expect(blob.type).toBe('application/json');
		const document = JSON.parse(await blob.text());
		expect(document.buckets.e.events.length).toBe(2);

		const other = openDatastore();
		const target = createWorkerService({ datastore: other, runQuery });
		const progress: [number, number][] = [];
		const summary = await target.importFile(blob, (done, total) => progress.push([done, total]));
		expect(summary.buckets).toEqual([
			{ id: 'e', created: true, added: 2, duplicates: 0, invalid: 0 }
		]);
		expect(progress.at(-1)?.[0]).toBe(progress.at(-1)?.[1]);
		expect((await target.getEvents('e', {})).map((e) => e.data.n)).toEqual([2, 1]);
		other.close();
	});

	it('refuses an import file that is not JSON with invalid_json', async () => {
		const err = await rejection(api.importFile(new Blob(['{nope'])));
		expect(isHindsightError(err, 'invalid_json')).toBe(true);
		expect((await api.listBuckets()).length).toBe(0);
	});

	it('reads and writes settings and the log', async () => {
		await api.setSetting('theme', 'dark');
		expect(await api.getSetting('theme')).toBe('dark');
		expect(await api.getSettings()).toEqual({ theme: 'dark' });
		await api.deleteSetting('theme');
		expect(await api.getSetting('theme')).toBeNull();
		expect(Array.isArray(await api.getLog(10))).toBe(true);
		expect((await api.info()).hostname).toBe('unknown');
	});

	it('calls subscribers for changes until they unsubscribe', async () => {
		const notices: ChangeNotice[] = [];
		const id = await api.subscribe((notice) => notices.push(notice));
		await api.createBucket(bucket('s'));
		await api.setSetting('k', 1);
		await expect.poll(() => notices.map((n) => n.kind)).toEqual(['bucket-created', 'settings']);
		await api.unsubscribe(id);
		await api.deleteBucket('s');
		await new Promise((r) => setTimeout(r, 20));
		expect(notices.length).toBe(2);
	});

	it('includes the Activity calls of the summary service', async () => {
		expect(typeof api.activitySummary).toBe('function');
		const day = { start: t('2024-01-01T00:00:00Z'), end: t('2024-01-02T00:00:00Z') };
		expect(await api.activityHistory?.('host', [day])).toEqual([0]);
	});

	it('turns unexpected failures into internal HindsightErrors', async () => {
		const broken = createWorkerService({
			datastore,
			runQuery: async () => {
				throw new TypeError('boom');
			}
		});
		const err = await rejection(broken.query({ query: 'RETURN = 1;', timeperiods: [] }));
		expect(isHindsightError(err, 'internal')).toBe(true);
		expect((err as Error).message).toBe('boom');
	});
});

describe('WorkerApi through Comlink over a MessageChannel', () => {
	it('keeps error codes and details, passes Blobs and proxies callbacks', async () => {
		registerErrorTransfer();
		const { port1, port2 } = new MessageChannel();
		expose(api, nodeEndpoint(port1 as never));
		const remote = wrapWorkerApi(wrap<WorkerApi>(nodeEndpoint(port2 as never)));

		await remote.createBucket(bucket('c'));
		const missing = await rejection(remote.getEvents('nope', {}));
		expect(missing).toBeInstanceOf(HindsightError);
		expect((missing as HindsightError).code).toBe('bucket_not_found');

		const badQuery = await rejection(
			remote.query({
				query: 'RETURN = x;',
				timeperiods: ['2024-01-01T00:00:00Z/2024-01-02T00:00:00Z']
			})
		);
		expect((badQuery as HindsightError).code).toBe('query_failed');
		expect((badQuery as HindsightError).details?.kind).toBe('VariableNotDefined');

		const notices: ChangeNotice[] = [];
		const id = await remote.subscribe((notice) => notices.push(notice));
		await remote.insertEvents('c', [
			{ id: null, timestamp: t('2024-01-01T00:00:00Z'), duration: 0, data: {} }
		]);
		await expect.poll(() => notices.length).toBeGreaterThan(0);
		expect(notices[0]).toMatchObject({ kind: 'events', bucketId: 'c' });
		await remote.unsubscribe(id);

		const progress: number[] = [];
		const blob = await remote.exportBuckets(['c'], (done) => progress.push(done));
		expect(blob).toBeInstanceOf(Blob);
		expect(Object.keys(JSON.parse(await blob.text()).buckets)).toEqual(['c']);

		port1.close();
		port2.close();
	});
});
