import { describe, expect, it, vi } from 'vitest';
import { HindsightError, isHindsightError } from '../../../src/core/errors';
import type { Event } from '../../../src/core/model/event';
import type { QueryError } from '../../../src/core/query';
import {
	DEFAULT_BUDGET_MS,
	MemorySource,
	runQuery,
	type EventSource
} from '../../../src/core/query';
import type { BucketSummary, EventRange } from '../../../src/core/query/source';

const DAY = '2000-01-01T00:00:00Z/2000-01-02T00:00:00Z';
const S = 1_000_000;

/** A source that counts its calls and can be slowed down or made to fail. */
class SpySource implements EventSource {
	calls = { listBuckets: 0, getEvents: 0, countEvents: 0 };
	constructor(
		private readonly inner: EventSource,
		private readonly delayMs = 0,
		private readonly failure: Error | null = null
	) {}
	async listBuckets(): Promise<BucketSummary[]> {
		this.calls.listBuckets++;
		return this.inner.listBuckets();
	}
	async getEvents(id: string, range: EventRange): Promise<Event[]> {
		this.calls.getEvents++;
		if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
		if (this.failure) throw this.failure;
		return this.inner.getEvents(id, range);
	}
	async countEvents(id: string, range: EventRange): Promise<number> {
		this.calls.countEvents++;
		return this.inner.countEvents(id, range);
	}
}

function memory(): MemorySource {
	return new MemorySource([
		{
			bucket: { id: 'b', hostname: 'h' },
			events: [
				{ id: 1, timestamp: Date.UTC(2000, 0, 1, 1) * 1000, duration: 60 * S, data: { app: 'x' } }
			]
		}
	]);
}

async function failure(promise: Promise<unknown>): Promise<HindsightError> {
	const result = await promise.then(
		() => null,
		(err: unknown) => err
	);
	if (!(result instanceof HindsightError))
		throw new Error(`expected a HindsightError, got ${String(result)}`);
	return result;
}

describe('runQuery', () => {
	it('returns [] for no periods without parsing or reading', async () => {
		const spy = new SpySource(memory());
		expect(await runQuery({ query: 'garbage (((', timeperiods: [] }, spy)).toEqual([]);
		expect(spy.calls).toEqual({ listBuckets: 0, getEvents: 0, countEvents: 0 });
	});

	it('checks the periods first, then parses once, before reading anything', async () => {
		const spy = new SpySource(memory());
		const bad = await failure(runQuery({ query: 'RETURN = (;', timeperiods: ['x'] }, spy));
		expect((bad as QueryError).kind).toBe('TimeIntervalError');
		const query = 'a = query_bucket("b"); RETURN = (;';
		const parse = await failure(runQuery({ query, timeperiods: [DAY, DAY] }, spy));
		expect((parse as QueryError).kind).toBe('ParsingError');
		expect(spy.calls.getEvents).toBe(0);
	});

	it('joins a list of lines with line feeds, so comments end at each line', async () => {
		const result = await runQuery(
			{ query: ['x = 1; # one', 'RETURN = x + 1;'], timeperiods: [DAY] },
			memory()
		);
		expect(result).toEqual([2]);
	});

	it('runs each period in a fresh namespace and reports progress after each', async () => {
		const progress: [number, number][] = [];
		const query =
			'if contains(query_bucket_names(), "b") { n = sum_durations(query_bucket("b")); } RETURN = n;';
		const periods = [DAY, '2000-01-02T00:00:00Z/2000-01-03T00:00:00Z', DAY];
		const result = await runQuery({ query, timeperiods: periods }, memory(), {
			onProgress: (done, total) => progress.push([done, total])
		});
		expect(result).toEqual([60, 0, 60]);
		expect(progress).toEqual([
			[1, 3],
			[2, 3],
			[3, 3]
		]);
	});

	it('fails the whole request when any period fails', async () => {
		const query =
			'if TIMEINTERVAL == "2000-01-02T00:00:00+00:00/2000-01-03T00:00:00+00:00" { x = 1 / 0; } RETURN = 1;';
		const err = await failure(
			runQuery({ query, timeperiods: [DAY, '2000-01-02T00:00:00Z/2000-01-03T00:00:00Z'] }, memory())
		);
		expect((err as QueryError).kind).toBe('MathError');
	});

	it('reads the bucket list once per request', async () => {
		const spy = new SpySource(memory());
		const query = 'a = find_bucket("b"); c = query_bucket_names(); RETURN = a;';
		await runQuery({ query, timeperiods: [DAY, DAY, DAY] }, spy);
		expect(spy.calls.listBuckets).toBe(1);
	});

	it('passes the name as NAME', async () => {
		expect(
			await runQuery({ query: 'RETURN = NAME;', timeperiods: [DAY], name: 'report' }, memory())
		).toEqual(['report']);
	});

	it('stops with timeout once the time budget is spent', async () => {
		const spy = new SpySource(memory(), 30);
		const query = 'a = query_bucket("b"); b = query_bucket("b"); RETURN = 1;';
		const err = await failure(runQuery({ query, timeperiods: [DAY] }, spy, { budgetMs: 10 }));
		expect(err.code).toBe('timeout');
		expect(err.message).toContain('10 ms');
		expect(spy.calls.getEvents).toBe(1);
	});

	it('applies the default time budget when the caller sets none', async () => {
		const spy = new SpySource(memory());
		const original = spy.getEvents.bind(spy);
		let clock = performance.now();
		const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
		spy.getEvents = async (id, range) => {
			clock += DEFAULT_BUDGET_MS + 1;
			return original(id, range);
		};
		try {
			const query = 'a = query_bucket("b"); b = query_bucket("b"); RETURN = 1;';
			const err = await failure(runQuery({ query, timeperiods: [DAY] }, spy));
			expect(err.code).toBe('timeout');
			expect(spy.calls.getEvents).toBe(1);
			expect(await runQuery({ query, timeperiods: [DAY] }, spy, { budgetMs: Infinity })).toEqual([
				1
			]);
		} finally {
			now.mockRestore();
		}
	});

	it('stops with aborted when the signal is set', async () => {
		const signal = { aborted: false };
		const spy = new SpySource(memory());
		const original = spy.getEvents.bind(spy);
		spy.getEvents = async (id, range) => {
			signal.aborted = true;
			return original(id, range);
		};
		const err = await failure(
			runQuery({ query: 'a = query_bucket("b"); RETURN = 1;', timeperiods: [DAY] }, spy, { signal })
		);
		expect(err.code).toBe('aborted');
	});

	it('turns a storage failure into a BucketQueryError naming the bucket', async () => {
		const spy = new SpySource(
			memory(),
			0,
			new HindsightError('database_closed', 'The database was closed')
		);
		const err = await failure(
			runQuery({ query: 'RETURN = query_bucket("b");', timeperiods: [DAY] }, spy)
		);
		expect(err.details).toMatchObject({ kind: 'BucketQueryError', reason: 'storage_failed' });
		expect(err.message).toContain("'b'");
		expect(err.message).toContain('closed');
	});

	it('hands print arguments to onPrint, serialized, in evaluation order', async () => {
		const printed: unknown[][] = [];
		const query =
			'x = print(print("a"), [1, print("b")]); d = {"z": print("c"), "y": print(0 % 0)}; RETURN = 1;';
		await runQuery({ query, timeperiods: [DAY] }, memory(), {
			onPrint: (values) => printed.push(values)
		});
		expect(printed).toEqual([['a'], ['b'], [null, [1, null]], ['c'], [null]]);
	});

	it('rejects a request whose parts have the wrong types', async () => {
		const bad = [
			{ query: 5, timeperiods: [DAY] },
			{ query: ['a', 1], timeperiods: [DAY] },
			{ query: 'RETURN = 1;', timeperiods: 'x' },
			{ query: 'RETURN = 1;', timeperiods: [DAY], name: 3 }
		];
		for (const request of bad) {
			const err = await failure(runQuery(request as never, memory()));
			expect(isHindsightError(err, 'invalid_argument')).toBe(true);
		}
	});
});

