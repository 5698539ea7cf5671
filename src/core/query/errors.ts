/**
 * The query language's diagnostics (query-language.md section 12): one catalogue of reasons,
 * each with its ActivityWatch error kind and a message template, raised through small helpers
 * that never return. Every failure of a program is a `QueryError`, a HindsightError with code
 * `query_failed` whose details carry the PascalCase `kind` (what clients see on the wire), the
 * snake_case `reason` (stable, for tests and the UI) and, when known, the source position.
 *
 * Positions: `offset`/`start`/`end` are UTF-16 offsets into the program text (`end` exclusive),
 * `line` and `column` are 1-based (a tab counts as one column).
 */
import { HindsightError } from '../errors';

/** The error kinds of the Rust server, as the REST API reports them. */
export type QueryErrorKind =
	| 'ParsingError'
	| 'EmptyQuery'
	| 'VariableNotDefined'
	| 'InvalidType'
	| 'MathError'
	| 'InvalidFunctionParameters'
	| 'TimeIntervalError'
	| 'BucketQueryError'
	| 'RegexCompileError';

/** A range of the program text with the line and column of its start. */
export type Span = { start: number; end: number; line: number; column: number };

/** What a QueryError carries besides its message (serialized with it). */
export type QueryErrorDetails = {
	kind: QueryErrorKind;
	reason: string;
	line?: number;
	column?: number;
	offset?: number;
	start?: number;
	end?: number;
};

/** A failed query: parse error, run-time error or bad period. */
export class QueryError extends HindsightError {
	declare readonly details: QueryErrorDetails;

	constructor(kind: QueryErrorKind, reason: string, message: string, span?: Span, cause?: unknown) {
		const details: QueryErrorDetails = { kind, reason };
		if (span) {
			details.line = span.line;
			details.column = span.column;
			details.offset = span.start;
			details.start = span.start;
			details.end = span.end;
		}
		super('query_failed', message, details, cause === undefined ? undefined : { cause });
	}

	get kind(): QueryErrorKind {
		return this.details.kind;
	}

	get reason(): string {
		return this.details.reason;
	}
}

/** True when `err` is a QueryError (or its serialized form rebuilt as a HindsightError). */
export function isQueryError(err: unknown): err is QueryError {
	return err instanceof QueryError;
}

function fail(
	kind: QueryErrorKind,
	reason: string,
	message: string,
	span?: Span,
	cause?: unknown
): never {
	throw new QueryError(kind, reason, message, span, cause);
}

const where = (span: Span) => `line ${span.line}, column ${span.column}`;

/** Quotes a piece of program text or a name for a message, cut to a readable length. */
export function quote(text: string): string {
	const shown = text.length > 120 ? `${text.slice(0, 117)}...` : text;
	return `'${shown}'`;
}

// --- ParsingError --------------------------------------------------------------------------

export function unexpectedCharacter(char: string, span: Span): never {
	const code = char.codePointAt(0) ?? 0;
	const shown = code < 0x20 || code === 0x7f ? `U+${code.toString(16).padStart(4, '0')}` : char;
	fail(
		'ParsingError',
		'unexpected_character',
		`Unexpected character ${quote(shown)} at ${where(span)}: not part of the query language (text belongs inside quotes)`,
		span
	);
}

/** A string literal without its closing quote (reported at the opening quote). */
export function unterminatedString(span: Span): never {
	fail(
		'ParsingError',
		'unterminated_string',
		`Unterminated string starting at ${where(span)}: add the closing quote`,
		span
	);
}

/** `found` is the offending token's text, or null at the end of the input. */
export function unexpectedToken(found: string | null, expected: string, span: Span): never {
	const what = found === null ? 'end of input' : `token ${quote(found)}`;
	fail(
		'ParsingError',
		'unexpected_token',
		`Unexpected ${what} at ${where(span)}: expected ${expected}`,
		span
	);
}

/** Something other than a variable name left of `=`. */
export function invalidAssignmentTarget(target: string, span: Span): never {
	fail(
		'ParsingError',
		'invalid_assignment_target',
		`Cannot assign to ${quote(target)} at ${where(span)}: only a variable name can stand left of '='`,
		span
	);
}

/** `return x = 1;`, which the Rust server accepts and the engine rejects. */
export function assignmentInReturn(span: Span): never {
	fail(
		'ParsingError',
		'assignment_in_return',
		`Unexpected '=' at ${where(span)}: 'return' takes an expression, not an assignment`,
		span
	);
}

/** A comma right before `)`, `]` or `}`. */
export function trailingComma(span: Span): never {
	fail(
		'ParsingError',
		'trailing_comma',
		`Unexpected ',' before the closing bracket at ${where(span)}: remove the trailing comma`,
		span
	);
}

/** Brackets, blocks or operator chains nested deeper than the engine evaluates safely. */
export function nestedTooDeep(limit: number, span: Span): never {
	fail(
		'ParsingError',
		'nested_too_deep',
		`The program nests brackets, blocks or operators more than ${limit} levels deep at ${where(span)}: split it into several statements`,
		span
	);
}

/** A number literal too large for a double. */
export function invalidNumber(raw: string, span: Span): never {
	fail('ParsingError', 'invalid_number', `Invalid number ${quote(raw)} at ${where(span)}`, span);
}

// --- Run-time errors -----------------------------------------------------------------------

export function emptyQuery(): never {
	fail(
		'EmptyQuery',
		'return_not_assigned',
		'The query never assigned RETURN: end it with a statement such as RETURN = events;'
	);
}

