/**
 * The dashboard's dedicated worker: opens the datastore (with change broadcast, so writes here
 * reach the service worker and other tabs, and theirs reach this worker's subscribers) and
 * exposes WorkerApi through Comlink. The UI creates it through src/ui/platform only.
 */
/// <reference lib="webworker" />
import { expose } from 'comlink';
import { runQuery } from '../core/query/run';
import { Datastore } from '../store/datastore';
import { createWorkerService } from './service';
import { registerErrorTransfer } from './transfer';

declare const self: DedicatedWorkerGlobalScope;

if (
	typeof DedicatedWorkerGlobalScope === 'undefined' ||
	!(self instanceof DedicatedWorkerGlobalScope)
) {
	throw new Error('src/worker/worker.ts must run in a dedicated worker');
}

registerErrorTransfer();
const datastore = new Datastore({ broadcast: true });
expose(createWorkerService({ datastore, runQuery }), self);
