/**
 * The test extension of tests/e2e/client-extension.e2e.ts: a Manifest V3 extension whose
 * background worker (client-extension-worker.ts, bundled with rolldown) runs the client
 * library in queued mode. Its host permission for every port of 127.0.0.1 lets the worker's
 * `fetch` reach a local server without CORS.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { waitFor } from './extension';

const MANIFEST = {
	manifest_version: 3,
	name: 'Hindsight client queue test',
	version: '1.0',
	background: { service_worker: 'background.js', type: 'module' },
	permissions: ['storage'],
	host_permissions: ['http://127.0.0.1/*']
};

/** Builds the test extension into a new temporary directory; returns it. */
export async function buildClientExtension(): Promise<string> {
	const { build } = await import('rolldown');
	const dir = mkdtempSync(join(tmpdir(), 'hindsight-client-extension-'));
	await build({
		input: resolve('tests/e2e/lib/client-extension-worker.ts'),
		platform: 'browser',
		logLevel: 'warn',
		output: { file: join(dir, 'background.js'), format: 'esm' }
	});
	writeFileSync(join(dir, 'manifest.json'), JSON.stringify(MANIFEST, null, '\t'));
	return dir;
}

function isBackground(worker: Worker): boolean {
	return worker.url().startsWith('chrome-extension://') && worker.url().endsWith('/background.js');
}

/**
 * The test extension's background worker, once it has run its start-up code; `resumed` tells
 * whether that started a client from a setup kept by an earlier run.
 */
export async function backgroundWorker(
	context: BrowserContext
): Promise<{ worker: Worker; resumed: boolean }> {
	const worker =
		context.serviceWorkers().find(isBackground) ??
		(await context.waitForEvent('serviceworker', { predicate: isBackground, timeout: 30_000 }));
	if (process.env.HINDSIGHT_E2E_LOGS) {
		worker.on('console', (m) => process.stdout.write(`[worker] ${m.text()}\n`));
	}
	await waitFor(
		() => worker.evaluate(() => 'queueScenarios' in globalThis),
		(ready) => ready,
		'the background worker to set up its scenarios'
	);
	const resumed = await worker.evaluate(() => globalThis.queueScenarios.resumed());
	return { worker, resumed };
}