/** Reading a variable that was never assigned. */
export function variableNotDefined(name: string, span?: Span): never {
	fail(
		'VariableNotDefined',
		'variable_not_defined',
		`Variable ${quote(name)} is not defined`,
		span
	);
}

/** Calling a name that is neither a function nor a variable. */
export function functionNotDefined(name: string, span?: Span): never {
	fail(
		'VariableNotDefined',
		'function_not_defined',
		`Function ${quote(name)} is not defined (no function or variable has that name)`,
		span
	);
}

/** Calling a variable that holds something other than a function. */
export function notAFunction(name: string, actual: string, span?: Span): never {
	fail(
		'InvalidType',
		'not_a_function',
		`${quote(name)} is not a function (it holds a ${actual}) and cannot be called`,
		span
	);
}

/** An operator applied to types it does not take (section 5.5). */
export function invalidOperands(operator: string, left: string, right: string, span?: Span): never {
	fail(
		'InvalidType',
		'invalid_operands',
		`Operator '${operator}' cannot be applied to ${left} and ${right}`,
		span
	);
}

/** A function on either side of `==` or inside compared values. */
export function functionsNotComparable(span?: Span): never {
	fail('InvalidType', 'function_comparison', 'Functions cannot be compared with ==', span);
}

/** An `if`/`elif` condition that is not a Bool. */
export function conditionNotBool(actual: string, span?: Span): never {
	fail(
		'InvalidType',
		'condition_not_bool',
		`The condition of 'if' must be a Bool, got ${actual}`,
		span
	);
}

/** A function inside the value of RETURN. */
export function functionNotReturnable(name: string): never {
	fail(
		'InvalidType',
		'function_in_result',
		`The result holds the function ${quote(name)}, which cannot be returned; call it instead`
	);
}

/** A value nested so deeply (`a = [a];` over and over) that it cannot be walked. */
export function valueTooDeep(cause: unknown): never {
	fail(
		'InvalidType',
		'value_too_deep',
		'The query built a value nested too deeply to compare or return it: nest lists and dicts less',
		undefined,
		cause
	);
}

/** `x / 0`. */
export function divisionByZero(span?: Span): never {
	fail('MathError', 'division_by_zero', 'Division by zero', span);
}

/** A call with too few or too many arguments; `expected` is e.g. "1 or 2". */
export function wrongArgumentCount(
	name: string,
	expected: string,
	got: number,
	span?: Span
): never {
	fail(
		'InvalidFunctionParameters',
		'argument_count',
		`Wrong number of arguments to ${name}: expected ${expected}, got ${got}`,
		span
	);
}

/** `position` is 1-based; `expected`/`actual` are type names such as "a list of events". */
export function invalidArgument(
	name: string,
	position: number,
	expected: string,
	actual: string,
	span?: Span
): never {
	fail(
		'InvalidFunctionParameters',
		'argument_type',
		`Argument ${position} of ${name} must be ${expected}, got ${actual}`,
		span
	);
}

/** A structural problem inside an argument (rule lists, value lists). */
export function invalidParameter(
	name: string,
	problem: string,
	span?: Span,
	cause?: unknown
): never {
	fail(
		'InvalidFunctionParameters',
		'invalid_parameter',
		`Invalid argument to ${name}: ${problem}`,
		span,
		cause
	);
}

/** A request period or TIMEINTERVAL value that is not `START/END` in RFC 3339. */
export function invalidTimeInterval(text: string, problem: string): never {
	fail(
		'TimeIntervalError',
		'invalid_time_interval',
		`Invalid time period ${quote(text)}: ${problem}`
	);
}

/** TIMEINTERVAL reassigned to something other than a String. */
export function timeIntervalNotString(actual: string, span?: Span): never {
	fail(
		'TimeIntervalError',
		'time_interval_not_string',
		`TIMEINTERVAL must be a String 'START/END', got ${actual}`,
		span
	);
}

/** `query_bucket`/`query_bucket_eventcount` on a bucket that does not exist. */
export function bucketNotFound(bucketId: string, span?: Span): never {
	fail('BucketQueryError', 'bucket_not_found', `There is no bucket ${quote(bucketId)}`, span);
}

/** `find_bucket` without a match. */
export function noBucketMatches(filter: string, hostname: string | null, span?: Span): never {
	const host = hostname === null ? '' : ` on host ${quote(hostname)}`;
	fail(
		'BucketQueryError',
		'no_bucket_matches',
		`No bucket id starts with ${quote(filter)}${host}`,
		span
	);
}

/** The event source failed while reading a bucket. */
export function storageFailed(bucketId: string, why: string, span?: Span, cause?: unknown): never {
	fail(
		'BucketQueryError',
		'storage_failed',
		`Reading bucket ${quote(bucketId)} failed: ${why}`,
		span,
		cause
	);
}

/** A pattern that does not compile or cannot be translated (section 11). */
export function regexCompileFailed(
	pattern: string,
	why: string,
	span?: Span,
	cause?: unknown
): never {
	fail(
		'RegexCompileError',
		'regex_compile',
		`The regular expression ${quote(pattern)} is invalid: ${why}`,
		span,
		cause
	);
}

/** A rule with `select_keys: []`. */
export function emptySelectKeys(pattern: string, span?: Span): never {
	fail(
		'RegexCompileError',
		'empty_select_keys',
		`The rule with regex ${quote(pattern)} has an empty select_keys list: list at least one key or leave it out`,
		span
	);
}
