/**
 * Registering the service worker and following its versions, as a small store that any UI
 * can read: `appUpdate.subscribe(fn)` follows the Svelte store contract (fn is called at once
 * with the current state, then on every change), so a component can write `$appUpdate`.
 *
 * The service worker skips waiting and claims open pages, so a new version takes over at once
 * while pages keep running the code they loaded: once that happens the state is `update-ready`
 * and the UI should offer `reloadApp()`.
 */
import { askToBeClaimed, isServiceWorkerMessage, SERVICE_WORKER_PATH } from '../../sw/protocol';

export type AppUpdateState =
	/** No service worker in this browser or context: the app works only while online. */
	| 'unsupported'
	/** First visit: the app is being stored for offline use. */
	| 'installing'
	/** The running version is stored and serves the API; the app works offline. */
	| 'ready'
	/** A new version is being downloaded. */
	| 'updating'
	/** A new version has taken over; reload the page to run it. */
	| 'update-ready'
	/** Registration failed (see the log); the app works only while online. */
	| 'failed';

export type Readable<T> = { subscribe(run: (value: T) => void): () => void };

function initialState(): AppUpdateState {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return 'unsupported';
	return navigator.serviceWorker.controller ? 'ready' : 'installing';
}

let state = initialState();
const listeners = new Set<(value: AppUpdateState) => void>();

function set(next: AppUpdateState): void {
	if (next === state) return;
	state = next;
	for (const listener of listeners) listener(state);
}

/** The service worker's state for this page. */
export const appUpdate: Readable<AppUpdateState> = {
	subscribe(run) {
		listeners.add(run);
		run(state);
		return () => listeners.delete(run);
	}
};

let registration: Promise<ServiceWorkerRegistration | null> | null = null;

/**
 * Registers the app's service worker (once; later calls return the same promise) and starts
 * following its updates. Resolves to the registration, or null when unsupported or failed.
 */
export function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
	registration ??= register();
	return registration;
}

async function register(): Promise<ServiceWorkerRegistration | null> {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) {
		set('unsupported');
		return null;
	}
	const container = navigator.serviceWorker;
	let controlled = container.controller !== null;
	set(controlled ? 'ready' : 'installing');

	const takeOver = () => {
		set(controlled ? 'update-ready' : 'ready');
		controlled = true;
	};
	container.addEventListener('controllerchange', takeOver);
	container.addEventListener('message', (event) => {
		if (!isServiceWorkerMessage(event.data)) return;
		if (event.data.state === 'installing' && controlled) set('updating');
	});

	try {
		const found = await container.register(`/${SERVICE_WORKER_PATH}`, { scope: '/' });
		found.addEventListener('updatefound', () => {
			if (found.active) set('updating');
		});
		void askToBeClaimed(container);
		return found;
	} catch {
		set('failed');
		return null;
	}
}

/** Resolves once a service worker controls this page (API calls then reach it). */
export async function whenControlled(): Promise<void> {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	if (navigator.serviceWorker.controller) return;
	await new Promise<void>((resolve) => {
		navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
	});
}

/** Asks the browser to look for a new version now (it also does so on navigations). */
export async function checkForUpdate(): Promise<void> {
	const found = await registerServiceWorker();
	await found?.update();
}

/** Reloads the page so that it runs the version that now controls it. */
export function reloadApp(): void {
	location.reload();
}
