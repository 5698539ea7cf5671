/** Shared helpers for the evaluation tests: run a program over one day against a memory source. */
import type { Event } from '../../../../src/core/model/event';
import { MemorySource, QueryError, runQuery } from '../../../../src/core/query';

export const DAY = '2000-01-01T00:00:00Z/2000-01-02T00:00:00Z';
export const T0 = Date.UTC(2000, 0, 1) * 1000;
export const S = 1_000_000;

export const ev = (id: number | null, offset: number, duration: number, data = {}): Event => ({
	id,
	timestamp: T0 + offset * S,
	duration: duration * S,
	data
});

export function sourceOf(buckets: Record<string, Event[]>, hostname = 'host'): MemorySource {
	return new MemorySource(
		Object.entries(buckets).map(([id, events]) => ({ bucket: { id, hostname }, events }))
	);
}

/** The single result of running `query` over DAY. */
export async function run(query: string, source = sourceOf({})): Promise<unknown> {
	const [result] = await runQuery({ query, timeperiods: [DAY] }, source);
	return result;
}

/** The QueryError that running `query` raises. */
export async function runError(query: string, source = sourceOf({})): Promise<QueryError> {
	const err = await run(query, source).then(
		() => null,
		(e: unknown) => e
	);
	if (!(err instanceof QueryError)) throw new Error(`expected a QueryError for ${query}`);
	return err;
}
