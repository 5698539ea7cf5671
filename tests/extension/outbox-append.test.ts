import { describe, expect, it } from 'vitest';
import { addLogSink, setConsoleLogging, type LogRecord } from '../../src/core/log';
import { bucketsFor } from '../../extension/src/buckets';
import { Outbox } from '../../extension/src/outbox';
import { appendAndReport, type StatusHolder } from '../../extension/src/outbox-append';
import { INITIAL_STATUS, type DeliveryStatus, type StatusPatch } from '../../extension/src/status';
import { heartbeat } from '../../extension/src/watcher/heartbeat';
import { MemoryStore } from './memory-store';

setConsoleLogging(false);

const buckets = bucketsFor({ browserName: 'chrome', deviceName: 'laptop' });
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const QUOTA = 'Resource::kQuotaBytes quota exceeded';

/** The status as the background's StatusStore keeps it, in memory. */
class MemoryStatus implements StatusHolder {
	status: DeliveryStatus = INITIAL_STATUS;
	async read() {
		return this.status;
	}
	async update(patch: StatusPatch) {
		this.status = { ...this.status, ...(typeof patch === 'function' ? patch(this.status) : patch) };
	}
}

function open() {
	const store = new MemoryStore();
	return { store, outbox: new Outbox(store), status: new MemoryStatus() };
}

const step = (title: string, at: number) => [
	heartbeat(buckets.web, { title }, at, 80),
	heartbeat(buckets.window, { app: 'Google Chrome', title }, at, 80)
];

describe('appendAndReport', () => {
	it('reports a full storage with counts instead of throwing, and stores nothing', async () => {
		const { store, outbox, status } = open();
		await appendAndReport(outbox, status, step('a', T0), T0);
		const records: LogRecord[] = [];
		const remove = addLogSink((record) => records.push(record));

		store.failNextSet = QUOTA;
		const result = await appendAndReport(outbox, status, step('b', T0 + 1000), T0 + 1000);
		remove();

		expect(result).toBeNull();
		expect(await outbox.size()).toBe(2);
		expect(status.status.storageError).toMatchObject({
			code: 'quota_exceeded',
			since: T0 + 1000,
			lost: 2
		});
		const error = records.find((r) => r.level === 'error');
		expect(error?.details).toEqual({ code: 'quota_exceeded', entries: 2, waiting: 2 });
	});

	it('adds up the losses, then clears the warning at the first write that works', async () => {
		const { store, outbox, status } = open();
		store.failNextSet = QUOTA;
		await appendAndReport(outbox, status, step('a', T0), T0);
		store.failNextSet = 'IO error: disk';
		await appendAndReport(outbox, status, step('b', T0 + 1000), T0 + 1000);
		expect(status.status.storageError).toMatchObject({
			code: 'storage_failed',
			since: T0,
			at: T0 + 1000,
			lost: 4
		});

		await appendAndReport(outbox, status, [], T0 + 2000);
		expect(status.status.storageError?.lost).toBe(4);

		const records: LogRecord[] = [];
		const remove = addLogSink((record) => records.push(record));
		const result = await appendAndReport(outbox, status, step('c', T0 + 3000), T0 + 3000);
		remove();
		expect(result).toEqual({ added: 2, merged: 0 });
		expect(status.status.storageError).toBeNull();
		expect(records.map((r) => r.details)).toContainEqual({ lost: 4 });
		expect(await outbox.size()).toBe(2);
	});
});
