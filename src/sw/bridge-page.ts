/**
 * The script of bridge.html, the page the watcher extension frames to deliver events
 * (extension-bridge.md). It runs the REST router over its own datastore instance, so it answers
 * the same whether or not the service worker controls it yet, and registers the service worker
 * when none does (so the app works offline even if no app tab was ever opened).
 */
import { createApiHost } from '../api/host';
import { createBridge, type BridgeEvent } from '../api/bridge';
import { createLogger } from '../core/log';
import { runQuery } from '../core/query/run';
import { Datastore } from '../store/datastore';
import { askToBeClaimed, SERVICE_WORKER_PATH } from './protocol';

const log = createLogger('bridge');

const host = createApiHost({
	datastore: new Datastore({ broadcast: true }),
	runQuery,
	origin: location.origin
});
const bridge = createBridge({
	router: host.router,
	origin: location.origin,
	allowedOrigins: async (fresh) => (await host.settings(fresh)).bridgeOrigins
});

addEventListener('message', (event: MessageEvent) => {
	void bridge.handle(event as unknown as BridgeEvent).catch((err: unknown) => {
		log.error('bridge request failed', { error: err instanceof Error ? err.name : 'unknown' });
	});
});

/**
 * Tells the parent the bridge is ready. Where the browser names the parent's origin
 * (Chromium's `ancestorOrigins`), only an allowed parent is told; elsewhere the message, which
 * carries nothing private, goes to any parent.
 */
async function announceReady(): Promise<void> {
	if (window.parent === window) return;
	const parentOrigin = location.ancestorOrigins?.[0];
	if (parentOrigin !== undefined && !(await bridge.isAllowed(parentOrigin))) return;
	const controlled = navigator.serviceWorker?.controller != null;
	window.parent.postMessage(bridge.ready(controlled), parentOrigin ?? '*');
}

async function registerServiceWorker(): Promise<void> {
	if (!('serviceWorker' in navigator) || navigator.serviceWorker.controller) return;
	try {
		await navigator.serviceWorker.register(`/${SERVICE_WORKER_PATH}`, { scope: '/' });
		await askToBeClaimed(navigator.serviceWorker);
	} catch (err) {
		log.warn('the bridge could not register the service worker', {
			error: err instanceof Error ? err.name : 'unknown'
		});
	}
}

void host
	.settings()
	.then(announceReady)
	.catch(() => announceReady());
void registerServiceWorker();
