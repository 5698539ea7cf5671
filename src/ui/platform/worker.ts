/**
 * The dashboard's one way to its dedicated worker. `getWorker()` starts the worker on first
 * use and returns a WorkerApi whose methods are Comlink calls: function arguments (progress
 * callbacks, change listeners) are wrapped in `Comlink.proxy` here, so callers pass plain
 * functions, and HindsightErrors arrive with code and details intact.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { WorkerApi } from '../../worker/api';
import { registerErrorTransfer } from '../../worker/transfer';

/** Every WorkerApi method; the type makes a method missing here a compile error. */
const METHODS: Record<keyof WorkerApi, true> = {
	info: true,
	listBuckets: true,
	getBucket: true,
	createBucket: true,
	updateBucket: true,
	deleteBucket: true,
	countEvents: true,
	getEvents: true,
	insertEvents: true,
	deleteEvent: true,
	heartbeat: true,
	query: true,
	exportBuckets: true,
	importFile: true,
	getSettings: true,
	getSetting: true,
	setSetting: true,
	deleteSetting: true,
	getLog: true,
	subscribe: true,
	unsubscribe: true,
	activitySummary: true,
	activityHistory: true
};

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/** A WorkerApi over a Comlink remote, proxying function arguments. */
export function wrapWorkerApi(remote: Remote<WorkerApi>): WorkerApi {
	const calls = remote as unknown as Record<string, AnyMethod>;
	const api: Record<string, AnyMethod> = {};
	for (const name of Object.keys(METHODS)) {
		api[name] = (...args) =>
			calls[name](...args.map((arg) => (typeof arg === 'function' ? proxy(arg) : arg)));
	}
	return api as unknown as WorkerApi;
}

let worker: WorkerApi | null = null;

/** The dashboard's worker, started on first call. */
export function getWorker(): WorkerApi {
	if (worker) return worker;
	registerErrorTransfer();
	const handle = new Worker(new URL('../../worker/worker.ts', import.meta.url), {
		type: 'module',
		name: 'hindsight'
	});
	worker = wrapWorkerApi(wrap<WorkerApi>(handle));
	return worker;
}
