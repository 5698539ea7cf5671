/**
 * Property tests of evaluation invariants: literals round-trip through serialization, operators
 * fold to the left, evaluating a program never changes the source's events, periods are
 * independent, and the parser fails only with ParsingErrors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../../src/core/model/event';
import { MemorySource, QueryError, parseQuery, runQuery } from '../../../src/core/query';

const DAY = '2000-01-01T00:00:00Z/2000-01-02T00:00:00Z';
const T0 = Date.UTC(2000, 0, 1) * 1000;

type Literal = null | boolean | number | string | Literal[] | { [key: string]: Literal };

const text = fc.string({ maxLength: 8 }).filter((s) => !s.includes('\\'));
const literal: fc.Arbitrary<Literal> = fc.letrec<{ value: Literal }>((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small' },
		fc.boolean(),
		fc.integer({ min: -1000, max: 1000 }),
		fc.integer({ min: 0, max: 1e9 }).map((n) => n / 1000),
		text,
		fc.array(tie('value'), { maxLength: 4 }),
		fc.dictionary(text, tie('value'), { maxKeys: 4 })
	)
})).value;

/** Query text for a literal value. */
function write(value: Literal): string {
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number') {
		return value < 0 ? `(0 - ${-value})` : String(value);
	}
	if (typeof value === 'string') return `"${value.replace(/"/g, '\\"')}"`;
	if (Array.isArray(value)) return `[${value.map(write).join(', ')}]`;
	if (value === null) return 'print()';
	return `{${Object.entries(value)
		.map(([k, v]) => `${write(k)}: ${write(v)}`)
		.join(', ')}}`;
}

async function run(
	query: string,
	source = new MemorySource(),
	periods = [DAY]
): Promise<unknown[]> {
	return runQuery({ query, timeperiods: periods }, source);
}

const events = fc.array(
	fc.record({
		start: fc.integer({ min: 0, max: 3600 }),
		duration: fc.integer({ min: 0, max: 120 }),
		app: fc.constantFrom('a', 'b', 'Firefox'),
		url: fc.constantFrom('https://www.x.com/p?q=1', 'about:blank', 'nope')
	}),
	{ maxLength: 30 }
);

function sourceFrom(
	raw: { start: number; duration: number; app: string; url: string }[]
): MemorySource {
	const list: Event[] = raw.map((e, i) => ({
		id: i + 1,
		timestamp: T0 + e.start * 1_000_000,
		duration: e.duration * 1_000_000,
		data: { app: e.app, url: e.url, nested: { tags: [e.app] } }
	}));
	return new MemorySource([
		{ bucket: { id: 'w', hostname: 'h' }, events: list },
		{
			bucket: { id: 'afk', hostname: 'h' },
			events: list.map((e) => ({
				...e,
				id: (e.id ?? 0) + 1000,
				data: { status: e.data.app === 'a' ? 'afk' : 'not-afk' }
			}))
		}
	]);
}

const PIPELINE = `
	events = flood(query_bucket("w"));
	not_afk = filter_keyvals(flood(query_bucket("afk")), "status", ["not-afk"]);
	events = filter_period_intersect(events, not_afk);
	events = split_url_events(events);
	events = categorize(events, [[["A"], {"type": "regex", "regex": "^a$"}], [["F"], {"type": "regex", "regex": "(?i)firefox"}]]);
	events = tag(events, [["x", {"type": "regex", "regex": "x"}]]);
	u = union_no_overlap(events, query_bucket("w"));
	p = period_union(events, not_afk);
	m = sort_by_duration(merge_events_by_keys(events, ["app", "$category"]));
	c = chunk_events_by_key(sort_by_timestamp(query_bucket("w")), "app");
	s = simplify_window_titles(events, "app");
	RETURN = {"events": events, "m": m, "u": u, "p": p, "c": c, "s": s, "d": sum_durations(events)};`;

describe('evaluation properties', () => {
	it('returns every literal value unchanged', async () => {
		await fc.assert(
			fc.asyncProperty(literal, async (value) => {
				expect(await run(`RETURN = ${write(value)};`)).toEqual([value]);
			}),
			{ numRuns: 150 }
		);
	});

	it('folds operator chains to the left, all operators at one level', async () => {
		const step = fc.tuple(fc.constantFrom('+', '-', '*'), fc.integer({ min: 0, max: 50 }));
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 0, max: 50 }),
				fc.array(step, { maxLength: 8 }),
				async (first, steps) => {
					const expected = steps.reduce(
						(acc, [op, n]) => (op === '+' ? acc + n : op === '-' ? acc - n : acc * n),
						first
					);
					const program = `RETURN = ${first}${steps.map(([op, n]) => ` ${op} ${n}`).join('')};`;
					expect(await run(program)).toEqual([expected]);
				}
			)
		);
	});

	it('never changes the events of the source', async () => {
		await fc.assert(
			fc.asyncProperty(events, async (raw) => {
				const source = sourceFrom(raw);
				const before = structuredClone(await source.getEvents('w', {}));
				const beforeAfk = structuredClone(await source.getEvents('afk', {}));
				await run(PIPELINE, source);
				expect(await source.getEvents('w', {})).toEqual(before);
				expect(await source.getEvents('afk', {})).toEqual(beforeAfk);
			}),
			{ numRuns: 60 }
		);
	});

	it('gives each period the result it gets on its own', async () => {
		const period = fc
			.tuple(fc.integer({ min: 0, max: 3600 }), fc.integer({ min: 0, max: 3600 }))
			.map(([a, b]) => {
				const iso = (s: number) => new Date(T0 / 1000 + s * 1000).toISOString();
				return `${iso(a)}/${iso(b)}`;
			});
		await fc.assert(
			fc.asyncProperty(
				events,
				fc.array(period, { minLength: 1, maxLength: 4 }),
				async (raw, periods) => {
					const source = sourceFrom(raw);
					const together = await run(PIPELINE, source, periods);
					const alone = [];
					for (const p of periods) alone.push(...(await run(PIPELINE, source, [p])));
					expect(together).toEqual(alone);
				}
			),
			{ numRuns: 30 }
		);
	});

	it('fails to parse only with a positioned ParsingError', () => {
		const pieces = fc.constantFrom(
			'a',
			'=',
			'1',
			'"s"',
			';',
			'(',
			')',
			'[',
			']',
			'{',
			'}',
			',',
			':',
			'+',
			'==',
			'if',
			'else',
			'return',
			'#c\n',
			' ',
			'\n',
			'@',
			"'",
			'"'
		);
		fc.assert(
			fc.property(fc.array(pieces, { maxLength: 25 }), (parts) => {
				const text = parts.join('');
				try {
					parseQuery(text);
				} catch (err) {
					expect(err).toBeInstanceOf(QueryError);
					const details = (err as QueryError).details;
					expect(details.kind).toBe('ParsingError');
					expect(details.start).toBeGreaterThanOrEqual(0);
					expect(details.start).toBeLessThanOrEqual(text.length);
				}
			}),
			{ numRuns: 500 }
		);
	});
});
