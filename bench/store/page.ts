/**
 * The store benchmark's page: starts the worker and exposes `window.benchCall(command)`, which
 * the Node driver calls through Playwright.
 */
import type { BenchCommand, BenchReply, BenchResult } from './protocol';

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const pending = new Map<number, (reply: BenchReply) => void>();
let counter = 0;

const ready = new Promise<void>((resolve) => {
	worker.onmessage = (message: MessageEvent<BenchReply | { ready: true }>) => {
		const data = message.data;
		if ('ready' in data) return resolve();
		pending.get(data.id)?.(data);
		pending.delete(data.id);
	};
});

async function benchCall(command: BenchCommand): Promise<BenchResult> {
	await ready;
	const id = ++counter;
	const reply = await new Promise<BenchReply>((resolve) => {
		pending.set(id, resolve);
		worker.postMessage({ id, ...command });
	});
	if (!reply.ok) throw new Error(reply.error);
	return reply.result;
}

(globalThis as unknown as { benchCall: typeof benchCall }).benchCall = benchCall;
