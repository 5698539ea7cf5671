import { describe, expect, it } from 'vitest';
import { HindsightError } from '../../../src/core/errors';
import {
	exportBucket,
	parseExportDocument,
	parseImportEvents,
	readExportDocument
} from '../../../src/core/model/export';
import { parseInstant } from '../../../src/core/model/time';

const base = { type: 'afkstatus', client: 'aw-watcher-afk', hostname: 'laptop' };

function importError(doc: unknown): HindsightError {
	try {
		readExportDocument(doc);
	} catch (err) {
		if (err instanceof HindsightError) return err;
		throw err;
	}
	throw new Error('expected invalid_import');
}

describe('readExportDocument', () => {
	it('reads buckets keyed by id, taking the id from the field or else the key', () => {
		const doc = {
			buckets: {
				keyed: { ...base },
				other: { ...base, id: 'from-field', created: '2024-05-01T09:00:00Z' }
			}
		};
		const [a, b] = readExportDocument(doc);
		expect(a.bucket.id).toBe('keyed');
		expect(b.bucket.id).toBe('from-field');
		expect(b.bucket.created).toBe(parseInstant('2024-05-01T09:00:00Z'));
		expect(a.rawEvents).toEqual([]);
	});

	it('reads buckets given as an array', () => {
		const doc = { buckets: [{ ...base, id: 'x', events: [{ timestamp: '2024-05-01' }] }] };
		const [x] = readExportDocument(doc);
		expect(x.bucket).toMatchObject({ id: 'x', type: 'afkstatus', data: {}, name: null });
		expect(x.rawEvents).toHaveLength(1);
	});

	it('ignores metadata, last_updated and other extra fields', () => {
		const doc = {
			buckets: {
				b: { ...base, metadata: { start: 1 }, last_updated: 'x', events: null, extra: true }
			}
		};
		expect(readExportDocument(doc)[0].bucket).toEqual({
			id: 'b',
			name: null,
			type: 'afkstatus',
			client: 'aw-watcher-afk',
			hostname: 'laptop',
			created: expect.any(Number),
			data: {}
		});
	});

	it('refuses documents without a buckets object', () => {
		for (const doc of [null, [], 'text', {}, { buckets: 3 }, { buckets: null }]) {
			expect(importError(doc).code).toBe('invalid_import');
		}
	});

	it('refuses a bucket missing a required field and names the bucket', () => {
		const err = importError({ buckets: { good: { ...base }, bad: { type: 't', client: 'c' } } });
		expect(err.code).toBe('invalid_import');
		expect(err.message).toContain("'bad'");
		expect(err.message).toContain('hostname');
		expect(err.details).toMatchObject({ bucket: 'bad', field: 'hostname' });
	});

	it('refuses array entries without an id, non-object buckets and non-list events', () => {
		expect(importError({ buckets: [{ ...base }] }).message).toContain("'id'");
		expect(importError({ buckets: { a: 'nope' } }).message).toContain("'a'");
		expect(importError({ buckets: { a: { ...base, events: {} } } }).details).toMatchObject({
			field: 'events'
		});
		expect(importError({ buckets: { a: { ...base, id: '' } } }).code).toBe('invalid_import');
	});
});

describe('parseImportEvents', () => {
	it('skips and counts invalid events and drops ids', () => {
		const { events, invalid } = parseImportEvents([
			{ id: 7, timestamp: '2024-05-01T09:00:00Z', duration: 1.5, data: { a: 1 } },
			{ timestamp: 'yesterday' },
			{ timestamp: '2024-05-01T10:00:00Z', duration: -1 },
			'not an event',
			{ timestamp: '2024-05-01T11:00:00+02:00' }
		]);
		expect(invalid).toBe(3);
		expect(events).toEqual([
			{
				id: null,
				timestamp: parseInstant('2024-05-01T09:00:00Z'),
				duration: 1_500_000,
				data: { a: 1 }
			},
			{ id: null, timestamp: parseInstant('2024-05-01T09:00:00Z'), duration: 0, data: {} }
		]);
	});
});

describe('parseExportDocument', () => {
	it('validates buckets and parses their events', () => {
		const [parsed] = parseExportDocument({
			buckets: { a: { ...base, events: [{ timestamp: '2024-05-01T00:00:00Z' }, { duration: 1 }] } }
		});
		expect(parsed.bucket.id).toBe('a');
		expect(parsed.events).toHaveLength(1);
		expect(parsed.invalid).toBe(1);
	});
});

describe('exportBucket', () => {
	it('writes the bucket with metadata, last_updated and events on the wire', () => {
		const created = parseInstant('2024-05-01T09:00:00.123456Z');
		const start = parseInstant('2024-05-01T09:30:00Z');
		const out = exportBucket(
			{ id: 'b', name: 'B', type: 't', client: 'c', hostname: 'h', created, data: { k: 1 } },
			{ start, end: start + 2_500_000 },
			[{ id: 4, timestamp: start, duration: 2_500_000, data: { app: 'x' } }]
		);
		expect(out).toEqual({
			id: 'b',
			name: 'B',
			type: 't',
			client: 'c',
			hostname: 'h',
			created: '2024-05-01T09:00:00.123456Z',
			data: { k: 1 },
			metadata: { start: '2024-05-01T09:30:00Z', end: '2024-05-01T09:30:02.500Z' },
			last_updated: '2024-05-01T09:30:02.500Z',
			events: [{ id: 4, timestamp: '2024-05-01T09:30:00Z', duration: 2.5, data: { app: 'x' } }]
		});
	});

	it('writes null metadata for an empty bucket', () => {
		const out = exportBucket(
			{ id: 'b', name: null, type: 't', client: 'c', hostname: 'h', created: 0, data: {} },
			{ start: null, end: null },
			[]
		);
		expect(out.metadata).toEqual({ start: null, end: null });
		expect(out.last_updated).toBeNull();
	});
});
