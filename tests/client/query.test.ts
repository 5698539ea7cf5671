import { describe, expect, it } from 'vitest';
import { QueryCache, resolveQuery } from '../../src/client/query';

const d1 = new Date('2022-01-01T00:00:00Z');
const d2 = new Date('2022-01-02T00:00:00Z');
const p12 = '2022-01-01T00:00:00.000Z/2022-01-02T00:00:00.000Z';

describe('resolveQuery', () => {
	it('reads an array first as the aw-client-js form with its defaults', () => {
		const call = resolveQuery([
			[{ start: d1, end: d2 }, 'a/b'],
			['x = 1;', 'RETURN = x;']
		]);
		expect(call).toEqual({
			lines: ['x = 1;', 'RETURN = x;'],
			periods: [p12, 'a/b'],
			errorFrom: 300,
			cache: { cache: true, cacheEmpty: false, verbose: false, name: 'query' }
		});
	});

	it('reads a string and an array as the current Python form, splitting the text on line feeds', () => {
		const call = resolveQuery(['x = 1;\nRETURN = x;', [[d1, '2022-01-02T00:00:00+02:00']]]);
		expect(call).toEqual({
			lines: ['x = 1;', 'RETURN = x;'],
			periods: ['2022-01-01T00:00:00.000Z/2022-01-02T00:00:00+02:00'],
			params: undefined,
			errorFrom: 400
		});
	});

	it('reads a string and a start time as the older single-period Python form', () => {
		const call = resolveQuery(['RETURN = 1;', d1, '2022-01-02T00:00:00Z', 'daily', true]);
		expect(call).toMatchObject({
			periods: [`${d1.toISOString()}/2022-01-02T00:00:00Z`],
			params: { name: 'daily', cache: 1 }
		});
	});

	it('sends name and cache only when both are given in a Python form', () => {
		expect(resolveQuery(['RETURN = 1;', [[d1, d2]], 'daily']).params).toBeUndefined();
		expect(resolveQuery(['RETURN = 1;', [[d1, d2]], 'daily', true]).params).toEqual({
			name: 'daily',
			cache: 1
		});
	});

	it('refuses a cached Python query without a name', () => {
		expect(() => resolveQuery(['RETURN = 1;', [[d1, d2]], undefined, true])).toThrow(
			/needs a name/
		);
	});

	it('refuses Python bounds without a UTC offset, quoting them', () => {
		expect(() => resolveQuery(['RETURN = 1;', [['2022-01-01T00:00:00', d2]]])).toThrow(
			/"2022-01-01T00:00:00" has no UTC offset/
		);
		expect(() => resolveQuery(['RETURN = 1;', '2022-01-01', d2])).toThrow(/no UTC offset/);
		expect(resolveQuery(['RETURN = 1;', '2022-01-01T00:00:00.5-0530', d2]).periods).toHaveLength(1);
	});

	it('rejects other argument types with a TypeError', () => {
		expect(() => resolveQuery([42, []])).toThrow(TypeError);
		expect(() => resolveQuery(['RETURN = 1;', 42])).toThrow(TypeError);
		expect(() => resolveQuery([[p12], 'RETURN = 1;'])).toThrow(TypeError);
		expect(() => resolveQuery(['RETURN = 1;', [[d1]]])).toThrow(TypeError);
	});
});

/** A send function that answers each period with the given results and records what it sent. */
function answering(results: Record<string, unknown>) {
	const sent: string[][] = [];
	const send = async (periods: string[]) => {
		sent.push(periods);
		return periods.map((p) => results[p]);
	};
	return { sent, send };
}

describe('QueryCache', () => {
	const jsCall = (periods: string[], cacheEmpty = false, cache = true) => ({
		...resolveQuery([periods, ['RETURN = 1;'], { cacheEmpty, cache }])
	});

	it('answers a repeated query from the cache without a request', async () => {
		const cache = new QueryCache();
		const { sent, send } = answering({ [p12]: [1] });
		expect(await cache.run(jsCall([p12]), send)).toEqual([[1]]);
		expect(await cache.run(jsCall([p12]), send)).toEqual([[1]]);
		expect(sent).toEqual([[p12]]);
	});

	it('sends only the periods it has not cached, and answers in input order', async () => {
		const cache = new QueryCache();
		const other = '2021-01-01T00:00:00Z/2021-01-02T00:00:00Z';
		const { sent, send } = answering({ [p12]: ['a'], [other]: ['b'] });
		await cache.run(jsCall([p12]), send);
		expect(await cache.run(jsCall([other, p12]), send)).toEqual([['b'], ['a']]);
		expect(sent).toEqual([[p12], [other]]);
	});

	it('does not serve empty results unless cacheEmpty is set', async () => {
		const cache = new QueryCache();
		const { sent, send } = answering({ [p12]: [] });
		await cache.run(jsCall([p12]), send);
		await cache.run(jsCall([p12]), send);
		expect(sent).toHaveLength(2);
		await cache.run(jsCall([p12], true), send);
		expect(sent).toHaveLength(2);
	});

	it('never serves a period that ends in the future', async () => {
		const cache = new QueryCache();
		const future = `2022-01-01T00:00:00Z/${new Date(Date.now() + 3600_000).toISOString()}`;
		const { sent, send } = answering({ [future]: [1] });
		await cache.run(jsCall([future]), send);
		await cache.run(jsCall([future]), send);
		expect(sent).toHaveLength(2);
	});

	it('keys results by query text as well as period', async () => {
		const cache = new QueryCache();
		const { sent, send } = answering({ [p12]: [1] });
		await cache.run(jsCall([p12]), send);
		await cache.run(resolveQuery([[p12], ['RETURN = 2;']]), send);
		expect(sent).toHaveLength(2);
	});

	it('sends every period and stores nothing with the cache off, and in Python forms', async () => {
		const cache = new QueryCache();
		const { sent, send } = answering({ [p12]: [1] });
		await cache.run(jsCall([p12], false, false), send);
		await cache.run(jsCall([p12]), send);
		expect(sent).toHaveLength(2);
		const python = resolveQuery(['RETURN = 1;', [[d1, d2]]]);
		await cache.run(python, send);
		await cache.run(python, send);
		expect(sent).toHaveLength(4);
	});
});
