import { describe, expect, it } from 'vitest';
import { ev, run, runError, sourceOf } from './helpers';

describe('evaluation', () => {
	it('evaluates every argument before looking up the function', async () => {
		expect((await runError('RETURN = missing(alsomissing);')).message).toContain("'alsomissing'");
		expect((await runError('RETURN = nop(1 / 0);')).kind).toBe('MathError');
		expect((await runError('x = 1; RETURN = x(1 / 0);')).kind).toBe('MathError');
	});

	it('checks the argument count before converting any argument', async () => {
		const err = await runError('RETURN = filter_keyvals(1);');
		expect(err.details.reason).toBe('argument_count');
		expect(err.message).toContain('expected 3, got 1');
	});

	it('reports the first argument that fails to convert', async () => {
		const err = await runError('RETURN = filter_period_intersect([], 5);');
		expect(err.message).toMatch(
			/Argument 2 of filter_period_intersect must be a list of events, got a Number/
		);
	});

	it('gives run-time errors the position of the call', async () => {
		const err = await runError('a = 1;\nRETURN = flood(a);');
		expect(err.details).toMatchObject({ line: 2, column: 10 });
	});

	it('stops at the first true condition and never evaluates the later ones', async () => {
		expect(await run('if true { a = 1; } elif 1 / 0 { a = 2; } RETURN = a;')).toBe(1);
		expect(
			await run('if false { a = 1; } elif true { a = 2; } elif missing { a = 3; } RETURN = a;')
		).toBe(2);
	});

	it('lets assignment shadow a function for the rest of the run, and aliases call through', async () => {
		expect(
			await run(
				'sort = sort_by_duration; sort_by_duration = 3; RETURN = [sort([]), sort_by_duration];'
			)
		).toEqual([[], 3]);
		const err = await runError('sort_by_duration = 3; RETURN = sort_by_duration([]);');
		expect(err.message).toContain("'sort_by_duration' is not a function (it holds a Number)");
	});

	it('refuses functions in comparisons, containers searched by contains and results', async () => {
		expect((await runError('RETURN = [flood] == [flood];')).details.reason).toBe(
			'function_comparison'
		);
		expect((await runError('RETURN = contains([flood], 1);')).details.reason).toBe(
			'function_comparison'
		);
		expect((await runError('RETURN = {"f": {"g": flood}};')).message).toContain("'flood'");
	});

	it('compares lists, dicts and events deeply, ignoring event ids', async () => {
		const source = sourceOf({
			a: [ev(1, 0, 1, { x: [1, { y: 2 }] })],
			b: [ev(2, 0, 1, { x: [1, { y: 2 }] })]
		});
		expect(await run('RETURN = query_bucket("a") == query_bucket("b");', source)).toBe(true);
		expect(await run('RETURN = [[1, "a"], {"k": print()}] == [[1, "a"], {"k": print()}];')).toBe(
			true
		);
		expect(await run('RETURN = {"a": 1} == {"a": 1, "b": 2};')).toBe(false);
		expect(await run('RETURN = [1, 2] == [1];')).toBe(false);
	});

	it('rejects == across types, including between None and a value', async () => {
		expect((await runError('RETURN = print() == 1;')).kind).toBe('InvalidType');
		expect((await runError('RETURN = [] == {};')).kind).toBe('InvalidType');
	});

	it('concatenates lists into new lists, leaving both operands unchanged', async () => {
		expect(await run('a = [1]; b = a + [2]; c = a + [3]; RETURN = [a, b, c];')).toEqual([
			[1],
			[1, 2],
			[1, 3]
		]);
	});

	it('never lets a function change a value held by another variable', async () => {
		const source = sourceOf({
			w: [
				ev(1, 0, 10, { app: 'x', url: 'https://www.a.com/p?q' }),
				ev(2, 12, 10, { app: 'x', url: 'https://b.org' })
			]
		});
		const query = `a = query_bucket("w");
			b = categorize(a, [[["X"], {"type": "regex", "regex": "x"}]]);
			c = tag(a, [["t", {"type": "regex", "regex": "x"}]]);
			d = split_url_events(a);
			e = flood(a);
			f = period_union(a, a);
			g = merge_events_by_keys(a, ["app"]);
			h = union_no_overlap(a, e);
			RETURN = a;`;
		expect(await run(query, source)).toEqual([
			{
				id: 2,
				timestamp: '2000-01-01T00:00:12Z',
				duration: 10,
				data: { app: 'x', url: 'https://b.org' }
			},
			{
				id: 1,
				timestamp: '2000-01-01T00:00:00Z',
				duration: 10,
				data: { app: 'x', url: 'https://www.a.com/p?q' }
			}
		]);
	});

	it('reads the current TIMEINTERVAL for every bucket read', async () => {
		const source = sourceOf({ b: [ev(1, 0, 10), ev(2, 86_400 + 5, 10)] });
		const query = `first = query_bucket_eventcount("b");
			TIMEINTERVAL = "2000-01-02T00:00:00Z/2000-01-03T00:00:00Z";
			second = query_bucket("b");
			RETURN = [first, second, STARTTIME];`;
		expect(await run(query, source)).toEqual([
			1,
			[{ id: 2, timestamp: '2000-01-02T00:00:05Z', duration: 10, data: {} }],
			'2000-01-01T00:00:00+00:00'
		]);
		expect(
			(await runError('TIMEINTERVAL = print(); RETURN = query_bucket("b");', source)).message
		).toContain('None');
	});

	it('raises EmptyQuery only after the whole program ran', async () => {
		expect((await runError('x = 1 / 0;')).kind).toBe('MathError');
		expect((await runError('if false { RETURN = 1; }')).kind).toBe('EmptyQuery');
	});
});
