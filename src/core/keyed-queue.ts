/**
 * Per-key serialization: tasks queued under one key run one at a time, in call order; different
 * keys run in parallel. A failed task rejects only its own promise; the next one still runs.
 * The client sends at most one heartbeat request per bucket at a time this way (client.md 5),
 * and the datastore queues every write of a bucket under the bucket's id (rest-api.md 12.2).
 */
export class KeyedQueue {
	private readonly tails = new Map<string, Promise<void>>();

	/** Runs `task` after every task queued before it under `key`, whatever their outcome. */
	run<T>(key: string, task: () => Promise<T>): Promise<T> {
		const previous = this.tails.get(key) ?? Promise.resolve();
		const result = previous.then(task);
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
