/**
 * A bucket's block directory in memory: one entry per packed block, sorted by earliest start.
 * Blocks partition time (every start in block i is below the earliest start of block i + 1), so
 * the block that receives an event is the last one starting at or before it, and the blocks of
 * a range are found without reading any of them: those starting at or before the range's end
 * whose greatest end reaches its start.
 */
import type { BlockSummary, Bounds } from './block';
import type { DirRow } from './records';

export type DirEntry = BlockSummary & { key: number };

/** Reads a directory row (absent for a bucket without packed blocks). */
export function readDirectory(row: DirRow | undefined): DirEntry[] {
	if (!row) return [];
	const entries: DirEntry[] = new Array(row.keys.length);
	for (let i = 0; i < row.keys.length; i++) {
		entries[i] = {
			key: row.keys[i],
			start: row.starts[i],
			last: row.lasts[i],
			end: row.ends[i],
			count: row.counts[i]
		};
	}
	return entries;
}

/** The row form of a directory. */
export function directoryRow(bucket: string, entries: readonly DirEntry[]): DirRow {
	const column = (pick: (e: DirEntry) => number) => Float64Array.from(entries, pick);
	return {
		bucket,
		keys: column((e) => e.key),
		starts: column((e) => e.start),
		lasts: column((e) => e.last),
		ends: column((e) => e.end),
		counts: column((e) => e.count)
	};
}

/** The entries whose blocks may hold events selected by `bounds`, in ascending order. */
export function blocksInRange(entries: readonly DirEntry[], bounds: Bounds): DirEntry[] {
	const out: DirEntry[] = [];
	for (const entry of entries) {
		if (entry.start > bounds.end) break;
		if (entry.end >= bounds.start) out.push(entry);
	}
	return out;
}

/** The index of the block that receives an event starting at `start` (entries not empty). */
export function targetIndex(entries: readonly DirEntry[], start: number): number {
	let lo = 0;
	let hi = entries.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (entries[mid].start <= start) lo = mid + 1;
		else hi = mid;
	}
	return Math.max(0, lo - 1);
}

/** True when every event of the block is selected by `bounds` (no need to read it to count). */
export function coveredBy(entry: DirEntry, bounds: Bounds): boolean {
	return entry.start >= bounds.start && entry.last <= bounds.end;
}

/** Earliest start and greatest end over the directory; null when it is empty. */
export function directorySpan(entries: readonly DirEntry[]): { start: number; end: number } | null {
	if (entries.length === 0) return null;
	let end = -Infinity;
	for (const entry of entries) end = Math.max(end, entry.end);
	return { start: entries[0].start, end };
}
