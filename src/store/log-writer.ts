/**
 * The bounded log behind `GET /api/0/log`: a log sink that keeps records at `info` level and
 * above, writes them in batches (one small transaction per batch, not one per record) and keeps
 * only the newest LOG_CAP records in the database. Records that cannot be written are dropped
 * without logging, since a failing log must not feed itself.
 */
import type { LogRecord } from '../core/log';

/** Records kept in the database. */
export const LOG_CAP = 1000;

/** How long records gather before a batch is written (ms). */
const BATCH_DELAY = 250;

export type LogBatchWriter = (records: LogRecord[]) => Promise<void>;

export class LogWriter {
	private buffer: LogRecord[] = [];
	private timer: ReturnType<typeof setTimeout> | null = null;
	private writing: Promise<void> = Promise.resolve();

	constructor(private readonly write: LogBatchWriter) {}

	/** The log sink: keeps `info` and above. */
	readonly sink = (record: LogRecord): void => {
		if (record.level === 'debug') return;
		this.buffer.push(record);
		if (this.buffer.length > LOG_CAP) this.buffer.splice(0, this.buffer.length - LOG_CAP);
		this.timer ??= setTimeout(() => void this.flush(), BATCH_DELAY);
	};

	/** Writes every buffered record; resolves when they are stored (or dropped). */
	flush(): Promise<void> {
		if (this.timer !== null) clearTimeout(this.timer);
		this.timer = null;
		const batch = this.buffer;
		this.buffer = [];
		this.writing = this.writing.then(async () => {
			if (batch.length === 0) return;
			try {
				await this.write(batch);
			} catch {
				// Dropped: see the header.
			}
		});
		return this.writing;
	}
}
