import { describe, expect, it } from 'vitest';
import { ev, run, runError, sourceOf } from '../helpers';
import { MemorySource } from '../../../../../src/core/query';

describe('built-in functions', () => {
	it('find_bucket prefers an exact id, then the smallest matching id', async () => {
		const source = new MemorySource(
			[
				'aw-watcher-window_zeta',
				'aw-watcher-window_',
				'aw-watcher-window_alpha',
				'aw-watcher-window_alpha.local'
			].map((id, i) => ({
				bucket: { id, hostname: i === 3 ? 'alpha' : 'other' }
			}))
		);
		expect(await run('RETURN = find_bucket("aw-watcher-window_");', source)).toBe(
			'aw-watcher-window_'
		);
		expect(await run('RETURN = find_bucket("aw-watcher-window_a");', source)).toBe(
			'aw-watcher-window_alpha'
		);
		expect(await run('RETURN = find_bucket("aw-watcher-window_", "alpha");', source)).toBe(
			'aw-watcher-window_alpha.local'
		);
		const err = await runError('RETURN = find_bucket("aw-watcher-afk_", "alpha");', source);
		expect(err.message).toContain("'aw-watcher-afk_'");
		expect(err.message).toContain("'alpha'");
	});

	it('query_bucket_names sorts by code point, not by UTF-16 unit', async () => {
		const ids = ['b', '\u{1F600}', '\uFF21', 'a'];
		const source = new MemorySource(ids.map((id) => ({ bucket: { id, hostname: 'h' } })));
		expect(await run('RETURN = query_bucket_names();', source)).toEqual([
			'a',
			'b',
			'\uFF21',
			'\u{1F600}'
		]);
	});

	it('query_bucket names the unknown bucket; query_bucket_eventcount too', async () => {
		expect((await runError('RETURN = query_bucket("no \\"such\\" bucket");')).message).toContain(
			'no "such" bucket'
		);
		expect((await runError('RETURN = query_bucket_eventcount("gone");')).kind).toBe(
			'BucketQueryError'
		);
	});

	it('categorize reports a bad pattern with the pattern and the rule structure problems by rule', async () => {
		const bad = await runError(
			'RETURN = categorize([], [[["A"], {"type": "none"}], [["B"], {"type": "regex", "regex": "(?<x"}]]);'
		);
		expect(bad.kind).toBe('RegexCompileError');
		expect(bad.message).toContain("'(?<x'");
		const structure = await runError(
			'RETURN = categorize([], [[["A"], {"type": "none"}], [["B"], {"type": "regex"}]]);'
		);
		expect(structure.message).toContain('rule 2');
	});

	it('categorize gives the same result when the same rules are used again', async () => {
		const source = sourceOf({ w: [ev(1, 0, 1, { title: 'Straße' }), ev(2, 1, 1, { title: 'x' })] });
		const query =
			'r = [[["S"], {"type": "regex", "regex": "STRASSE|straße", "ignore_case": true}]]; a = categorize(query_bucket("w"), r); b = categorize(query_bucket("w"), r); RETURN = [a == b, a];';
		const [same, events] = (await run(query, source)) as [
			boolean,
			{ data: { $category: string[] } }[]
		];
		expect(same).toBe(true);
		expect(events.map((e) => e.data.$category)).toEqual([['Uncategorized'], ['S']]);
	});

	it('filter_keyvals_regex reports a pattern that does not compile', async () => {
		const err = await runError('RETURN = filter_keyvals_regex([], "k", "a**");');
		expect(err.kind).toBe('RegexCompileError');
		expect(err.message).toContain("'a**'");
	});

	it('limit_events truncates toward zero', async () => {
		const source = sourceOf({ b: [ev(1, 0, 1), ev(2, 1, 1), ev(3, 2, 1)] });
		expect(
			await run(
				'RETURN = [limit_events(query_bucket("b"), 2.99), limit_events(query_bucket("b"), 0.5)];',
				source
			)
		).toEqual([
			[
				{ id: 3, timestamp: '2000-01-01T00:00:02Z', duration: 1, data: {} },
				{ id: 2, timestamp: '2000-01-01T00:00:01Z', duration: 1, data: {} }
			],
			[]
		]);
	});

	it('contains compares deeply and without type coercion', async () => {
		expect(
			await run(
				'RETURN = [contains([[1, 2]], [1, 2]), contains([1], true), contains(["1"], 1), contains([print()], print())];'
			)
		).toEqual([true, false, false, true]);
	});

	it('nop takes no argument; concat and print take any number', async () => {
		expect(await run('RETURN = [nop(), concat(), concat([], []), print(1, 2, 3)];')).toEqual([
			1,
			[],
			[],
			null
		]);
	});
});

describe('FUNCTION_NAMES', () => {
	it('lists the functions of both servers and union, sorted', async () => {
		const { FUNCTION_NAMES } = await import('../../../../../src/core/query');
		expect(FUNCTION_NAMES).toEqual([
			'categorize',
			'chunk_events_by_key',
			'concat',
			'contains',
			'exclude_keyvals',
			'filter_keyvals',
			'filter_keyvals_regex',
			'filter_period_intersect',
			'find_bucket',
			'flood',
			'limit_events',
			'merge_events_by_keys',
			'nop',
			'period_union',
			'print',
			'query_bucket',
			'query_bucket_eventcount',
			'query_bucket_names',
			'simplify_window_titles',
			'sort_by_duration',
			'sort_by_timestamp',
			'split_url_events',
			'sum_durations',
			'tag',
			'union',
			'union_no_overlap'
		]);
	});
});
