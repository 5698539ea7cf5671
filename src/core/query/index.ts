/**
 * The query language ("query2") engine: parse, run, diagnose. See query-language.md.
 */
export { DEFAULT_BUDGET_MS, runQuery, parseQuery, type QueryRequest, type RunOptions } from './run';
export {
	QueryError,
	isQueryError,
	type QueryErrorKind,
	type QueryErrorDetails,
	type Span
} from './errors';
export { codeFrame, toDiagnostic, type QueryDiagnostic } from './diagnostics';
export { parsePeriod, formatPeriod, type Period } from './period';
export { MemorySource, type MemoryBucket } from './memory-source';
export type { CancelSignal } from './3-eval/budget';
export { FUNCTION_NAMES } from './3-eval/functions';
export type { BucketSummary, EventRange, EventSource } from './source';
/** The syntax tree types, for tools such as the query explorer. */
export type * as Ast from './1-parse/ast';
