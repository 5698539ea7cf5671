/**
 * The implementation of WorkerApi over a datastore and the query engine: what the worker
 * entry exposes through Comlink, and what tests call directly. Each method is one user intent
 * and passes plain data; exports come back as a JSON Blob, imports are read from one.
 *
 * Failures reach the caller as HindsightErrors; anything else is logged once here and becomes
 * `internal`.
 */
import { releaseProxy } from 'comlink';
import { isHindsightError, toHindsightError } from '../core/errors';
import { parseJson } from '../core/model/json';
import { createLogger } from '../core/log';
import type { QueryRequest } from '../core/query/run';
import type { EventSource } from '../core/query/source';
import type { ChangeNotice, DatastoreApi } from '../store/types';
import type { WorkerApi } from './api';
import { createSummaryApi } from './summary';

const log = createLogger('worker');

/** Runs a query request over a source (the engine's `runQuery`). */
export type QueryRunner = (request: QueryRequest, source: EventSource) => Promise<unknown[]>;

export type WorkerServiceOptions = {
	datastore: DatastoreApi;
	runQuery: QueryRunner;
};

/** Reads an export file into its JSON document; `invalid_json` when it is not JSON. */
async function readExportFile(file: Blob): Promise<unknown> {
	return parseJson(await file.text(), 'import file');
}

function subscriptions(datastore: DatastoreApi) {
	const active = new Map<number, () => void>();
	let nextId = 1;

	const subscribe = async (listener: (notice: ChangeNotice) => void) => {
		const id = nextId++;
		const stop = datastore.onChange((notice) => {
			// A listener in a closed page rejects; drop it rather than fail every later change.
			Promise.resolve(listener(notice)).catch(() => unsubscribe(id));
		});
		active.set(id, () => {
			stop();
			// A Comlink proxy of a page's function holds a port open until released.
			(listener as { [releaseProxy]?: () => void })[releaseProxy]?.();
		});
		return id;
	};
	const unsubscribe = async (id: number) => {
		active.get(id)?.();
		active.delete(id);
	};
	return { subscribe, unsubscribe };
}

/** Builds the worker's API object. */
export function createWorkerService({ datastore, runQuery }: WorkerServiceOptions): WorkerApi {
	const api: WorkerApi = {
		info: () => datastore.info(),

		listBuckets: () => datastore.listBuckets(),
		getBucket: (id) => datastore.getBucket(id),
		createBucket: (bucket) => datastore.createBucket(bucket),
		updateBucket: (id, patch) => datastore.updateBucket(id, patch),
		deleteBucket: (id) => datastore.deleteBucket(id),
		countEvents: (bucketId, range) => datastore.countEvents(bucketId, range),

		getEvents: (bucketId, range) => datastore.getEvents(bucketId, range),
		insertEvents: (bucketId, events) => datastore.insertEvents(bucketId, events),
		deleteEvent: (bucketId, eventId) => datastore.deleteEvent(bucketId, eventId),
		heartbeat: (bucketId, event, pulsetime) => datastore.heartbeat(bucketId, event, pulsetime),

		query: (request) => runQuery(request, datastore),

		async exportBuckets(ids, onProgress) {
			const document = await datastore.exportBuckets(ids, onProgress);
			return new Blob([JSON.stringify(document)], { type: 'application/json' });
		},
		async importFile(file, onProgress) {
			return datastore.importDocuments([await readExportFile(file)], onProgress);
		},

		getSettings: () => datastore.getSettings(),
		getSetting: (key) => datastore.getSetting(key),
		setSetting: (key, value) => datastore.setSetting(key, value),
		deleteSetting: (key) => datastore.deleteSetting(key),

		getLog: (limit) => datastore.getLog(limit),

		...subscriptions(datastore),
		...createSummaryApi({ datastore, runQuery })
	};
	return withErrorBoundary(api);
}

/** Wraps every method so that only HindsightErrors leave the worker; others are logged once. */
function withErrorBoundary(api: WorkerApi): WorkerApi {
	const wrapped = {} as Record<string, unknown>;
	for (const [name, method] of Object.entries(api) as [string, (...a: unknown[]) => unknown][]) {
		wrapped[name] = async (...args: unknown[]) => {
			try {
				return await method(...args);
			} catch (err) {
				if (!isHindsightError(err)) log.error('worker call failed', { method: name });
				throw toHindsightError(err);
			}
		};
	}
	return wrapped as WorkerApi;
}
