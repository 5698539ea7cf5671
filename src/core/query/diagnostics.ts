/**
 * Presenting query errors in the query explorer, in the shape of Svelte's compiler diagnostics:
 * a code, a message, the `[start, end]` range, line and column, and a code frame that shows the
 * offending lines with a caret under the culprit.
 */
import type { HindsightError } from '../errors';
import type { QueryErrorDetails, QueryErrorKind } from './errors';

/** A query error as the query explorer shows it. */
export type QueryDiagnostic = {
	/** The snake_case reason, e.g. `unexpected_token` (the error code for other errors). */
	code: string;
	/** The query error kind; null for other errors (`timeout`, `aborted`...). */
	kind: QueryErrorKind | null;
	message: string;
	/** Offsets into the program text (end exclusive), when the error has a position. */
	position?: [number, number];
	line?: number;
	column?: number;
	/** The lines around the position with a caret; empty when there is no position. */
	frame: string;
};

const CONTEXT_LINES = 2;

/**
 * A code frame for `source` around the range `[start, end)`: up to two lines before and after,
 * each prefixed with its 1-based number, and carets under the range on its first line.
 */
export function codeFrame(source: string, start: number, end = start + 1): string {
	const lines = source.split('\n');
	let lineIndex = 0;
	let lineStart = 0;
	while (lineIndex < lines.length - 1 && lineStart + lines[lineIndex].length < start) {
		lineStart += lines[lineIndex].length + 1;
		lineIndex++;
	}
	const column = start - lineStart;
	const first = Math.max(0, lineIndex - CONTEXT_LINES);
	const last = Math.min(lines.length - 1, lineIndex + CONTEXT_LINES);
	const width = String(last + 1).length;

	const out: string[] = [];
	for (let i = first; i <= last; i++) {
		const text = lines[i].replace(/\t/g, '  ');
		out.push(`${String(i + 1).padStart(width)}: ${text}`);
		if (i !== lineIndex) continue;
		const before = lines[i].slice(0, column).replace(/\t/g, '  ').length;
		const length = Math.max(1, Math.min(end, lineStart + lines[i].length) - start);
		out.push(`${' '.repeat(width + 2 + before)}${'^'.repeat(length)}`);
	}
	return out.join('\n');
}

/**
 * The diagnostic for a QueryError raised while parsing or running `source`. Also takes the
 * plain HindsightError (code `query_failed`) that a QueryError becomes after crossing the worker
 * boundary, since its details are kept.
 */
export function toDiagnostic(error: HindsightError, source: string): QueryDiagnostic {
	const { kind, reason, start, end, line, column } = (error.details ??
		{}) as Partial<QueryErrorDetails>;
	if (kind === undefined || reason === undefined) {
		return { code: error.code, kind: null, message: error.message, frame: '' };
	}
	const out: QueryDiagnostic = { code: reason, kind, message: error.message, frame: '' };
	if (start !== undefined && end !== undefined) {
		out.position = [start, end];
		out.line = line;
		out.column = column;
		out.frame = codeFrame(source, start, end);
	}
	return out;
}
