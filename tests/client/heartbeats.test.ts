import { describe, expect, it } from 'vitest';
import { HeartbeatPremerge } from '../../src/client/heartbeats';

const T0 = Date.parse('2024-05-01T09:00:00Z');
const at = (seconds: number, data: Record<string, unknown> = { app: 'code' }, duration = 0) => ({
	timestamp: new Date(T0 + seconds * 1000),
	duration,
	data
});

describe('HeartbeatPremerge', () => {
	it('stores the first heartbeat without committing anything', () => {
		const premerge = new HeartbeatPremerge();
		expect(premerge.offer('b', at(0), 60, 10)).toBeNull();
		expect(premerge.size).toBe(1);
	});

	it('commits a 10 s run at the 11th heartbeat of one per second and starts the next run there', () => {
		const premerge = new HeartbeatPremerge();
		const commits = [];
		for (let s = 0; s <= 10; s++) commits.push(premerge.offer('b', at(s), 60, 10));
		expect(commits.slice(0, 10)).toEqual(Array(10).fill(null));
		expect(commits[10]).toEqual({
			bucketId: 'b',
			pulsetime: 60,
			event: { timestamp: '2024-05-01T09:00:00.000Z', duration: 10, data: { app: 'code' } }
		});
		const [next] = premerge.drain();
		expect(next.event).toEqual({
			timestamp: '2024-05-01T09:00:10.000Z',
			duration: 0,
			data: { app: 'code' }
		});
	});

	it('commits the run so far at once when the data changes', () => {
		const premerge = new HeartbeatPremerge();
		premerge.offer('b', at(0), 60, 10);
		premerge.offer('b', at(3), 60, 10);
		const commit = premerge.offer('b', at(4, { app: 'mail' }), 30, 10);
		expect(commit).toEqual({
			bucketId: 'b',
			pulsetime: 30,
			event: { timestamp: '2024-05-01T09:00:00.000Z', duration: 3, data: { app: 'code' } }
		});
		expect(premerge.drain()[0].event.data).toEqual({ app: 'mail' });
	});

	it('commits the previous run when a heartbeat arrives after more than the pulsetime', () => {
		const premerge = new HeartbeatPremerge();
		premerge.offer('b', at(0), 5, 100);
		const commit = premerge.offer('b', at(6), 5, 100);
		expect(commit?.event.duration).toBe(0);
		expect(premerge.offer('b', at(11), 5, 100)).toBeNull();
	});

	it('keeps a string timestamp with microseconds unchanged and counts heartbeat durations', () => {
		const premerge = new HeartbeatPremerge();
		premerge.offer(
			'b',
			{ timestamp: '2024-05-01T09:00:00.123456Z', duration: 60, data: {} },
			90,
			1000
		);
		premerge.offer(
			'b',
			{ timestamp: '2024-05-01T09:01:00.123456Z', duration: 60, data: {} },
			90,
			1000
		);
		expect(premerge.drain()).toEqual([
			{
				bucketId: 'b',
				pulsetime: 90,
				event: { timestamp: '2024-05-01T09:00:00.123456Z', duration: 120, data: {} }
			}
		]);
	});

	it('commits every merge when the commit interval is 0', () => {
		const premerge = new HeartbeatPremerge();
		premerge.offer('b', at(0), 60, 0);
		expect(premerge.offer('b', at(1), 60, 0)?.event.duration).toBe(1);
		expect(premerge.offer('b', at(2), 60, 0)?.event).toMatchObject({
			duration: 1,
			timestamp: '2024-05-01T09:00:01.000Z'
		});
	});

	it('keeps one pending run per bucket and never merges across buckets', () => {
		const premerge = new HeartbeatPremerge();
		premerge.offer('a', at(0), 60, 10);
		premerge.offer('b', at(1), 60, 10);
		expect(premerge.drain().map((c) => [c.bucketId, c.event.duration])).toEqual([
			['a', 0],
			['b', 0]
		]);
		expect(premerge.size).toBe(0);
	});

	it('is not affected when the caller changes its event object afterwards', () => {
		const premerge = new HeartbeatPremerge();
		const event = at(0, { app: 'code' });
		premerge.offer('b', event, 60, 10);
		event.data.app = 'changed';
		expect(premerge.drain()[0].event.data).toEqual({ app: 'code' });
	});

	it('rejects a heartbeat with an invalid timestamp with invalid_timestamp', () => {
		const premerge = new HeartbeatPremerge();
		expect(() => premerge.offer('b', { timestamp: 'yesterday', data: {} }, 60, 10)).toThrow(
			expect.objectContaining({ code: 'invalid_timestamp' })
		);
	});
});