describe('print', () => {
	it('shows functions by name instead of failing', async () => {
		const printed: unknown[][] = [];
		const query = 'print(flood, [sort_by_duration], {"f": nop}); RETURN = 1;';
		await runQuery({ query, timeperiods: [DAY] }, memory(), {
			onPrint: (values) => printed.push(values)
		});
		expect(printed).toEqual([
			['<function flood>', ['<function sort_by_duration>'], { f: '<function nop>' }]
		]);
	});
});

describe('limits', () => {
	it('rejects nesting deeper than the parser allows, and accepts it below', async () => {
		const deep = (n: number) => `RETURN = ${'['.repeat(n)}${']'.repeat(n)};`;
		expect(await runQuery({ query: deep(500), timeperiods: [DAY] }, memory())).toHaveLength(1);
		const err = await failure(runQuery({ query: deep(1200), timeperiods: [DAY] }, memory()));
		expect(err.details).toMatchObject({ kind: 'ParsingError', reason: 'nested_too_deep' });
		const chain = (n: number) => `RETURN = 0${' + 1'.repeat(n)};`;
		expect(await runQuery({ query: chain(900), timeperiods: [DAY] }, memory())).toEqual([900]);
		expect(
			(await failure(runQuery({ query: chain(1500), timeperiods: [DAY] }, memory()))).details
				?.reason
		).toBe('nested_too_deep');
		const blocks = `${'if true { '.repeat(1100)}RETURN = 1;${' }'.repeat(1100)}`;
		expect(
			(await failure(runQuery({ query: blocks, timeperiods: [DAY] }, memory()))).details?.reason
		).toBe('nested_too_deep');
	});

	it('turns a value nested beyond the stack into a QueryError', async () => {
		const query = `a = [];\n${'a = [a];\n'.repeat(100_000)}RETURN = a;`;
		const err = await failure(runQuery({ query, timeperiods: [DAY] }, memory()));
		expect(err.details).toMatchObject({ kind: 'InvalidType', reason: 'value_too_deep' });
	});
});
