import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBucket, insert, openBench, ORIGIN, type Bench } from './helpers';
import { createRouter } from '../../src/api/router';
import { runQuery } from '../../src/core/query/run';

let bench: Bench;

beforeEach(async () => {
	bench = openBench();
	await createBucket(bench, 'id');
	await insert(bench, 'id', [{ timestamp: '2018-01-01T01:01:01Z', duration: 1 }]);
});

afterEach(() => bench.close());

const PERIOD = '2000-01-01T00:00:00Z/2020-01-01T00:00:00Z';

const query = (body: unknown, search = '') => bench.call('POST', `/api/0/query/${search}`, body);

describe('POST /query/', () => {
	it('answers the Rust test suite example', async () => {
		const { status, body } = await query({
			timeperiods: [PERIOD],
			query: ['return query_bucket("id");']
		});
		expect(status).toBe(200);
		expect(body).toEqual([
			[{ id: expect.any(Number), timestamp: '2018-01-01T01:01:01Z', duration: 1, data: {} }]
		]);
		expect((await query({ timeperiods: [PERIOD], query: ['return 1;'] })).body).toEqual([1]);
	});

	it('answers one result per period, in order, clipped to each period', async () => {
		const { body } = await bench.call('POST', '/api/0/query', {
			timeperiods: [
				'2018-01-01T01:01:01.500000+00:00/2018-01-02T00:00:00+00:00',
				'2019-01-01T00:00:00Z/2019-01-02T00:00:00Z',
				PERIOD
			],
			query: ['RETURN = sum_durations(query_bucket("id"));']
		});
		expect(body).toEqual([0.5, 0, 1]);
	});

	it('joins the lines with newlines and answers [] for no periods', async () => {
		// Joined with nothing, the comment would swallow the second line.
		const lines = ['x = 2; # two', 'RETURN = x * 3;'];
		expect((await query({ timeperiods: [PERIOD], query: lines })).body).toEqual([6]);
		expect((await query({ timeperiods: [], query: lines })).body).toEqual([]);
	});

	it('passes the name parameter to the program as NAME', async () => {
		const { body } = await query(
			{ timeperiods: [PERIOD], query: ['RETURN = NAME;'] },
			'?name=hello&cache=1'
		);
		expect(body).toEqual(['hello']);
	});

	it('answers 400 with type EmptyQuery for an empty program', async () => {
		const { status, body } = await query({ timeperiods: [PERIOD], query: [''] });
		expect(status).toBe(400);
		expect(body).toMatchObject({ type: 'EmptyQuery', message: expect.any(String) });
	});

	it('answers 400 with type, message and position for a parse error', async () => {
		const { status, body } = await query({
			timeperiods: [PERIOD],
			query: ['x = 1;', 'RETURN = (x;']
		});
		expect(status).toBe(400);
		const error = body as Record<string, unknown>;
		expect(Object.keys(error)).toEqual(['type', 'message', 'line', 'column', 'offset']);
		expect(error.type).toBe('ParsingError');
		expect(error.line).toBe(2);
		expect(typeof error.column).toBe('number');
		expect(typeof error.offset).toBe('number');
	});

	it('answers 400 with the error kind for run-time failures', async () => {
		const cases: [string, string][] = [
			['RETURN = nothing;', 'VariableNotDefined'],
			['RETURN = 1 / 0;', 'MathError'],
			['RETURN = query_bucket("missing");', 'BucketQueryError']
		];
		for (const [program, kind] of cases) {
			const { status, body } = await query({ timeperiods: [PERIOD], query: [program] });
			expect(status, program).toBe(400);
			expect((body as { type: string }).type, program).toBe(kind);
		}
	});

	it('answers 400 TimeIntervalError for an invalid period', async () => {
		for (const period of ['2020-01-01T00:00:00Z', 'a/b', '2020-01-01T00:00:00Z/2020/01']) {
			const { status, body } = await query({ timeperiods: [period], query: ['RETURN = 1;'] });
			expect(status, period).toBe(400);
			expect((body as { type: string }).type).toBe('TimeIntervalError');
		}
	});

	it('answers 400 when query or timeperiods is missing or mistyped', async () => {
		for (const body of [
			{ timeperiods: [PERIOD] },
			{ query: ['RETURN = 1;'] },
			{ query: 'RETURN = 1;', timeperiods: [PERIOD] },
			{ query: ['RETURN = 1;'], timeperiods: [1] },
			[1]
		]) {
			const { status, body: answer } = await query(body);
			expect(status, JSON.stringify(body)).toBe(400);
			expect(typeof (answer as { message: string }).message).toBe('string');
		}
	});
});

describe('POST /query/ past the time budget', () => {
	it('answers 500 with the engine message, not a program error', async () => {
		const datastore = bench.datastore;
		const router = createRouter({
			datastore,
			// A budget already spent: the engine stops at its first check.
			runQuery: (request, source) => runQuery(request, source, { budgetMs: -1 }),
			config: { testing: true, version: 'v0.1.0 (hindsight)' }
		});
		const response = await router(
			new Request(`${ORIGIN}/api/0/query/`, {
				method: 'POST',
				body: JSON.stringify({ timeperiods: [PERIOD], query: ['RETURN = query_bucket("id");'] })
			})
		);
		expect(response.status).toBe(500);
		const body = await response.json();
		expect(body.type).toBeUndefined();
		expect(body.message).toMatch(/time budget/);
	});
});
