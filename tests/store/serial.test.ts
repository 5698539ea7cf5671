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
