/**
 * Per-key serialization: tasks queued under one key run one at a time, in order; different keys
 * run in parallel. The datastore queues every write of a bucket under the bucket's id (rest-api.md
 * 12.2) so that one context never interleaves two heartbeats of a bucket. Other contexts are kept
 * apart by IndexedDB itself, which runs readwrite transactions over the same stores one by one.
 */
export class KeyedQueue {
	private readonly tails = new Map<string, Promise<unknown>>();

	/** Runs `task` after every task queued before it under `key`, whatever their outcome. */
	run<T>(key: string, task: () => Promise<T>): Promise<T> {
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
