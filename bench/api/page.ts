/**
 * Browser side of bench/api.bench.ts. Each function stores `count` merging heartbeats and
 * resolves to a Timing: the milliseconds it took and, for the service worker, the time the
 * worker itself reported (`Server-Timing`). Sequential functions await each heartbeat before
 * sending the next; pipelined ones keep `depth` in flight. Every heartbeat of a run has the
 * same data and a later timestamp than the bucket's first, so each merges in any order.
 * `benchServiceWorker*` use `fetch` to the service worker, `benchWorker*` the dashboard worker
 * through the platform module (Comlink; `benchWorkerFull` on a bucket with a full hot set),
 * `benchComlink` an echo worker answering at once,
 * `benchProbe` one of the probes of probe-worker.ts (`benchProbeEach` asking for each heartbeat
 * in a message of its own).
 */
import { wrap } from 'comlink';
import { DEFAULT_LAYOUT } from '../../src/store/session';
import { getWorker } from '../../src/ui/platform';
import type { EchoApi } from './echo-worker';
import type { Probe } from './probe-worker';

export type Timing = { ms: number; inside?: number };

const START = Date.parse('2024-05-01T00:00:00Z');
const BUCKET = { type: 'currentwindow', client: 'bench', hostname: 'bench' };
const EVENT = { id: null, duration: 0, data: { app: 'a' } };

let sequence = 0;

/** Runs `send(0)` to `send(count - 1)` with at most `depth` unfinished at any time. */
async function lanes(count: number, depth: number, send: () => Promise<void>): Promise<number> {
	let left = count;
	const lane = async () => {
		while (left > 0) {
			left--;
			await send();
		}
	};
	const started = performance.now();
	await Promise.all(Array.from({ length: depth }, lane));
	return performance.now() - started;
}

/** The `sw;dur=` figure of a response's Server-Timing header, 0 when absent. */
function swTime(response: Response): number {
	const match = /sw;dur=([\d.]+)/.exec(response.headers.get('Server-Timing') ?? '');
	return match ? Number(match[1]) : 0;
}

async function benchServiceWorker(count: number, depth = 1): Promise<Timing> {
	await fetch('/api/0/buckets/bench-sw', { method: 'POST', body: JSON.stringify(BUCKET) });
	let inside = 0;
	const ms = await lanes(count, depth, async () => {
		const timestamp = new Date(START + sequence++ * 1000).toISOString();
		const response = await fetch('/api/0/buckets/bench-sw/heartbeat?pulsetime=60', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ ...EVENT, timestamp })
		});
		if (response.status !== 200) throw new Error(`heartbeat answered ${response.status}`);
		await response.text();
		inside += swTime(response);
	});
	return { ms, inside };
}

async function benchWorker(count: number, depth = 1): Promise<Timing> {
	const api = getWorker();
	await api.createBucket({ id: 'bench-worker', name: null, created: 0, data: {}, ...BUCKET });
	const ms = await lanes(count, depth, async () => {
		const timestamp = (START + sequence++ * 1000) * 1000;
		await api.heartbeat('bench-worker', { ...EVENT, timestamp }, 60);
	});
	return { ms };
}

/** `count` window-like events before START, one second apart, each with its own title. */
function fillers(count: number) {
	return Array.from({ length: count }, (_, i) => ({
		id: null,
		timestamp: (START - (count - i) * 1000) * 1000,
		duration: 900_000,
		data: { app: 'firefox', title: `Issue ${i} - a project tracker page title - Mozilla Firefox` }
	}));
}

/** Heartbeats sent by `benchWorkerFull` so far: its own, so that no gap ever ends the event. */
let fullSequence = 0;

/**
 * `benchWorker` on a bucket whose hot set is full: `hotMax` - 1 window-like events beside the
 * reference, as a bucket's head is just before it is packed into blocks.
 * Its heartbeats are one second apart across rounds, so every one merges and the head stays
 * full.
 */
async function benchWorkerFull(count: number, depth = 1): Promise<Timing> {
	const api = getWorker();
	const bucket = { id: 'bench-worker-full', name: null, created: 0, data: {}, ...BUCKET };
	const hot = DEFAULT_LAYOUT.hotMax - 1;
	if (await api.createBucket(bucket)) await api.insertEvents(bucket.id, fillers(hot));
	const ms = await lanes(count, depth, async () => {
		const timestamp = (START + fullSequence++ * 1000) * 1000;
		await api.heartbeat(bucket.id, { ...EVENT, timestamp }, 60);
	});
	return { ms };
}

let echo: ReturnType<typeof wrap<EchoApi>> | null = null;

async function benchComlink(count: number, depth = 1): Promise<Timing> {
	echo ??= wrap<EchoApi>(
		new Worker(new URL('./echo-worker.ts', import.meta.url), { type: 'module' })
	);
	const api = echo;
	const ms = await lanes(count, depth, async () => {
		const timestamp = (START + sequence++ * 1000) * 1000;
		await api.heartbeat('bench-echo', { ...EVENT, timestamp }, 60);
	});
	return { ms };
}

let probes: Worker | null = null;

function benchProbe(probe: Probe, count: number): Promise<Timing> {
	probes ??= new Worker(new URL('./probe-worker.ts', import.meta.url), { type: 'module' });
	const worker = probes;
	return new Promise((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<{ ms?: number; error?: string }>) => {
			if (event.data.error !== undefined) reject(new Error(event.data.error));
			else resolve({ ms: event.data.ms as number });
		};
		worker.postMessage({ probe, count });
	});
}

/** `benchProbe` with one message per heartbeat, the page waiting for each answer. */
async function benchProbeEach(count: number, probe: Probe): Promise<Timing> {
	const started = performance.now();
	for (let i = 0; i < count; i++) await benchProbe(probe, 1);
	return { ms: performance.now() - started };
}

Object.assign(window, {
	benchServiceWorker,
	benchWorker,
	benchWorkerFull,
	benchComlink,
	benchProbe,
	benchProbeEach
});
