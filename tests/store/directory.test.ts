import { describe, expect, it } from 'vitest';
import {
	blocksInRange,
	coveredBy,
	directoryRow,
	directorySpan,
	readDirectory,
	targetIndex,
	type DirEntry
} from '../../src/store/directory';

const entries: DirEntry[] = [
	{ key: 1, start: 0, last: 9, end: 100, count: 3 },
	{ key: 2, start: 10, last: 19, end: 25, count: 4 },
	{ key: 3, start: 20, last: 29, end: 30, count: 5 }
];

describe('directory', () => {
	it('round-trips through its row', () => {
		expect(readDirectory(directoryRow('b', entries))).toEqual(entries);
		expect(readDirectory(undefined)).toEqual([]);
	});

	it('finds blocks for a range through their greatest end, not only their start', () => {
		expect(blocksInRange(entries, { start: 26, end: 28 }).map((e) => e.key)).toEqual([1, 3]);
		expect(blocksInRange(entries, { start: 101, end: 1000 }).map((e) => e.key)).toEqual([]);
		expect(blocksInRange(entries, { start: -5, end: 10 }).map((e) => e.key)).toEqual([1, 2]);
	});

	it('routes a start to the last block starting at or before it', () => {
		expect(targetIndex(entries, -3)).toBe(0);
		expect(targetIndex(entries, 10)).toBe(1);
		expect(targetIndex(entries, 19.5)).toBe(1);
		expect(targetIndex(entries, 99)).toBe(2);
	});

	it('knows which blocks a range covers whole, and the overall span', () => {
		expect(coveredBy(entries[1], { start: 10, end: 19 })).toBe(true);
		expect(coveredBy(entries[1], { start: 11, end: 30 })).toBe(false);
		expect(directorySpan(entries)).toEqual({ start: 0, end: 100 });
		expect(directorySpan([])).toBeNull();
	});
});
