/**
 * The one logger. Each part of the app takes a scoped logger (`createLogger('store')`); records
 * go to the console and to any registered sinks (the datastore keeps a bounded log that
 * `GET /api/0/log` serves). Debug records are dropped unless debug logging is switched on.
 *
 * Privacy rule: log ids, counts, codes and durations, never the contents of events (titles,
 * URLs, data values). The data is local and private. `details` therefore only takes scalars.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogDetails = Record<string, string | number | boolean | null | undefined>;

export type LogRecord = {
	/** Milliseconds since the Unix epoch. */
	time: number;
	level: LogLevel;
	scope: string;
	message: string;
	details?: LogDetails;
};

export type LogSink = (record: LogRecord) => void;

export type Logger = {
	debug(message: string, details?: LogDetails): void;
	info(message: string, details?: LogDetails): void;
	warn(message: string, details?: LogDetails): void;
	error(message: string, details?: LogDetails): void;
};

const sinks = new Set<LogSink>();
let debugEnabled = false;
let consoleEnabled = true;

/** Turns debug records on or off for every logger. */
export function setDebugLogging(on: boolean): void {
	debugEnabled = on;
}

/** Turns console output on or off (tests switch it off; sinks keep receiving records). */
export function setConsoleLogging(on: boolean): void {
	consoleEnabled = on;
}

/** Registers a sink for every record; returns a function that removes it. */
export function addLogSink(sink: LogSink): () => void {
	sinks.add(sink);
	return () => sinks.delete(sink);
}

function emit(record: LogRecord): void {
	if (record.level === 'debug' && !debugEnabled) return;
	if (consoleEnabled) {
		const line = `[${record.scope}] ${record.message}`;
		const args: unknown[] = record.details ? [line, record.details] : [line];
		console[record.level](...args);
	}
	for (const sink of sinks) {
		try {
			sink(record);
		} catch {
			// A failing sink must not break the caller; there is nowhere left to report it.
		}
	}
}

export function createLogger(scope: string): Logger {
	const at =
		(level: LogLevel) =>
		(message: string, details?: LogDetails): void => {
			const record: LogRecord = { time: Date.now(), level, scope, message };
			if (details) record.details = details;
			emit(record);
		};
	return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
