/**
 * The delivering half of the background worker: drains the outbox into the app whenever asked
 * (after each recording step, on the alarm, after a permission or settings change), one drain
 * at a time. Before each drain, and between entries, it checks host permission for the app's
 * origin: without it nothing is delivered (the frame would be partitioned) and the badge says so.
 *
 * Retries while the worker lives use a growing delay; the minute alarm is the durable backstop
 * (a timer dies with the worker, the alarm does not).
 *
 * After a drain that delivered something, the courier also lets the `AppSettingsFollower` read
 * the app's idle setting through the same client (throttled there). That read runs beside the
 * drains, not inside them, so it never delays a heartbeat, and nothing of it enters the outbox.
 */
import { createLogger } from '../../../src/core/log';
import { formatInstant } from '../../../src/core/model/time';
import { ActivityWatchClient, createBridgeFetch } from '../../../src/client';
import { EXTENSION_CLIENT } from '../../../src/core/bridge-protocol';
import type { AppSettingsFollower } from '../app-settings';
import { Deliverer, type DrainResult } from '../delivery';
import type { Outbox, OutboxEntry } from '../outbox';
import { hasHostPermission, readSettings } from '../settings-store';
import type { DeliveryStatus } from '../status';
import { closeOffscreen, offscreenBridgeSend } from './offscreen-host';
import type { StatusStore } from './status-store';

const log = createLogger('extension.courier');

const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;
/** Requests through the bridge time out in the offscreen document first (10 s). */
const CLIENT_TIMEOUT_MS = 20_000;

function delivered(entry: OutboxEntry): DeliveryStatus['lastDelivered'] {
	const start = entry.kind === 'heartbeat' ? entry.event.timestamp : entry.at;
	return { bucket: entry.bucket.id, timestamp: formatInstant(start), at: Date.now() };
}

/** The client for one app origin and the deliverer over it. */
type Link = { origin: string; deliverer: Deliverer; client: ActivityWatchClient };

export class Courier {
	readonly #outbox: Outbox;
	readonly #status: StatusStore;
	readonly #follower: AppSettingsFollower;
	#link: Link | null = null;
	#running: Promise<void> | null = null;
	#again = false;
	#failures = 0;
	#retry: ReturnType<typeof setTimeout> | null = null;

	constructor(outbox: Outbox, status: StatusStore, follower: AppSettingsFollower) {
		this.#outbox = outbox;
		this.#status = status;
		this.#follower = follower;
	}

	/** Starts a drain, or asks the running one to go round once more. */
	request(): Promise<void> {
		if (this.#running) {
			this.#again = true;
			return this.#running;
		}
		this.#running = this.#loop().finally(() => {
			this.#running = null;
		});
		return this.#running;
	}

	/** Forgets the bridge (origin or permission changed): the frame is made again when needed. */
	async reset(): Promise<void> {
		this.#link = null;
		this.#follower.force();
		await closeOffscreen().catch((err: unknown) => {
			log.warn('the offscreen document could not be closed', { error: String(err) });
		});
	}

	async #loop(): Promise<void> {
		do {
			this.#again = false;
			try {
				await this.#drainOnce();
			} catch (err) {
				log.error('a drain failed', { error: String(err) });
			}
		} while (this.#again);
	}

	#linkFor(origin: string, deviceName: string): Link {
		if (this.#link?.origin === origin) return this.#link;
		const client = new ActivityWatchClient(EXTENSION_CLIENT, {
			baseURL: origin,
			fetch: createBridgeFetch(offscreenBridgeSend(origin)),
			timeout: CLIENT_TIMEOUT_MS,
			hostname: deviceName
		});
		this.#link = { origin, deliverer: new Deliverer(client), client };
		return this.#link;
	}

	async #drainOnce(): Promise<void> {
		const settings = await readSettings();
		const origin = settings.appOrigin;
		if (!(await hasHostPermission(origin))) {
			await this.reset();
			await this.#status.update({ permission: false });
			return;
		}
		if ((await this.#outbox.size()) === 0) {
			await this.#status.update({ permission: true, lastError: null });
			return;
		}

		const started = Date.now();
		const { deliverer, client } = this.#linkFor(origin, settings.deviceName);
		const result = await deliverer.drain(this.#outbox, {
			shouldContinue: async () =>
				(await readSettings()).appOrigin === origin && (await hasHostPermission(origin))
		});
		log.info('drain', {
			delivered: result.delivered,
			dropped: result.dropped,
			ms: Date.now() - started,
			error: result.error?.code
		});
		await this.#record(result, started);
		if (!result.error && result.delivered > 0) void this.#followApp(origin, client);
	}

	/** Lets the follower read the app's settings; not awaited by the drain. */
	async #followApp(origin: string, client: ActivityWatchClient): Promise<void> {
		try {
			// Without permission the frame is partitioned and would read a copy of the settings.
			if (!(await hasHostPermission(origin))) return;
			await this.#follower.check((key) => client.getSetting(key));
		} catch (err) {
			log.warn('the app settings check failed', { error: String(err) });
		}
	}

	async #record(result: DrainResult, started: number): Promise<void> {
		const patch: Partial<DeliveryStatus> = {
			permission: true,
			lastAttempt: started,
			lastError: result.error
				? { code: result.error.code, message: result.error.message, at: Date.now() }
				: null
		};
		if (result.last) patch.lastDelivered = delivered(result.last);
		await this.#status.update(patch);

		if (result.error) this.#scheduleRetry();
		else this.#failures = 0;
	}

	#scheduleRetry(): void {
		if (this.#retry) return;
		const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.#failures);
		this.#failures++;
		this.#retry = setTimeout(() => {
			this.#retry = null;
			void this.request();
		}, delay);
	}
}
