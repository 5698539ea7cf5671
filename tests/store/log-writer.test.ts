import { describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '../../src/core/log';
import { LOG_CAP, LogWriter } from '../../src/store/log-writer';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Datastore } from '../../src/store/datastore';
import { openStore } from './helpers';

describe('LogWriter', () => {
	it('keeps info and above and writes them in one batch', async () => {
		const batches: LogRecord[][] = [];
		const writer = new LogWriter(async (records) => void batches.push(records));
		const record = (level: LogRecord['level'], message: string): LogRecord => ({
			time: 1,
			level,
			scope: 't',
			message
		});
		writer.sink(record('debug', 'dropped'));
		writer.sink(record('info', 'a'));
		writer.sink(record('warn', 'b'));
		writer.sink(record('error', 'c'));
		await writer.flush();
		expect(batches.map((b) => b.map((r) => r.message))).toEqual([['a', 'b', 'c']]);
		await writer.flush();
		expect(batches).toHaveLength(1);
	});

	it('swallows write failures', async () => {
		const writer = new LogWriter(() => Promise.reject(new Error('disk')));
		writer.sink({ time: 1, level: 'info', scope: 't', message: 'x' });
		await expect(writer.flush()).resolves.toBeUndefined();
	});
});

describe('getLog', () => {
	it('serves this context’s records newest first, bounded to the cap', async () => {
		const store = await openStore({ captureLog: true });
		const log = createLogger('test-scope');
		for (let i = 0; i < LOG_CAP + 30; i++) log.info(`record ${i}`, { i });
		log.debug('not kept');
		const records = await store.getLog();
		expect(records).toHaveLength(LOG_CAP);
		expect(records[0]).toMatchObject({
			level: 'info',
			scope: 'test-scope',
			message: `record ${LOG_CAP + 29}`
		});
		expect(records[0].details).toEqual({ i: LOG_CAP + 29 });
		expect(records.some((r) => r.message === 'not kept')).toBe(false);
		expect((await store.getLog(2)).map((r) => r.message)).toEqual([
			`record ${LOG_CAP + 29}`,
			`record ${LOG_CAP + 28}`
		]);
	});

	it('keeps the cap across several batches', async () => {
		const store = await openStore({ captureLog: true });
		const log = createLogger('batches');
		for (let batch = 0; batch < 3; batch++) {
			for (let i = 0; i < 600; i++) log.warn(`b${batch} r${i}`);
			await store.getLog(1);
		}
		const records = await store.getLog();
		expect(records).toHaveLength(LOG_CAP);
		expect(records[0].message).toBe('b2 r599');
		expect(records[LOG_CAP - 1].message).toBe('b1 r200');
	});

	it('writes records logged before the datastore was first used, after a short delay', async () => {
		const factory = new IDBFactory();
		const store = new Datastore({ indexedDB: factory, IDBKeyRange, broadcast: false });
		createLogger('early').warn('before any call');
		await new Promise((resolve) => setTimeout(resolve, 400));
		const reader = await openStore({ indexedDB: factory });
		expect((await reader.getLog()).map((r) => r.message)).toContain('before any call');
		store.close();
		await store.whenClosed();
	});
});
