import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { KnownRows, runLean, sameRow, type LeanScope } from '../../src/store/lean-tx';
import type { HeadRow, MetaRow } from '../../src/store/records';
import type { WriteTables } from '../../src/store/write-tx';
import { failPuts, recordRequests } from './helpers';

const HEADS: LeanScope = [['heads']];
const BOTH: LeanScope = [['heads', 'meta']];

let opened: IDBDatabase[] = [];
let undo: (() => void) | null = null;

afterEach(() => {
	undo?.();
	undo = null;
	for (const db of opened) db.close();
	opened = [];
});

/** A fresh database with the `heads`, `meta` and `blocks` stores keyed as the datastore's. */
function openDb(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = new IDBFactory().open('lean', 1);
		request.onupgradeneeded = () => {
			request.result.createObjectStore('heads', { keyPath: 'bucket' });
			request.result.createObjectStore('meta', { keyPath: 'key' });
			request.result.createObjectStore('blocks', { keyPath: 'key' });
		};
		request.onsuccess = () => {
			opened.push(request.result);
			resolve(request.result);
		};
		request.onerror = () => reject(request.error);
	});
}

const head = (bucket: string, count = 0): HeadRow => ({
	bucket,
	hot: [],
	ref: null,
	count,
	start: null,
	end: null
});

const counters = (nextId: number): MetaRow => ({ key: 'counters', nextId, nextBlock: 1 });

/** What the database holds, read in a transaction of its own. */
function contents(db: IDBDatabase): Promise<{ heads: HeadRow[]; meta: MetaRow[] }> {
	return runLean(db, BOTH, async (t) => ({
		heads: await t.heads.toArray(),
		meta: await t.meta.toArray()
	}));
}

async function seed(db: IDBDatabase): Promise<void> {
	await runLean(db, BOTH, async (t) => {
		await t.heads.bulkPut([head('a', 1), head('b', 2)]);
		await t.meta.put(counters(5));
	});
}

