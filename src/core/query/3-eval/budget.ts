/**
 * Cooperative limits on a run: a time budget and a cancellation flag, checked between
 * statements and before every function call. A single long call (a pathological regular
 * expression over many events, say) cannot be interrupted: JavaScript has no preemption inside
 * a worker, so the check happens as soon as the call returns.
 */
import { HindsightError } from '../../errors';

/** Anything with an `aborted` flag, such as an AbortSignal. */
export type CancelSignal = { readonly aborted: boolean };

/** The limits of one request, checked with `check()`. */
export class Budget {
	private readonly deadline: number;

	constructor(
		private readonly budgetMs: number | undefined,
		private readonly signal: CancelSignal | undefined,
		private readonly started = performance.now()
	) {
		this.deadline = budgetMs === undefined ? Infinity : started + budgetMs;
	}

	/** Throws `timeout` when the budget is spent and `aborted` when the run was cancelled. */
	check(): void {
		if (this.signal?.aborted) {
			throw new HindsightError('aborted', 'The query was cancelled');
		}
		if (this.deadline !== Infinity && performance.now() > this.deadline) {
			const elapsed = Math.round(performance.now() - this.started);
			throw new HindsightError(
				'timeout',
				`The query ran longer than its time budget of ${this.budgetMs} ms and was stopped: narrow the period or simplify the query`,
				{ budgetMs: this.budgetMs, elapsedMs: elapsed }
			);
		}
	}
}
