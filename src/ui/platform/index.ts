/**
 * The UI's platform layer: the only module through which components reach the dedicated
 * worker (`getWorker`) and the service worker (`registerServiceWorker`, `appUpdate`,
 * `reloadApp`). Components never create workers or touch `navigator.serviceWorker` themselves.
 */
export { getWorker, wrapWorkerApi } from './worker';
export {
	appUpdate,
	checkForUpdate,
	registerServiceWorker,
	reloadApp,
	whenControlled,
	type AppUpdateState,
	type Readable
} from './updates';
export type { WorkerApi, QueryRequest } from '../../worker/api';
