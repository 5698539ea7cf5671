/**
 * The error raised for a pattern that does not compile or that cannot be translated to a
 * JavaScript RegExp without changing its meaning (query-language.md 11.3, 12).
 */
import { HindsightError } from '../errors';

/**
 * A `regex_compile` HindsightError (the query language's `RegexCompileError`). The message
 * quotes the pattern and says what is wrong with it; `details` carry the pattern, the reason and,
 * when known, the offset in the pattern where the problem was found.
 */
export function regexCompileError(
	pattern: string,
	reason: string,
	offset?: number
): HindsightError {
	const where = offset === undefined ? '' : ` at offset ${offset}`;
	const message =
		`Invalid regular expression '${pattern}'${where}: ${reason}. ` +
		'Fix the pattern, or escape special characters with a backslash to match them literally.';
	const details: Record<string, unknown> = { kind: 'RegexCompileError', pattern, reason };
	if (offset !== undefined) details.offset = offset;
	return new HindsightError('regex_compile', message, details);
}
