/**
 * Reports that a box has drawn without a chart (a message instead). The report waits for a
 * microtask so that it always comes after the page has reset its count of drawn boxes for the
 * same update, even when the box's effect runs before the page's.
 */
export function report(ondrawn: () => void): void {
	queueMicrotask(ondrawn);
}
