/**
 * The durable outbox: every heartbeat and truncate instruction is stored here before anything
 * tries to deliver it, and leaves only when the app acknowledged it. It lives in
 * `chrome.storage.local`, because Chromium may stop the background worker at any moment.
 *
 * Layout: one key per entry (`outbox:<seq>`) and a small meta record (`outbox:meta`) with the
 * range `[head, next)` of live sequence numbers and, per bucket, the entry new heartbeats may
 * merge into. Entries are delivered strictly in `seq` order, so the range stays contiguous.
 *
 * Pre-merge: a heartbeat whose bucket's last entry is a heartbeat it merges with (same data,
 * within the pulsetime: the core `heartbeatMerge`) extends that entry instead of adding one, so
 * an outage of hours with one tab open costs one entry, not hundreds. The server folds the
 * merged entry exactly as it would have folded the heartbeats one by one: the entry keeps its
 * own pulsetime, which decides how it joins the server's last event. A truncate entry ends the
 * bucket's merge run. Each entry carries a revision; acknowledging a revision that has since
 * been extended keeps the entry, so the extension is sent again (harmless: it merges).
 *
 * Every operation runs after the previous one finished (one writer per context: the background
 * worker). Other pages only read `outbox:meta`.
 */
import { HindsightError } from '../../src/core/errors';
import { heartbeatMerge } from '../../src/core/transforms/heartbeat';
import type { OutboxInput } from './watcher/heartbeat';

/** The part of `chrome.storage.local` the outbox needs; tests pass a Map-backed fake. */
export type KeyValueStore = {
	get(keys: string[]): Promise<Record<string, unknown>>;
	set(items: Record<string, unknown>): Promise<void>;
	remove(keys: string[]): Promise<void>;
};

export type OutboxEntry = OutboxInput & {
	seq: number;
	/** Bumped each time a heartbeat merges into the entry. */
	rev: number;
	/** When the entry was first stored, milliseconds since the epoch. */
	added: number;
};

export type OutboxMeta = {
	head: number;
	next: number;
	/** Per bucket, the seq of its last entry while that entry is a heartbeat. */
	tails: Record<string, number>;
};

export type AppendResult = { added: number; merged: number };

export const OUTBOX_META_KEY = 'outbox:meta';
const EMPTY_META: OutboxMeta = { head: 1, next: 1, tails: {} };

export function outboxKey(seq: number): string {
	return `outbox:${seq}`;
}

/** The number of entries a meta record describes (what the popup shows). */
export function outboxSize(meta: OutboxMeta | undefined): number {
	return meta ? meta.next - meta.head : 0;
}

function isMeta(value: unknown): value is OutboxMeta {
	const meta = value as OutboxMeta | undefined;
	return (
		typeof meta === 'object' &&
		meta !== null &&
		Number.isSafeInteger(meta.head) &&
		Number.isSafeInteger(meta.next) &&
		meta.head <= meta.next &&
		typeof meta.tails === 'object' &&
		meta.tails !== null
	);
}

function storageError(err: unknown, action: string): HindsightError {
	const message = err instanceof Error ? err.message : String(err);
	const code = /quota/i.test(message) ? 'quota_exceeded' : 'storage_failed';
	return new HindsightError(code, `The outbox could not ${action}: ${message}`, undefined, {
		cause: err
	});
}

export class Outbox {
	readonly #store: KeyValueStore;
	#queue: Promise<unknown> = Promise.resolve();

	constructor(store: KeyValueStore) {
		this.#store = store;
	}

