/**
 * Messages between the store benchmark's page and its worker. Every request names a command;
 * the worker answers with the same id and a result of plain numbers (never the events read,
 * whose transfer to the page is not part of what is measured).
 */
export type BenchCommand =
	| { cmd: 'seed'; total: number; bigEvents: number; bigDays: number; otherBuckets: number }
	| { cmd: 'seed-baseline' }
	| { cmd: 'read'; days: number; fromDay: number }
	| { cmd: 'read-baseline'; days: number; fromDay: number }
	| { cmd: 'insert'; events: number; batch: number }
	| { cmd: 'heartbeats'; count: number }
	| { cmd: 'import'; events: number }
	| { cmd: 'count'; days: number; fromDay: number };

export type BenchRequest = { id: number } & BenchCommand;

/**
 * `ms`: time taken inside the worker; `n`: how many events the operation returned or wrote;
 * `stall`: the longest time the worker's event loop was blocked meanwhile (imports only).
 */
export type BenchResult = { ms: number; n: number; stall?: number };

export type BenchReply =
	{ id: number; ok: true; result: BenchResult } | { id: number; ok: false; error: string };

/** 2024-01-01T00:00:00Z in microseconds: the first day of the big bucket. */
export const ORIGIN_US = Date.UTC(2024, 0, 1) * 1000;
export const DAY_US = 86_400_000_000;
export const BIG_BUCKET = 'aw-watcher-window_bench';