describe('runLean', () => {
	it('commits every write of the body and resolves with its result', async () => {
		const db = await openDb();
		await seed(db);
		const result = await runLean(db, BOTH, async (t) => {
			const [a, missing] = await t.heads.bulkGet(['a', 'zzz']);
			await t.heads.put({ ...a!, count: 10 });
			await t.heads.delete('b');
			return missing;
		});
		expect(result).toBeUndefined();
		expect(await contents(db)).toEqual({ heads: [head('a', 10)], meta: [counters(5)] });
	});

	it('lets the body read its own writes, in key order for toArray', async () => {
		const db = await openDb();
		await seed(db);
		const seen = await runLean(db, HEADS, async (t) => {
			await t.heads.put(head('0first', 7));
			await t.heads.delete('a');
			const row = await t.heads.get('0first');
			row!.count = 99;
			return {
				row: await t.heads.get('0first'),
				a: await t.heads.get('a'),
				all: await t.heads.toArray()
			};
		});
		expect(seen.row).toEqual(head('0first', 7));
		expect(seen.a).toBeUndefined();
		expect(seen.all).toEqual([head('0first', 7), head('b', 2)]);
	});

	it('writes nothing when the body fails after writing', async () => {
		const db = await openDb();
		await seed(db);
		const failing = runLean(db, BOTH, async (t) => {
			await t.heads.put(head('a', 50));
			await t.meta.put(counters(50));
			await t.heads.get('b');
			throw new Error('stop here');
		});
		await expect(failing).rejects.toThrow('stop here');
		expect(await contents(db)).toEqual({
			heads: [head('a', 1), head('b', 2)],
			meta: [counters(5)]
		});
	});

	it('rolls back the writes already handed over when a later one fails', async () => {
		const db = await openDb();
		await seed(db);
		undo = failPuts('meta', 0, () => new DOMException('full', 'QuotaExceededError'));
		const failing = runLean(db, BOTH, async (t) => {
			await t.heads.put(head('a', 50));
			await t.heads.put(head('c', 3));
			await t.meta.put(counters(50));
		});
		await expect(failing).rejects.toMatchObject({ name: 'QuotaExceededError' });
		undo();
		undo = null;
		expect(await contents(db)).toEqual({
			heads: [head('a', 1), head('b', 2)],
			meta: [counters(5)]
		});
	});

	it('writes nothing when IndexedDB committed before the body ended', async () => {
		const db = await openDb();
		await seed(db);
		const failing = runLean(db, HEADS, async (t) => {
			const a = await t.heads.get('a');
			await new Promise((resolve) => setTimeout(resolve, 5));
			await t.heads.put({ ...a!, count: 50 });
		});
		await expect(failing).rejects.toMatchObject({ name: 'TransactionInactiveError' });
		expect((await contents(db)).heads).toEqual([head('a', 1), head('b', 2)]);
	});

	it('stays active across long chains of promise continuations between requests', async () => {
		const db = await openDb();
		await seed(db);
		const hop = async (n: number): Promise<number> => (n === 0 ? 0 : 1 + (await hop(n - 1)));
		await runLean(db, HEADS, async (t) => {
			const a = await t.heads.get('a');
			for (let i = 0; i < 100; i++) await hop(50);
			const b = await t.heads.get('b');
			await t.heads.bulkPut([
				{ ...a!, count: 11 },
				{ ...b!, count: 12 }
			]);
		});
		expect((await contents(db)).heads).toEqual([head('a', 11), head('b', 12)]);
	});

	it('runs the body again over every store of the scope when it reaches outside the likely ones', async () => {
		const db = await openDb();
		await seed(db);
		const scopes: string[][] = [];
		const scope: LeanScope = [['heads'], ['heads', 'meta', 'blocks']];
		const body = async (t: WriteTables) => {
			const a = await t.heads.get('a');
			await t.heads.put({ ...a!, count: a!.count + 1 });
			scopes.push(['heads']);
			const meta = await t.meta.get('counters');
			scopes[scopes.length - 1].push('meta');
			return meta;
		};
		expect(await runLean(db, scope, body)).toEqual(counters(5));
		expect(scopes).toEqual([['heads'], ['heads', 'meta']]);
		expect((await contents(db)).heads).toEqual([head('a', 2), head('b', 2)]);
	});

	it('widens tier by tier, skipping a tier that lacks the store reached for', async () => {
		const db = await openDb();
		await seed(db);
		const runs: string[] = [];
		const scope: LeanScope = [
			['heads'],
			['heads', 'meta'],
			['heads', 'blocks'],
			['heads', 'meta', 'blocks']
		];
		const result = await runLean(db, scope, async (t) => {
			const a = await t.heads.get('a');
			await t.heads.put({ ...a!, count: a!.count + 10 });
			runs.push('heads');
			const meta = await t.meta.get('counters');
			runs.push('meta');
			await t.blocks.get(1);
			runs.push('blocks');
			return meta;
		});
		expect(result).toEqual(counters(5));
		expect(runs).toEqual(['heads', 'heads', 'meta', 'heads', 'meta', 'blocks']);
		expect((await contents(db)).heads).toEqual([head('a', 11), head('b', 2)]);
	});

	it('refuses a store outside every scope, writing nothing', async () => {
		const db = await openDb();
		await seed(db);
		const failing = runLean(db, HEADS, async (t) => {
			await t.heads.put(head('a', 40));
			return t.meta.get('counters');
		});
		await expect(failing).rejects.toThrow(/'meta' is outside/);
		expect((await contents(db)).heads).toEqual([head('a', 1), head('b', 2)]);
	});
});

