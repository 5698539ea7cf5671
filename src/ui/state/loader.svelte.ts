/**
 * Loads data for a view and keeps only the newest request's answer: every `run` gets a request
 * id, and an answer that arrives after a newer request started is dropped.
 */
export class Loader<T> {
	data: T | null = $state(null);
	error: unknown = $state(null);
	loading = $state(false);
	#seq = 0;

	/** Forgets the data and any error, and drops the answer of a request still running. */
	clear(): void {
		this.#seq++;
		this.data = null;
		this.error = null;
		this.loading = false;
	}

	async run(load: () => Promise<T>): Promise<void> {
		const id = ++this.#seq;
		this.loading = true;
		try {
			const value = await load();
			if (id !== this.#seq) return;
			this.data = value;
			this.error = null;
		} catch (err) {
			if (id !== this.#seq) return;
			this.error = err;
		} finally {
			if (id === this.#seq) this.loading = false;
		}
	}
}
