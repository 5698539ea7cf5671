/**
 * Browser side of bench/api.bench.ts: each function stores `count` merging heartbeats one
 * after another and resolves to the milliseconds it took. `benchServiceWorker` uses `fetch` to
 * the service worker, `benchWorker` the dashboard worker through the platform module (Comlink),
 * `benchProbe` one of the probes of probe-worker.ts.
 */
import { getWorker } from '../../src/ui/platform';
import type { Probe } from './probe-worker';

const START = Date.parse('2024-05-01T00:00:00Z');
const BUCKET = { type: 'currentwindow', client: 'bench', hostname: 'bench' };

let sequence = 0;

async function benchServiceWorker(count: number): Promise<number> {
	await fetch('/api/0/buckets/bench-sw', { method: 'POST', body: JSON.stringify(BUCKET) });
	const started = performance.now();
	for (let i = 0; i < count; i++) {
		const timestamp = new Date(START + sequence++ * 1000).toISOString();
		const response = await fetch('/api/0/buckets/bench-sw/heartbeat?pulsetime=60', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ timestamp, duration: 0, data: { app: 'a' } })
		});
		if (response.status !== 200) throw new Error(`heartbeat answered ${response.status}`);
		await response.text();
	}
	return performance.now() - started;
}

async function benchWorker(count: number): Promise<number> {
	const api = getWorker();
	await api.createBucket({ id: 'bench-worker', name: null, created: 0, data: {}, ...BUCKET });
	const started = performance.now();
	for (let i = 0; i < count; i++) {
		const timestamp = (START + sequence++ * 1000) * 1000;
		await api.heartbeat(
			'bench-worker',
			{ id: null, timestamp, duration: 0, data: { app: 'a' } },
			60
		);
	}
	return performance.now() - started;
}

let probes: Worker | null = null;

function benchProbe(probe: Probe, count: number): Promise<number> {
	probes ??= new Worker(new URL('./probe-worker.ts', import.meta.url), { type: 'module' });
	const worker = probes;
	return new Promise((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<{ ms?: number; error?: string }>) => {
			if (event.data.error !== undefined) reject(new Error(event.data.error));
			else resolve(event.data.ms as number);
		};
		worker.postMessage({ probe, count });
	});
}

Object.assign(window, { benchServiceWorker, benchWorker, benchProbe });
