/**
 * Comlink transfer handlers that keep HindsightErrors whole across the worker boundary
 * (STYLE.md, "Errors"). Comlink's own handler for thrown values keeps only `name`, `message`
 * and `stack`; this one sends `toJSON()` and rebuilds the error with its code and details.
 * Both sides of a Comlink link must call `registerErrorTransfer()` before the first call:
 * the worker entry does, and so does the UI's platform module.
 */
import { transferHandlers, type TransferHandler } from 'comlink';
import { HindsightError, type SerializedError } from '../core/errors';

type Thrown = { value: unknown };
type WireThrown = { hindsight: SerializedError } | { other: unknown };

let registered = false;

/** Registers the handlers once per realm; later calls do nothing. */
export function registerErrorTransfer(): void {
	if (registered) return;
	registered = true;

	const original = transferHandlers.get('throw') as TransferHandler<Thrown, unknown>;
	const thrown: TransferHandler<Thrown, WireThrown> = {
		canHandle: (value): value is Thrown => original.canHandle(value),
		serialize({ value }) {
			if (value instanceof HindsightError) return [{ hindsight: value.toJSON() }, []];
			const [other, transfers] = original.serialize({ value });
			return [{ other }, transfers];
		},
		deserialize(wire) {
			if ('hindsight' in wire) throw HindsightError.fromJSON(wire.hindsight);
			return original.deserialize(wire.other);
		}
	};
	transferHandlers.set('throw', thrown as TransferHandler<unknown, unknown>);

	const returned: TransferHandler<HindsightError, SerializedError> = {
		canHandle: (value): value is HindsightError => value instanceof HindsightError,
		serialize: (error) => [error.toJSON(), []],
		deserialize: (wire) => HindsightError.fromJSON(wire)
	};
	transferHandlers.set('hindsight-error', returned as TransferHandler<unknown, unknown>);
}