	/** Runs `task` after every operation queued before it. */
	#serial<T>(task: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(task, task);
		this.#queue = run.catch(() => undefined);
		return run;
	}

	async #meta(): Promise<OutboxMeta> {
		const items = await this.#store.get([OUTBOX_META_KEY]);
		const meta = items[OUTBOX_META_KEY];
		return isMeta(meta) ? structuredClone(meta) : structuredClone(EMPTY_META);
	}

	async #entry(seq: number): Promise<OutboxEntry | undefined> {
		const items = await this.#store.get([outboxKey(seq)]);
		return items[outboxKey(seq)] as OutboxEntry | undefined;
	}

	/** Stores `inputs` in order, merging heartbeats into their bucket's last entry when possible. */
	append(inputs: readonly OutboxInput[], nowMs = Date.now()): Promise<AppendResult> {
		return this.#serial(async () => {
			if (inputs.length === 0) return { added: 0, merged: 0 };
			const meta = await this.#meta();
			const writes: Record<string, OutboxEntry> = {};
			const result: AppendResult = { added: 0, merged: 0 };

			for (const input of inputs) {
				const merged = await this.#mergeInto(meta, writes, input);
				if (merged) {
					result.merged++;
					continue;
				}
				const entry: OutboxEntry = {
					...structuredClone(input),
					seq: meta.next,
					rev: 0,
					added: nowMs
				};
				writes[outboxKey(entry.seq)] = entry;
				if (input.kind === 'heartbeat') meta.tails[input.bucket.id] = entry.seq;
				else delete meta.tails[input.bucket.id];
				meta.next++;
				result.added++;
			}

			await this.#store.set({ ...writes, [OUTBOX_META_KEY]: meta }).catch((err: unknown) => {
				throw storageError(err, 'store new heartbeats');
			});
			return result;
		});
	}

	async #mergeInto(
		meta: OutboxMeta,
		writes: Record<string, OutboxEntry>,
		input: OutboxInput
	): Promise<boolean> {
		if (input.kind !== 'heartbeat') return false;
		const seq = meta.tails[input.bucket.id];
		if (seq === undefined || seq < meta.head) return false;

		const tail = writes[outboxKey(seq)] ?? (await this.#entry(seq));
		if (!tail || tail.kind !== 'heartbeat') return false;
		const merged = heartbeatMerge(tail.event, input.event, input.pulsetime);
		if (!merged) return false;

		writes[outboxKey(seq)] = { ...tail, event: merged, rev: tail.rev + 1 };
		return true;
	}

	/** The oldest entry, left in place; null when the outbox is empty. */
	peek(): Promise<OutboxEntry | null> {
		return this.#serial(async () => {
			const meta = await this.#meta();
			while (meta.head < meta.next) {
				const entry = await this.#entry(meta.head);
				if (entry) return entry;
				// A key lost between removing an entry and advancing the head: skip it.
				meta.head++;
				await this.#store.set({ [OUTBOX_META_KEY]: meta });
			}
			return null;
		});
	}

	/**
	 * Removes `entry` after the app acknowledged it. Returns false, keeping it, when it was
	 * extended since it was read (the extended entry must be delivered too).
	 */
	ack(entry: OutboxEntry): Promise<boolean> {
		return this.#serial(async () => {
			const stored = await this.#entry(entry.seq);
			if (stored && stored.rev !== entry.rev) return false;
			await this.#remove(entry.seq);
			return true;
		});
	}

	/** Removes `entry` whatever its revision (the app refused it for good). */
	drop(entry: OutboxEntry): Promise<void> {
		return this.#serial(() => this.#remove(entry.seq));
	}

	async #remove(seq: number): Promise<void> {
		const meta = await this.#meta();
		if (seq !== meta.head) {
			throw new HindsightError('internal', `Outbox entry ${seq} is not the oldest (${meta.head})`);
		}
		await this.#store.remove([outboxKey(seq)]);
		meta.head++;
		for (const [bucket, tail] of Object.entries(meta.tails)) {
			if (tail === seq) delete meta.tails[bucket];
		}
		await this.#store.set({ [OUTBOX_META_KEY]: meta });
	}

	/** The number of entries waiting. */
	size(): Promise<number> {
		return this.#serial(async () => outboxSize(await this.#meta()));
	}

	/** Every entry, oldest first (for tests and diagnostics; reads the whole outbox). */
	list(): Promise<OutboxEntry[]> {
		return this.#serial(async () => {
			const meta = await this.#meta();
			const keys: string[] = [];
			for (let seq = meta.head; seq < meta.next; seq++) keys.push(outboxKey(seq));
			const items = keys.length ? await this.#store.get(keys) : {};
			return keys
				.map((key) => items[key] as OutboxEntry | undefined)
				.filter((e): e is OutboxEntry => e !== undefined);
		});
	}
}
