/**
 * The one place where error codes become sentences for users. Each sentence says what happened
 * and what to do; the error's own message (which quotes the culprit) is shown beside it. Codes
 * without a sentence get a generic one that names the code, so nothing is ever silent.
 */
import { HindsightError, toHindsightError, type ErrorCode } from '../../core/errors';

const SENTENCES: Partial<Record<ErrorCode, string>> = {
	invalid_json: 'The text is not valid JSON. Check the file or the input and try again.',
	invalid_timestamp:
		'A date or time is not valid. Use a full date and time, such as 2024-05-01 09:00.',
	invalid_duration: 'A duration is not valid. Durations are numbers of seconds, zero or more.',
	invalid_event: 'An event is not valid. Check its start, end and data.',
	invalid_bucket: 'A bucket is not valid. It needs a type, a client and a host name.',
	invalid_argument: 'Some input is not valid. Correct it and try again.',
	bucket_not_found:
		'That bucket no longer exists. It may have been deleted in another tab; reload the page.',
	bucket_exists: 'A bucket with that id already exists. Choose another id.',
	event_not_found: 'That event no longer exists. Reload to see the current events.',
	event_in_other_bucket: 'That event belongs to another bucket, so it was not changed.',
	invalid_import:
		'The file is not an export this app can import. Choose an ActivityWatch or Hindsight JSON export.',
	query_failed: 'The query could not run. Fix the place marked in the editor and run it again.',
	regex_compile: 'A regular expression is not valid. Correct the pattern and try again.',
	quota_exceeded:
		'The browser has no storage left for this app. Free disk space or export and delete old buckets.',
	database_closed:
		'The database was closed, perhaps by another tab upgrading the app. Reload the page.',
	database_blocked:
		'Another tab with an older version of the app keeps the database open. Close the other tabs and reload.',
	database_version:
		'The database was written by a newer version of the app. Reload to get the newest version.',
	storage_failed:
		'The browser could not read or write the database. Reload the page; if it keeps failing, export your data.',
	not_found: 'That page or item does not exist.',
	timeout: 'The operation took too long. Try a shorter period or try again.',
	unreachable: "The app's background worker could not be reached. Reload the page.",
	aborted: 'The operation was cancelled.',
	internal:
		'Something went wrong inside the app. Reload the page; if it happens again, the log in Settings helps to find out why.'
};

export type ErrorWording = {
	/** What happened and what to do. */
	sentence: string;
	/** The error's own message (quoting the culprit), when it adds something. */
	detail: string | null;
	code: string;
};

/** Rebuilds errors that crossed a boundary as plain objects into HindsightErrors. */
function asHindsightError(err: unknown): HindsightError {
	if (HindsightError.isSerialized(err)) return HindsightError.fromJSON(err);
	return toHindsightError(err);
}

/** Words any thrown value for the user. */
export function wordError(err: unknown): ErrorWording {
	const error = asHindsightError(err);
	const known = SENTENCES[error.code];
	const sentence =
		known ?? `Something went wrong (error code "${error.code}"). Reload the page and try again.`;
	const detail = error.message && error.message !== sentence ? error.message : null;
	return { sentence, detail, code: error.code };
}

/** One line: sentence and detail. */
export function errorText(err: unknown): string {
	const { sentence, detail } = wordError(err);
	return detail ? `${sentence} (${detail})` : sentence;
}

/** The position of a query parse error, when the error carries one. */
export function queryErrorPosition(
	err: unknown
): { line: number; column: number; offset: number } | null {
	const details = asHindsightError(err).details;
	if (!details) return null;
	const { line, column, offset } = details as Record<string, unknown>;
	if (typeof line !== 'number' || typeof column !== 'number') return null;
	return { line, column, offset: typeof offset === 'number' ? offset : -1 };
}
