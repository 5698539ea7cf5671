/**
 * A model-based property test: random sequences of writes (inserts with and without ids,
 * replaces, deletes, heartbeats, bucket deletes) run against a datastore with tiny blocks and
 * against a plain in-memory model of rest-api.md sections 4 to 6; after every step, full lists,
 * random range reads, counts and bucket metadata must agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/core/model/event';
import type { JsonObject } from '../../src/core/model/json';
import type { EventRange } from '../../src/core/query/source';
import { heartbeatMerge } from '../../src/core/transforms/heartbeat';
import type { Datastore } from '../../src/store/datastore';
import { at, bucket, openStore, sec } from './helpers';

type Op =
	| { kind: 'insert'; events: { start: number; duration: number; data: number; id: number }[] }
	| { kind: 'delete'; pick: number }
	| { kind: 'heartbeat'; start: number; duration: number; data: number; pulse: number }
	| { kind: 'wipe' };

type Stored = Event & { id: number };
const BUCKETS = ['a', 'b'];

class Model {
	events = new Map<string, Map<number, Stored>>(BUCKETS.map((b) => [b, new Map()]));
	refs = new Map<string, number | null>();
	nextId = 1;
	everUsed: number[] = [];

	owner(id: number): string | null {
		for (const [b, events] of this.events) if (events.has(id)) return b;
		return null;
	}

	list(b: string): Stored[] {
		return [...this.events.get(b)!.values()].sort(
			(x, y) => y.timestamp - x.timestamp || x.id - y.id
		);
	}

	insert(b: string, events: Event[]): Stored[] | 'event_in_other_bucket' {
		for (const e of events) {
			const owner = e.id === null ? null : this.owner(e.id);
			if (owner !== null && owner !== b) return 'event_in_other_bucket';
		}
		const fresh = events.filter((e) => e.id === null).length;
		let next = this.nextId;
		this.nextId += fresh;
		const out: Stored[] = [];
		for (const e of events) {
			const id = e.id ?? next++;
			this.nextId = Math.max(this.nextId, id + 1);
			const row = { ...e, id };
			this.events.get(b)!.set(id, row);
			this.everUsed.push(id);
			out.push(row);
		}
		this.refs.set(b, null);
		return out;
	}

	heartbeat(b: string, beat: Event, pulse: number): Stored {
		const events = this.events.get(b)!;
		const ref = this.refs.get(b);
		const reference = ref != null && events.has(ref) ? events.get(ref)! : (this.list(b)[0] ?? null);
		const merged = reference ? heartbeatMerge(reference, beat, pulse) : null;
		const row = merged ? { ...merged, id: reference!.id } : { ...beat, id: this.nextId++ };
		events.set(row.id, row);
		this.everUsed.push(row.id);
		this.refs.set(b, row.id);
		return row;
	}

	select(b: string, range: EventRange): { list: Event[]; count: number } {
		const start = range.start ?? -Infinity;
		const end = range.end ?? Infinity;
		if (start > end) return { list: [], count: 0 };
		const picked = this.list(b).filter(
			(e) => e.timestamp <= end && e.timestamp + e.duration >= start
		);
		const limited = range.limit === undefined ? picked : picked.slice(0, range.limit);
		const list = limited.map((e) => {
			const from = Math.max(e.timestamp, start);
			return { ...e, timestamp: from, duration: Math.min(e.timestamp + e.duration, end) - from };
		});
		return { list, count: picked.length };
	}
}

const DATA: JsonObject[] = [{ app: 'x' }, { app: 'y' }, { app: 'x', title: 't' }];

const opArb: fc.Arbitrary<Op> = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('insert' as const),
			events: fc.array(
				fc.record({
					start: fc.integer({ min: 0, max: 60 }),
					duration: fc.integer({ min: 0, max: 15 }),
					data: fc.integer({ min: 0, max: 2 }),
					id: fc.integer({ min: -3, max: 40 })
				}),
				{ minLength: 1, maxLength: 4 }
			)
		})
	},
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(50) }) },
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('heartbeat' as const),
			start: fc.integer({ min: 0, max: 60 }),
			duration: fc.integer({ min: 0, max: 5 }),
			data: fc.integer({ min: 0, max: 2 }),
			pulse: fc.integer({ min: 0, max: 6 })
		})
	},
	{ weight: 1, arbitrary: fc.constant({ kind: 'wipe' as const }) }
);

const rangeArb = fc.record(
	{
		start: fc.integer({ min: -5, max: 70 }).map((s) => at(s)),
		end: fc.integer({ min: -5, max: 70 }).map((s) => at(s)),
		limit: fc.integer({ min: 0, max: 12 })
	},
	{ requiredKeys: [] }
);

/** Explicit ids: -1..-3 mean none; small values pick an id used before; others are new. */
function explicitId(model: Model, raw: number): number | null {
	if (raw < 0) return null;
	if (raw < 20 && model.everUsed.length > 0) return model.everUsed[raw % model.everUsed.length];
	return 1000 + raw;
}

async function step(store: Datastore, model: Model, op: Op, b: string): Promise<void> {
	if (op.kind === 'insert') {
		const events = op.events.map((e) => ({
			id: explicitId(model, e.id),
			timestamp: at(e.start),
			duration: sec(e.duration),
			data: DATA[e.data]
		}));
		const expected = model.insert(b, events);
		if (expected === 'event_in_other_bucket') {
			await expect(store.insertEvents(b, events)).rejects.toMatchObject({ code: expected });
		} else {
			expect(await store.insertEvents(b, events)).toEqual(expected);
		}
	} else if (op.kind === 'delete') {
		const list = model.list(b);
		const id = list.length > 0 ? list[op.pick % list.length].id : 999;
		if (model.events.get(b)!.delete(id)) model.refs.set(b, null);
		await store.deleteEvent(b, id);
	} else if (op.kind === 'heartbeat') {
		const beat = {
			id: null,
			timestamp: at(op.start),
			duration: sec(op.duration),
			data: DATA[op.data]
		};
		const expected = model.heartbeat(b, beat, op.pulse);
		expect(await store.heartbeat(b, beat, op.pulse)).toEqual(expected);
	} else {
		await store.deleteBucket(b);
		await store.createBucket(bucket(b));
		model.events.set(b, new Map());
		model.refs.set(b, null);
	}
}

async function check(store: Datastore, model: Model, range: EventRange): Promise<void> {
	for (const b of BUCKETS) {
		const list = model.list(b);
		expect(await store.getEvents(b, {})).toEqual(list);
		const { list: selected, count } = model.select(b, range);
		expect(await store.getEvents(b, range)).toEqual(selected);
		expect(await store.countEvents(b, range)).toBe(count);
		const start = list.length ? Math.min(...list.map((e) => e.timestamp)) : null;
		const end = list.length ? Math.max(...list.map((e) => e.timestamp + e.duration)) : null;
		expect((await store.getBucket(b))?.metadata).toEqual({ start, end });
	}
}

describe('the datastore against a model of the REST semantics', () => {
	it('agrees after every step of random write sequences', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(opArb, fc.constantFrom(...BUCKETS), rangeArb), {
					minLength: 1,
					maxLength: 25
				}),
				async (steps) => {
					const store = await openStore({ layout: { hotMax: 2, blockMax: 3, readBatch: 1 } });
					for (const b of BUCKETS) await store.createBucket(bucket(b));
					const model = new Model();
					for (const [op, b, range] of steps) {
						await step(store, model, op, b);
						await check(store, model, range);
					}
					store.close();
					await store.whenClosed();
				}
			),
			{ numRuns: 40 }
		);
	}, 120_000);
});
