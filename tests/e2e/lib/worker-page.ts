/**
 * Browser side of tests/e2e/api-worker.e2e.ts: the dashboard's worker reached through the
 * platform module, exactly as the UI reaches it, exposed on `window.hindsight` with a log of
 * the change notices its subscription delivers.
 */
import { HindsightError } from '../../../src/core/errors';
import { getWorker } from '../../../src/ui/platform';

const api = getWorker();
const notices: unknown[] = [];
void api.subscribe((notice) => notices.push(notice));

/** Runs a call and reports its outcome as plain data (errors with class, code and details). */
async function attempt(run: () => Promise<unknown>): Promise<unknown> {
	try {
		return { ok: await run() };
	} catch (err) {
		const error = err as HindsightError;
		return {
			error: {
				isHindsightError: err instanceof HindsightError,
				code: error.code,
				message: error.message,
				details: error.details
			}
		};
	}
}

Object.assign(window, { hindsight: { api, notices, attempt } });
