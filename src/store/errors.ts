/**
 * Turns what Dexie and IndexedDB throw into HindsightErrors. Dexie errors are recognised by
 * their `name` (https://dexie.org/docs/DexieErrors/DexieError), as are the DOMExceptions it
 * wraps; an OpenFailedError, AbortError or BulkError is unwrapped to the error that caused it
 * (a quota error in Chromium surfaces as an aborted transaction whose cause is the quota).
 * HindsightErrors pass through untouched; anything else is a bug and becomes `internal`.
 */
import { HindsightError, toHindsightError, type ErrorCode } from '../core/errors';

type Failure = { name?: unknown; message?: unknown; inner?: unknown; failures?: unknown };

const STORAGE_ADVICE = 'Nothing was written; try again, and reload the page if it keeps failing.';

const BY_NAME: Record<string, [ErrorCode, string]> = {
	QuotaExceededError: [
		'quota_exceeded',
		'The browser refused to store more data: the storage quota for Hindsight is used up. ' +
			'Nothing was written. Free space by exporting and deleting old buckets, or allow the ' +
			'site more storage in the browser settings.'
	],
	DatabaseClosedError: [
		'database_closed',
		'The database is closed (another tab may have updated or deleted it). Reload the page.'
	],
	VersionError: [
		'database_version',
		'The database was upgraded by a newer version of Hindsight. Reload the page to update.'
	],
	VersionChangeError: [
		'database_version',
		'The database is being upgraded by a newer version of Hindsight. Reload the page to update.'
	],
	MissingAPIError: [
		'storage_failed',
		'This browser offers no IndexedDB here (a private window may block it), so Hindsight ' +
			'cannot store data. Open the app in a normal window.'
	],
	UpgradeError: [
		'storage_failed',
		'Upgrading the database to the current version failed; your data is unchanged. Reload ' +
			'the page, and export your data if it keeps failing.'
	]
};

function asFailure(err: unknown): Failure | null {
	return typeof err === 'object' && err !== null ? (err as Failure) : null;
}

/** The error that caused a wrapping Dexie error, if any. */
function cause(failure: Failure): unknown {
	if (failure.name === 'BulkError' || failure.name === 'ModifyError') {
		const failures = failure.failures;
		const list = Array.isArray(failures)
			? failures
			: Object.values((failures ?? {}) as Record<string, unknown>);
		return list[0];
	}
	return failure.inner;
}

/**
 * Maps a storage failure during `action` (a short phrase such as "storing events") to a
 * HindsightError with a code from src/core/errors.ts and a message that says what to do.
 */
export function storageError(err: unknown, action: string): HindsightError {
	if (err instanceof HindsightError) return err;
	const failure = asFailure(err);
	if (!failure || typeof failure.name !== 'string') return toHindsightError(err);

	const inner = cause(failure);
	if (inner && inner !== err) {
		const mapped = storageError(inner, action);
		if (mapped.code !== 'internal' && mapped.code !== 'storage_failed') return mapped;
	}

	const name = failure.name;
	const detail = typeof failure.message === 'string' ? failure.message : '';
	const known = BY_NAME[name];
	if (known) return new HindsightError(known[0], known[1], { action, name }, { cause: err });
	if (name.endsWith('Error') && name !== 'TypeError' && name !== 'RangeError') {
		return new HindsightError(
			'storage_failed',
			`The database failed while ${action} (${name}${detail ? `: ${detail}` : ''}). ${STORAGE_ADVICE}`,
			{ action, name },
			{ cause: err }
		);
	}
	return toHindsightError(err);
}

/** The error for an open that another tab or context keeps blocked. */
export function blockedError(seconds: number): HindsightError {
	return new HindsightError(
		'database_blocked',
		`Opening the database has been blocked for ${seconds} s by another tab running an older ` +
			'version of Hindsight. Close or reload the other Hindsight tabs.',
		{ seconds }
	);
}

/** The error for calls made after close(). */
export function closedError(): HindsightError {
	return new HindsightError(
		'database_closed',
		'The datastore was closed; open it again (reload the page) to continue.'
	);
}

/** The error once another context has upgraded or deleted the database under this one. */
export function supersededError(deleted: boolean): HindsightError {
	return deleted
		? new HindsightError(
				'database_closed',
				'The database was deleted by another tab. Reload the page to start afresh.'
			)
		: new HindsightError(
				'database_version',
				'A newer version of Hindsight upgraded the database in another tab. Reload the page.'
			);
}

/** The error for a database written by a newer release. */
export function newerFormatError(found: number, supported: number): HindsightError {
	return new HindsightError(
		'database_version',
		`The database was written by a newer version of Hindsight (format ${found}; this version ` +
			`reads up to ${supported}). Reload the page to update the app.`,
		{ found, supported }
	);
}
