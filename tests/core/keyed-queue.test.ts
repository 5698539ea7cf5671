import { describe, expect, it } from 'vitest';
import { KeyedQueue } from '../../src/core/keyed-queue';

describe('KeyedQueue', () => {
	it('runs the tasks of one key one at a time, in call order', async () => {
		const queues = new KeyedQueue();
		const log: string[] = [];
		let inFlight = 0;
		const task = (name: string, ms: number) => async () => {
			inFlight++;
			expect(inFlight).toBe(1);
			log.push(`start ${name}`);
			await new Promise((r) => setTimeout(r, ms));
			log.push(`end ${name}`);
			inFlight--;
			return name;
		};
		const results = await Promise.all([
			queues.run('a', task('1', 20)),
			queues.run('a', task('2', 1)),
			queues.run('a', task('3', 5))
		]);
		expect(results).toEqual(['1', '2', '3']);
		expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
	});

	it('lets a failed task reject only its own promise', async () => {
		const queues = new KeyedQueue();
		const failing = queues.run('a', async () => {
			throw new Error('boom');
		});
		const next = queues.run('a', async () => 'ok');
		await expect(failing).rejects.toThrow('boom');
		await expect(next).resolves.toBe('ok');
	});

	it('runs different keys independently', async () => {
		const queues = new KeyedQueue();
		let release: () => void = () => {};
		const blocked = queues.run('a', () => new Promise<void>((r) => (release = r)));
		await expect(queues.run('b', async () => 'b done')).resolves.toBe('b done');
		release();
		await blocked;
	});

	it('forgets a key once its last task has settled', async () => {
		const queues = new KeyedQueue();
		const done = queues.run('a', async () => 'a');
		expect(queues.size).toBe(1);
		await done;
		await new Promise((r) => setTimeout(r, 0));
		expect(queues.size).toBe(0);
	});
});
