/**
 * The dashboard's handle on the worker. `main.ts` hands in the proxy that `src/ui/platform`
 * creates; views call `api()` and never create workers or touch storage themselves.
 */
import { proxy } from 'comlink';
import type { WorkerApi } from '../../worker/api';
import type { ChangeNotice } from '../../store/types';

let current: WorkerApi | null = null;

export function setApi(api: WorkerApi): void {
	current = api;
}

export function api(): WorkerApi {
	if (!current) throw new Error('The worker proxy is not set; main.ts sets it before mounting.');
	return current;
}

/**
 * Subscribes to change notices. The listener crosses the worker boundary as a Comlink proxy
 * (a plain function cannot be cloned). Returns a function that unsubscribes.
 */
export async function onChange(listener: (notice: ChangeNotice) => void): Promise<() => void> {
	const id = await api().subscribe(proxy(listener));
	return () => void api().unsubscribe(id);
}
