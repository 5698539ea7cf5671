/**
 * Small helpers for writing query text the way the dashboard does.
 */

/** A string literal for a bucket id: `"` is escaped as `\"`, nothing else (13.1). */
export function quoteId(id: string): string {
	return `"${id.replace(/"/g, '\\"')}"`;
}

/** A host name made safe for a variable name: every character outside `[A-Za-z0-9_]` removed. */
export function safeHostname(hostname: string): string {
	return hostname.replace(/[^A-Za-z0-9_]/g, '');
}

/**
 * A bucket read: `query_bucket("ID")`, or `query_bucket(find_bucket("ID"))` when the id ends
 * with `_` (host unknown), so that the engine resolves it by prefix (13.2 step 1).
 */
export function readBucket(id: string): string {
	return id.endsWith('_')
		? `query_bucket(find_bucket(${quoteId(id)}))`
		: `query_bucket(${quoteId(id)})`;
}

/** The top-N limit the dashboard applies to its lists. */
export const DEFAULT_LIMIT = 100;
