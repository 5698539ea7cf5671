import { describe, expect, it } from 'vitest';
import { KeyedQueue } from '../../src/store/serial';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('KeyedQueue', () => {
	it('runs tasks of one key one at a time in order, other keys alongside', async () => {
		const queue = new KeyedQueue();
		const log: string[] = [];
		const task = (name: string) => async () => {
			log.push(`start ${name}`);
			await tick();
			log.push(`end ${name}`);
			return name;
		};
		const results = await Promise.all([
			queue.run('a', task('a1')),
			queue.run('a', task('a2')),
			queue.run('b', task('b1'))
		]);
		expect(results).toEqual(['a1', 'a2', 'b1']);
		expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
		expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
		expect(queue.size).toBe(0);
	});

	it('keeps going after a failed task', async () => {
		const queue = new KeyedQueue();
		const failed = queue.run('a', () => Promise.reject(new Error('no')));
		const next = queue.run('a', async () => 'ok');
		await expect(failed).rejects.toThrow('no');
		await expect(next).resolves.toBe('ok');
	});
});

describe('KeyedQueue batches', () => {
	type Seen = { key: string; items: number[] };

	/** A batch task that records its calls and answers each item doubled, after a tick. */
	function doubler(seen: Seen[]) {
		return async (key: string, items: number[]) => {
			seen.push({ key, items: [...items] });
			await tick();
			return items.map((n) => ({ value: n * 2 }));
		};
	}

	it('gathers the items that queue up behind earlier work into one batch', async () => {
		const queue = new KeyedQueue();
		const seen: Seen[] = [];
		const task = doubler(seen);
		const first = queue.batch('a', 1, task);
		await tick();
		const rest = [2, 3, 4].map((n) => queue.batch('a', n, task));
		const other = queue.batch('b', 9, task);
		expect(await Promise.all([first, ...rest, other])).toEqual([2, 4, 6, 8, 18]);
		expect(seen).toEqual([
			{ key: 'a', items: [1] },
			{ key: 'b', items: [9] },
			{ key: 'a', items: [2, 3, 4] }
		]);
		await tick();
		expect(queue.size).toBe(0);
	});

	it('closes the open batch when other work is queued, so the order of work is kept', async () => {
		const queue = new KeyedQueue();
		const log: string[] = [];
		const task = async (_key: string, items: number[]) => {
			log.push(`batch ${items.join(',')}`);
			return items.map((n) => ({ value: n }));
		};
		const done = [
			queue.batch('a', 1, task),
			queue.batch('a', 2, task),
			queue.run('a', async () => log.push('write')),
			queue.batch('a', 3, task)
		];
		await Promise.all(done);
		expect(log).toEqual(['batch 1,2', 'write', 'batch 3']);
	});

	it('starts a new batch once one holds the most items allowed', async () => {
		const queue = new KeyedQueue(2);
		const seen: Seen[] = [];
		const task = doubler(seen);
		await Promise.all([1, 2, 3, 4, 5].map((n) => queue.batch('a', n, task)));
		expect(seen.map((s) => s.items)).toEqual([[1, 2], [3, 4], [5]]);
	});

	it('answers each item with its own outcome and every item with a failure of the task', async () => {
		const queue = new KeyedQueue();
		const mixed = async (_key: string, items: number[]) =>
			items.map((n) => (n % 2 ? { value: n } : { error: new Error(`even ${n}`) }));
		const outcomes = await Promise.allSettled([1, 2, 3].map((n) => queue.batch('a', n, mixed)));
		expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);

		const broken = () => Promise.reject(new Error('broken'));
		const failed = [4, 5].map((n) => queue.batch('a', n, broken));
		for (const result of failed) await expect(result).rejects.toThrow('broken');
		await expect(queue.batch('a', 6, mixed)).rejects.toThrow('even 6');
	});
});
