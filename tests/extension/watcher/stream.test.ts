import { describe, expect, it } from 'vitest';
import { bucketsFor } from '../../../extension/src/buckets';
import { streamHeartbeats } from '../../../extension/src/watcher/stream';

const { web } = bucketsFor({ browserName: 'chrome', deviceName: 'laptop' });
const NOW = Date.UTC(2026, 2, 2, 9, 0, 0);
const A = { url: 'https://a.example/', title: 'A' };
const B = { url: 'https://b.example/', title: 'B' };

/** [timestamp in ms, title, pulsetime] of each heartbeat. */
function summary(beats: ReturnType<typeof streamHeartbeats>) {
	return beats.map((b) => [b.event.timestamp / 1000, b.event.data.title, b.pulsetime]);
}

describe('streamHeartbeats', () => {
	it('extends the current event while the data stays the same', () => {
		expect(summary(streamHeartbeats(web, A, { ...A }, NOW))).toEqual([[NOW, 'A', 80]]);
	});

	it('flushes the previous data at now - 1 ms before the new data at now', () => {
		expect(summary(streamHeartbeats(web, A, B, NOW))).toEqual([
			[NOW - 1, 'A', 80],
			[NOW, 'B', 80]
		]);
	});

	it('ends the previous event at now when nothing is to be recorded any more', () => {
		expect(summary(streamHeartbeats(web, A, null, NOW))).toEqual([[NOW, 'A', 80]]);
	});

	it('resumes after a break with pulsetime 0, so the gap is not bridged', () => {
		expect(summary(streamHeartbeats(web, null, A, NOW))).toEqual([[NOW, 'A', 0]]);
	});

	it('sends nothing while there is nothing to record', () => {
		expect(streamHeartbeats(web, null, null, NOW)).toEqual([]);
	});

	it('sends zero-length heartbeats to the given bucket', () => {
		for (const beat of streamHeartbeats(web, A, B, NOW)) {
			expect(beat.kind).toBe('heartbeat');
			expect(beat.bucket).toBe(web);
			expect(beat.event.duration).toBe(0);
			expect(beat.event.id).toBeNull();
		}
	});
});
