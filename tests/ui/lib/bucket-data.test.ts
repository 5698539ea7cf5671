import { describe, expect, it } from 'vitest';
import type { Event, EventData, EventJson } from '../../../src/core/model/event';
import { MemorySource, runQuery } from '../../../src/core/query';
import {
	bucketDataQuery,
	chosenPath,
	dataFields,
	groupByPath,
	readChoice,
	ROW_LIMIT,
	valueAt
} from '../../../src/ui/lib/bucket-data';

const S = 1_000_000;
const T0 = Date.UTC(2000, 0, 1, 10) * 1000;
const DAY = '2000-01-01T00:00:00Z/2000-01-02T00:00:00Z';
const json = (seconds: number, data: EventJson['data']): EventJson => ({
	id: null,
	timestamp: '2000-01-01T10:00:00Z',
	duration: seconds,
	data
});

describe('field discovery', () => {
	it('lists the dotted paths of every non-object value, sorted and once each', () => {
		const events: { data: EventData }[] = [
			{ data: { app: 'x', meta: { lang: 'en', size: { w: 1 } } } },
			{ data: { title: 't', app: 'y', tags: ['a'], empty: {} } },
			{ data: {} }
		];
		expect(dataFields(events)).toEqual([
			'app',
			'empty',
			'meta.lang',
			'meta.size.w',
			'tags',
			'title'
		]);
	});

	it('reads a value at a dotted path, undefined where the path leads nowhere', () => {
		const data = { meta: { lang: 'en', none: null }, app: 'x' };
		expect(valueAt(data, 'meta.lang')).toBe('en');
		expect(valueAt(data, 'meta.none')).toBeNull();
		expect(valueAt(data, 'meta')).toEqual({ lang: 'en', none: null });
		expect(valueAt(data, 'app.length')).toBeUndefined();
		expect(valueAt(data, 'meta.missing')).toBeUndefined();
		expect(valueAt(data, 'toString')).toBeUndefined();
	});
});

describe('grouping', () => {
	it('sums durations by value, longest first, leaving out events without the field', () => {
		const rows = groupByPath(
			[
				json(10, { meta: { lang: 'en' } }),
				json(30, { meta: { lang: 'fr' } }),
				json(25, { meta: { lang: 'en' } }),
				json(99, { meta: {} }),
				json(5, { meta: { lang: 3 } })
			],
			'meta.lang'
		);
		expect(rows.map((r) => [r.name, r.seconds])).toEqual([
			['en', 35],
			['fr', 30],
			['3', 5]
		]);
		expect(rows[0].color).toMatch(/^hsl\(/);
	});

	it('keeps at most the row limit', () => {
		const events = Array.from({ length: ROW_LIMIT + 20 }, (_, i) => json(i + 1, { n: `v${i}` }));
		const rows = groupByPath(events, 'n');
		expect(rows).toHaveLength(ROW_LIMIT);
		expect(rows[0]).toMatchObject({ name: `v${ROW_LIMIT + 19}`, seconds: ROW_LIMIT + 20 });
	});

	it('groups through the query engine by a nested path, regrouping the merged events', async () => {
		const data: EventData[] = [
			{ doc: { lang: 'en', file: 'a' } },
			{ doc: { lang: 'en', file: 'b' } },
			{ doc: { lang: 'fr', file: 'c' } },
			{ doc: { lang: 'en', file: 'a' } },
			{ other: 1 }
		];
		const events: Event[] = data.map((d, i) => ({
			id: i + 1,
			timestamp: T0 + i * 100 * S,
			duration: (i + 1) * 10 * S,
			data: d
		}));
		const source = new MemorySource([{ bucket: { id: 'my "bucket"', hostname: 'h' }, events }]);
		const query = bucketDataQuery('my "bucket"', 'doc.lang');
		const [merged] = (await runQuery({ query, timeperiods: [DAY] }, source)) as EventJson[][];
		expect(merged).toHaveLength(3);
		expect(groupByPath(merged, 'doc.lang').map((r) => [r.name, r.seconds])).toEqual([
			['en', 10 + 20 + 40],
			['fr', 30]
		]);
	});
});

describe('the stored choice', () => {
	it('reads the props, empty where missing or malformed', () => {
		expect(readChoice({ bucketId: 'b', field: 'app', customField: 'x.y' })).toEqual({
			bucketId: 'b',
			field: 'app',
			customField: 'x.y'
		});
		expect(readChoice({ bucketId: 3 })).toEqual({ bucketId: '', field: '', customField: '' });
		expect(readChoice(undefined)).toEqual({ bucketId: '', field: '', customField: '' });
	});

	it('groups by the picked field, or else by the custom path', () => {
		expect(chosenPath({ bucketId: 'b', field: 'app', customField: 'x' })).toBe('app');
		expect(chosenPath({ bucketId: 'b', field: '', customField: ' meta.lang ' })).toBe('meta.lang');
		expect(chosenPath({ bucketId: 'b', field: '', customField: '' })).toBe('');
	});
});
