/**
 * Drains the outbox into the app, oldest entry first, through an `ActivityWatchClient` (in the
 * extension its `fetch` travels over the bridge). An entry leaves the outbox only after the app
 * answered it with a success status; a failure to reach the app stops the drain and leaves the
 * entry first in line for the next attempt.
 *
 * Outcomes per entry:
 * - 2xx (304 for an existing bucket): acknowledged, removed.
 * - 404: the bucket is missing (the app's data was wiped): created again, the entry retried once.
 * - other 4xx but 401, 403, 408 and 429, or an entry the client refuses to send (`invalid_*`):
 *   the app will never take it; dropped and logged, so one bad entry cannot block all later ones.
 * - anything else (no answer, timeout, 5xx, 401/403 until the API key is sorted): kept; the
 *   drain stops and reports the error.
 */
import { HindsightError, toHindsightError } from '../../src/core/errors';
import { createLogger } from '../../src/core/log';
import { jsonEqual, type JsonObject } from '../../src/core/model/json';
import { formatInstant, microsToSeconds, MICROS_PER_MILLI } from '../../src/core/model/time';
import { FetchError, type ActivityWatchClient } from '../../src/client';
import type { BucketSpec } from './buckets';
import type { Outbox, OutboxEntry } from './outbox';
import type { HeartbeatInput, TruncateInput } from './watcher/heartbeat';

const log = createLogger('extension.delivery');

/** Statuses from 400 to 499 that may succeed later, so their entries are kept. */
const RETRYABLE_CLIENT_ERRORS = new Set([401, 403, 408, 429]);

export type DrainResult = {
	delivered: number;
	dropped: number;
	/** Why the drain stopped before the outbox was empty; null when it emptied it. */
	error: HindsightError | null;
	/** The last entry the app acknowledged in this drain. */
	last: OutboxEntry | null;
};

export type DrainOptions = {
	/** Stops the drain between two entries when it returns false (e.g. permission revoked). */
	shouldContinue?: () => boolean | Promise<boolean>;
};

function statusOf(err: unknown): number | null {
	return err instanceof FetchError ? err.status : null;
}

/** A refusal that no retry can change: a 4xx status, or an entry the client itself rejects. */
function isPermanent(err: unknown): boolean {
	if (err instanceof HindsightError) return err.code.startsWith('invalid_');
	const status = statusOf(err);
	return status !== null && status >= 400 && status < 500 && !RETRYABLE_CLIENT_ERRORS.has(status);
}

/** Why delivery failed, as a HindsightError that names no event contents. */
export function deliveryError(err: unknown): HindsightError {
	const status = statusOf(err);
	if (status !== null) {
		const code = status === 401 || status === 403 ? 'unauthorized' : 'unreachable';
		return new HindsightError(code, `The app answered HTTP ${status}`, { status });
	}
	if (err instanceof HindsightError) return err;
	if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
		return new HindsightError('timeout', 'The app did not answer in time');
	}
	const wrapped = toHindsightError(err);
	return new HindsightError('unreachable', `The app could not be reached: ${wrapped.message}`);
}

/** Delivers entries to one app through one client; remembers which buckets it has made. */
export class Deliverer {
	readonly #client: ActivityWatchClient;
	readonly #ensured = new Set<string>();

	constructor(client: ActivityWatchClient) {
		this.#client = client;
	}

	async #ensureBucket(bucket: BucketSpec): Promise<void> {
		if (this.#ensured.has(bucket.id)) return;
		await this.#client.ensureBucket(bucket.id, bucket.type, bucket.hostname);
		this.#ensured.add(bucket.id);
	}

	async #heartbeat(entry: HeartbeatInput): Promise<void> {
		const { event } = entry;
		await this.#client.heartbeat(
			entry.bucket.id,
			{
				timestamp: formatInstant(event.timestamp),
				duration: microsToSeconds(event.duration),
				data: event.data
			},
			entry.pulsetime
		);
	}

	/** Cuts the bucket's latest event back to `entry.at` when it has the entry's data. */
	async #truncate(entry: TruncateInput): Promise<void> {
		const bucket = entry.bucket.id;
		const [last] = await this.#client.getEvents(bucket, { limit: 1 });
		if (!last || last.id === undefined || !jsonEqual(last.data as JsonObject, entry.data)) return;

		const startMs = last.timestamp.getTime();
		const cutMs = entry.at / MICROS_PER_MILLI;
		if (startMs + (last.duration ?? 0) * 1000 <= cutMs) return;
		if (startMs >= cutMs) {
			await this.#client.deleteEvent(bucket, last.id);
			return;
		}
		await this.#client.replaceEvent(bucket, {
			id: last.id,
			timestamp: last.timestamp,
			duration: (cutMs - startMs) / 1000,
			data: last.data
		});
	}

	async #send(entry: OutboxEntry): Promise<void> {
		await this.#ensureBucket(entry.bucket);
		if (entry.kind === 'heartbeat') await this.#heartbeat(entry);
		else await this.#truncate(entry);
	}

	/** Delivers one entry, making its bucket again once if the app lost it. */
	async deliver(entry: OutboxEntry): Promise<void> {
		try {
			await this.#send(entry);
		} catch (err) {
			if (statusOf(err) !== 404) throw err;
			this.#ensured.delete(entry.bucket.id);
			await this.#send(entry);
		}
	}

	/** Delivers entries until the outbox is empty, the app cannot be reached, or told to stop. */
	async drain(outbox: Outbox, options: DrainOptions = {}): Promise<DrainResult> {
		const result: DrainResult = { delivered: 0, dropped: 0, error: null, last: null };
		for (;;) {
			if (options.shouldContinue && !(await options.shouldContinue())) return result;
			const entry = await outbox.peek();
			if (!entry) return result;
			try {
				await this.deliver(entry);
			} catch (err) {
				if (!isPermanent(err)) {
					result.error = deliveryError(err);
					return result;
				}
				log.warn('the app refused an entry for good; dropped', {
					seq: entry.seq,
					kind: entry.kind,
					status: statusOf(err)
				});
				await outbox.drop(entry);
				result.dropped++;
				continue;
			}
			await outbox.ack(entry);
			result.delivered++;
			result.last = entry;
		}
	}
}
