/**
 * The sample suite: each folder under samples/ is one case (Svelte's layout):
 * - `query.txt`: the program text, exactly as sent (joined lines);
 * - `data.json` (optional): `{"buckets": {"<id>": {"hostname", "events": [wire events]}}}`, or
 *   `{"fixture": "<name>"}` to use `samples/_fixtures/<name>.json`;
 * - `config.json` (optional): `{"periods": [...], "name": "..."}`; the default period is
 *   2000-01-01T00:00:00Z/2000-01-02T00:00:00Z;
 * - `expected.json`: the whole response (one element per period), or
 * - `error.json`: `{"kind", "reason"?, "line"?, "column"?, "contains"?}`.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../../src/core/model/event';
import { MemorySource, QueryError, runQuery } from '../../../src/core/query';

const ROOT = join(import.meta.dirname, 'samples');
const DEFAULT_PERIOD = '2000-01-01T00:00:00Z/2000-01-02T00:00:00Z';

type BucketData = { hostname?: string; events?: unknown[] };
type Data = { fixture?: string; buckets?: Record<string, BucketData> };
type Config = { periods?: string[]; name?: string };
type ExpectedError = {
	kind: string;
	reason?: string;
	line?: number;
	column?: number;
	contains?: string;
};

function readJson<T>(dir: string, file: string): T | undefined {
	const path = join(dir, file);
	return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

function loadSource(data: Data | undefined): MemorySource {
	const resolved = data?.fixture
		? readJson<Data>(join(ROOT, '_fixtures'), `${data.fixture}.json`)
		: data;
	const buckets = Object.entries(resolved?.buckets ?? {}).map(([id, bucket]) => ({
		bucket: { id, hostname: bucket.hostname ?? 'unknown' },
		events: (bucket.events ?? []).map(parseEvent)
	}));
	return new MemorySource(buckets);
}

const cases = readdirSync(ROOT, { withFileTypes: true })
	.filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
	.map((entry) => entry.name)
	.sort();

describe('query samples', () => {
	it('has at least 80 cases', () => {
		expect(cases.length).toBeGreaterThanOrEqual(80);
	});

	for (const name of cases) {
		const dir = join(ROOT, name);
		it(name, async () => {
			const query = readFileSync(join(dir, 'query.txt'), 'utf8');
			const config = readJson<Config>(dir, 'config.json') ?? {};
			const source = loadSource(readJson<Data>(dir, 'data.json'));
			const request = { query, timeperiods: config.periods ?? [DEFAULT_PERIOD], name: config.name };
			const expected = readJson<unknown[]>(dir, 'expected.json');
			const error = readJson<ExpectedError>(dir, 'error.json');
			if (expected === undefined && error === undefined) throw new Error(`${name}: no expectation`);

			if (expected !== undefined) {
				expect(await runQuery(request, source)).toEqual(expected);
				return;
			}
			const failure = await runQuery(request, source).then(
				() => null,
				(err: unknown) => err
			);
			expect(failure).toBeInstanceOf(QueryError);
			const details = (failure as QueryError).details;
			expect(details.kind).toBe(error!.kind);
			if (error!.reason !== undefined) expect(details.reason).toBe(error!.reason);
			if (error!.line !== undefined) expect(details.line).toBe(error!.line);
			if (error!.column !== undefined) expect(details.column).toBe(error!.column);
			if (error!.contains !== undefined)
				expect((failure as Error).message).toContain(error!.contains);
		});
	}
});
