import { Loader } from '../../state/loader.svelte';
import type { Range } from '../../lib/periods';

/**
 * Reports that a box has drawn without a chart (a message instead). The report waits for a
 * microtask so that it always comes after the page has reset its count of drawn boxes for the
 * same update, even when the box's effect runs before the page's.
 */
export function report(ondrawn: () => void): void {
	queueMicrotask(ondrawn);
}

/** A day's range in microseconds, as the datastore reads it. */
export type DayMicros = { start: number; end: number };

/**
 * The loader of a box that draws one day only (Daily Timeline, Sunburst clock): `show` loads
 * the day of `range`, or reports at once when the period is not a single day; a load that
 * fails or finds nothing to draw reports too (the chart reports itself once drawn). Only the
 * newest load reports.
 */
export class DayBoxLoader<T> extends Loader<T> {
	#seq = 0;

	show(
		single: boolean,
		range: Range,
		ondrawn: () => void,
		load: (day: DayMicros) => Promise<T>,
		empty: (data: T | null) => boolean
	): void {
		const id = ++this.#seq;
		if (!single) {
			report(ondrawn);
			return;
		}
		const day = { start: +range.start * 1000, end: +range.end * 1000 };
		void this.run(() => load(day)).then(() => {
			if (id === this.#seq && (this.error || empty(this.data))) report(ondrawn);
		});
	}
}
