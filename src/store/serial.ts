/**
 * Per-key serialization: tasks queued under one key run one at a time, in order; different keys
 * run in parallel. The datastore queues every write of a bucket under the bucket's id (rest-api.md
 * 12.2) so that one context never interleaves two heartbeats of a bucket. Other contexts are kept
 * apart by IndexedDB itself, which runs readwrite transactions over the same stores one by one.
 *
 * Batches (rest-api.md 12.2, "optional coalescing"): items given to `batch` under one key while
 * an earlier task of that key is queued or running gather into one batch, handled by one call of
 * its task once their turn comes. A `run` queued under the key closes the open batch, so a later
 * item queues behind that task: the order of the key's work is kept.
 */
import { HindsightError } from '../core/errors';

/** What a batch task answers for one item. */
export type Outcome<T> = { value: T } | { error: unknown };

/** Handles a batch of items: one outcome per item, in order. */
export type BatchTask<I, O> = (key: string, items: I[]) => Promise<Outcome<O>[]>;

type Entry<I, O> = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };

type Batch<I, O> = { task: BatchTask<I, O>; entries: Entry<I, O>[] };

export class KeyedQueue {
	private readonly tails = new Map<string, Promise<unknown>>();
	private readonly open = new Map<string, Batch<unknown, unknown>>();

	/** At most this many items per batch; further items start the next one. */
	constructor(private readonly maxBatch = 128) {}

	/** Runs `task` after every task queued before it under `key`, whatever their outcome. */
	run<T>(key: string, task: () => Promise<T>): Promise<T> {
		this.open.delete(key);
		return this.enqueue(key, task);
	}

	/**
	 * Handles `item` with `task` together with the other items of the key's open batch for the
	 * same task, or in a new batch queued behind the key's work; resolves with its outcome.
	 */
	batch<I, O>(key: string, item: I, task: BatchTask<I, O>): Promise<O> {
		let open = this.open.get(key) as Batch<I, O> | undefined;
		if (!open || open.task !== task || open.entries.length >= this.maxBatch) {
			const batch: Batch<I, O> = { task, entries: [] };
			this.open.set(key, batch as Batch<unknown, unknown>);
			void this.enqueue(key, () => this.handle(key, batch));
			open = batch;
		}
		const entries = open.entries;
		return new Promise<O>((resolve, reject) => entries.push({ item, resolve, reject }));
	}

	private async handle<I, O>(key: string, batch: Batch<I, O>): Promise<void> {
		if (this.open.get(key) === batch) this.open.delete(key);
		const { entries } = batch;
		let outcomes: Outcome<O>[];
		try {
			outcomes = await batch.task(
				key,
				entries.map((entry) => entry.item)
			);
		} catch (error) {
			outcomes = entries.map(() => ({ error }));
		}
		entries.forEach((entry, i) => {
			const outcome = outcomes[i];
			if (outcome && 'value' in outcome) entry.resolve(outcome.value);
			else
				entry.reject(
					outcome ? outcome.error : new HindsightError('internal', 'A batch task gave no outcome')
				);
		});
	}

	private enqueue<T>(key: string, task: () => Promise<T>): Promise<T> {
		const previous = this.tails.get(key) ?? Promise.resolve();
		const result = previous.then(task, task);
		const tail = result.then(
			() => undefined,
			() => undefined
		);
		this.tails.set(key, tail);
		void tail.then(() => {
			if (this.tails.get(key) === tail) this.tails.delete(key);
		});
		return result;
	}

	/** The number of keys with queued or running tasks. */
	get size(): number {
		return this.tails.size;
	}
}
