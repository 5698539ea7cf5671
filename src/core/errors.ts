/**
 * The one error type of Hindsight. Every failure that a caller can act on carries a stable,
 * machine-readable `code` (snake_case, never renamed once used), a message for humans that
 * quotes the culprit, and optional plain-data `details`. It serializes to JSON and can be
 * rebuilt on the other side of a worker or message boundary with `HindsightError.fromJSON`.
 *
 * Where the HTTP status for a code is decided: src/api. Where a code is worded for users: the UI.
 */

/** Every error code in use. Append new codes; never rename or remove one. */
export type ErrorCode =
	// Input validation (model)
	| 'invalid_json'
	| 'invalid_timestamp'
	| 'invalid_duration'
	| 'invalid_event'
	| 'invalid_bucket'
	| 'invalid_argument'
	// Buckets and events
	| 'bucket_not_found'
	| 'bucket_exists'
	| 'event_not_found'
	| 'event_in_other_bucket'
	// Import and export
	| 'invalid_import'
	// Query language (the `kind` detail carries ActivityWatch's PascalCase error kind)
	| 'query_failed'
	| 'regex_compile'
	// Storage
	| 'quota_exceeded'
	| 'database_closed'
	| 'database_blocked'
	| 'database_version'
	| 'storage_failed'
	// Transport and API
	| 'not_found'
	| 'method_not_allowed'
	| 'unauthorized'
	| 'timeout'
	| 'unreachable'
	| 'aborted'
	// Anything else: a bug. Logged once where it is caught.
	| 'internal';

export type ErrorDetails = Record<string, unknown>;

/** The plain-data form of a HindsightError, as it crosses worker and message boundaries. */
export type SerializedError = {
	name: 'HindsightError';
	code: ErrorCode;
	message: string;
	details?: ErrorDetails;
};

export class HindsightError extends Error {
	override readonly name = 'HindsightError';
	readonly code: ErrorCode;
	readonly details?: ErrorDetails;

	constructor(
		code: ErrorCode,
		message: string,
		details?: ErrorDetails,
		options?: { cause?: unknown }
	) {
		super(message, options);
		this.code = code;
		if (details !== undefined) this.details = details;
	}

	toJSON(): SerializedError {
		const out: SerializedError = { name: 'HindsightError', code: this.code, message: this.message };
		if (this.details !== undefined) out.details = this.details;
		return out;
	}

	static fromJSON(value: SerializedError): HindsightError {
		return new HindsightError(value.code, value.message, value.details);
	}

	static isSerialized(value: unknown): value is SerializedError {
		return (
			typeof value === 'object' &&
			value !== null &&
			(value as { name?: unknown }).name === 'HindsightError' &&
			typeof (value as { code?: unknown }).code === 'string' &&
			typeof (value as { message?: unknown }).message === 'string'
		);
	}
}

/** True when `err` is a HindsightError with one of the given codes (any code if none given). */
export function isHindsightError(err: unknown, ...codes: ErrorCode[]): err is HindsightError {
	return err instanceof HindsightError && (codes.length === 0 || codes.includes(err.code));
}

/**
 * Wraps anything thrown into a HindsightError: HindsightErrors pass through, everything else
 * becomes `internal` with the original as `cause`.
 */
export function toHindsightError(err: unknown): HindsightError {
	if (err instanceof HindsightError) return err;
	const message = err instanceof Error ? err.message : String(err);
	return new HindsightError('internal', message || 'Unexpected error', undefined, { cause: err });
}
