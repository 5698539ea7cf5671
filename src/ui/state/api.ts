/**
 * The dashboard's handle on the worker. `main.ts` hands in the proxy that `src/ui/platform`
 * creates; views call `api()` and never create workers or touch storage themselves.
 */
import type { WorkerApi } from '../../worker/api';
import type { ChangeNotice } from '../lib/worker-types';

let current: WorkerApi | null = null;

export function setApi(api: WorkerApi): void {
	current = api;
}

export function api(): WorkerApi {
	if (!current) throw new Error('The worker proxy is not set; main.ts sets it before mounting.');
	return current;
}

/**
 * Subscribes to change notices (the platform's proxy carries the listener across the worker
 * boundary). Returns a function that unsubscribes.
 */
export async function onChange(listener: (notice: ChangeNotice) => void): Promise<() => void> {
	const id = await api().subscribe(listener);
	return () => void api().unsubscribe(id);
}
