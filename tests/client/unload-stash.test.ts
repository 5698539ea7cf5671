import { afterEach, describe, expect, it, vi } from 'vitest';
import { stash, takeStash } from '../../src/client/unload-stash';
import { memoryStorage } from './lib/page-globals';

afterEach(() => vi.unstubAllGlobals());

const entry = (n: number) => ({
	queue: 'q.v1',
	endpoint: `buckets/b/heartbeat?pulsetime=${n}`,
	data: { n },
	added: n
});

describe('unload stash', () => {
	it('appends entries per queue and hands them out once, oldest first', () => {
		vi.stubGlobal('localStorage', memoryStorage());
		expect(stash('q.v1', [entry(1)])).toBe(true);
		expect(stash('q.v1', [entry(2), entry(3)])).toBe(true);
		expect(stash('other.v1', [entry(9)])).toBe(true);
		expect(takeStash('q.v1')).toEqual([entry(1), entry(2), entry(3)]);
		expect(takeStash('q.v1')).toEqual([]);
		expect(takeStash('other.v1')).toEqual([entry(9)]);
	});

	it('reports false without localStorage, and when writing fails', () => {
		expect(stash('q.v1', [entry(1)])).toBe(false);
		expect(takeStash('q.v1')).toEqual([]);
		const full = memoryStorage();
		full.setItem = () => {
			throw new DOMException('full', 'QuotaExceededError');
		};
		vi.stubGlobal('localStorage', full);
		expect(stash('q.v1', [entry(1)])).toBe(false);
	});

	it('drops a corrupted stash instead of failing', () => {
		const storage = memoryStorage();
		storage.setItem('aw-client-stash:q.v1', '{not json');
		vi.stubGlobal('localStorage', storage);
		expect(takeStash('q.v1')).toEqual([]);
		expect(storage.getItem('aw-client-stash:q.v1')).toBeNull();
	});
});