describe('runLean with known rows', () => {
	/** Adds one to head `a` in a lean transaction, noting in `seen` each request and the body's end. */
	const bump = (db: IDBDatabase, known: KnownRows, seen: string[]) =>
		recordRequests(
			() =>
				runLean(
					db,
					HEADS,
					async (t) => {
						const a = await t.heads.get('a');
						await t.heads.put({ ...a!, count: a!.count + 1 });
						seen.push(`body read ${a!.count}`);
						return a!.count;
					},
					known
				),
			seen
		);

	it('takes a known row as read, checking it with the writes once the body has ended', async () => {
		const db = await openDb();
		await seed(db);
		const known = new KnownRows('heads');
		const seen: string[] = [];
		await bump(db, known, seen);
		expect(seen).toEqual(['heads.get', 'body read 1', 'heads.put']);
		expect(known.get('a')).toEqual(head('a', 2));

		seen.length = 0;
		await bump(db, known, seen);
		// The row was known: the body went on before any request, and the read came with the write.
		expect(seen).toEqual(['body read 2', 'heads.get', 'heads.put']);
		expect((await contents(db)).heads).toEqual([head('a', 3), head('b', 2)]);
		expect(known.get('a')).toEqual(head('a', 3));
	});

	it('runs the body again, reading, when a known row was changed by someone else', async () => {
		const db = await openDb();
		await seed(db);
		const known = new KnownRows('heads');
		known.set('a', head('a', 1));
		await runLean(db, HEADS, async (t) => void (await t.heads.put(head('a', 40))));

		const seen: string[] = [];
		await bump(db, known, seen);
		expect(seen).toEqual([
			'body read 1',
			'heads.get',
			'heads.put',
			'heads.get',
			'body read 40',
			'heads.put'
		]);
		expect((await contents(db)).heads).toEqual([head('a', 41), head('b', 2)]);
		expect(known.get('a')).toEqual(head('a', 41));
	});

	it('treats a known row that was deleted as stale', async () => {
		const db = await openDb();
		await seed(db);
		const known = new KnownRows('heads');
		known.set('b', head('b', 2));
		await runLean(db, HEADS, (t) => t.heads.delete('b'));
		const found = await runLean(db, HEADS, (t) => t.heads.get('b'), known);
		expect(found).toBeUndefined();
		expect(known.get('b')).toBeUndefined();
	});

	it('leaves known rows as they were when the transaction fails', async () => {
		const db = await openDb();
		await seed(db);
		const known = new KnownRows('heads');
		known.set('a', head('a', 1));
		undo = failPuts('heads', 0, () => new DOMException('full', 'QuotaExceededError'));
		const failing = runLean(db, HEADS, async (t) => void (await t.heads.put(head('a', 7))), known);
		await expect(failing).rejects.toMatchObject({ name: 'QuotaExceededError' });
		expect(known.get('a')).toEqual(head('a', 1));
		expect((await contents(db)).heads).toEqual([head('a', 1), head('b', 2)]);
	});

	it('keeps at most its bound, forgetting the rows used least recently', () => {
		const known = new KnownRows('heads', 2);
		known.set('a', 1);
		known.set('b', 2);
		known.set('a', 3);
		known.set('c', 4);
		expect([known.get('a'), known.get('b'), known.get('c')]).toEqual([3, undefined, 4]);
	});
});

describe('sameRow', () => {
	it('compares structured-clone data by value', () => {
		const row = { a: [1, { b: 'x', c: null }], d: new Float64Array([1, 2]), e: Number.NaN };
		expect(sameRow(row, structuredClone(row))).toBe(true);
		expect(sameRow({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
		expect(sameRow({ a: 1 }, { a: 1, b: undefined })).toBe(false);
		expect(sameRow({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
		expect(sameRow({ a: [1] }, { a: { 0: 1 } })).toBe(false);
		expect(sameRow(new Float64Array([1]), new Int32Array([1]))).toBe(false);
		expect(sameRow({ a: 'x' }, { a: 'y' })).toBe(false);
		expect(sameRow(null, undefined)).toBe(false);
		expect(sameRow(undefined, { a: 1 })).toBe(false);
	});
});
