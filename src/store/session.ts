/**
 * One bucket's events inside a readwrite transaction (README.md has the layout). A session
 * reads the head at once and the directory and blocks only when an operation needs them; it
 * keeps every change in memory and writes the changed rows in `commit()`. All its methods must
 * run inside the transaction of the WriteTx that made it.
 *
 * Dexie keeps its transaction across awaits of native async functions for only about a hundred
 * microtask hops between two database requests (its "zone echoes"); past that the transaction
 * commits early. So every operation here loads what it needs in a fixed number of batched
 * requests (`ensure`) and then works synchronously: no loop ever awaits per event.
 *
 * Invariants kept here:
 * - blocks partition time (directory.ts), each holds at most `blockMax` events (a run of more
 *   events with one start is never cut) and is sorted by start, then id;
 * - every packed event is listed in the id index under its block; hot events are not;
 * - the hot set holds at most `hotMax` events besides the heartbeat reference.
 */
import { HindsightError } from '../core/errors';
import { byListOrder, byStartThenId, decodeBlock, encodeBlock, summarize } from './block';
import {
	directoryRow,
	directorySpan,
	readDirectory,
	targetIndex,
	type DirEntry
} from './directory';
import type { HeadRow, StoredEvent } from './records';
import type { WriteTx } from './write-tx';

/**
 * Sizes of the layout (README.md); small values let tests cross block boundaries with tiny
 * fixtures. `readBatch` is how many blocks a read with a limit fetches at a time.
 */
export type Layout = { hotMax: number; blockMax: number; readBatch: number };

export const DEFAULT_LAYOUT: Layout = { hotMax: 16, blockMax: 1024, readBatch: 4 };

export class BucketSession {
	private dir: DirEntry[] | null = null;
	private dirDirty = false;
	private readonly blocks = new Map<number, StoredEvent[]>();
	private readonly dirty = new Set<number>();
	/** The span of every event added, changed or removed, for the change notice. */
	touchedStart = Infinity;
	touchedEnd = -Infinity;

	constructor(
		private readonly tx: WriteTx,
		readonly head: HeadRow
	) {}

	get bucket(): string {
		return this.head.bucket;
	}

	private touch(event: StoredEvent): void {
		this.touchedStart = Math.min(this.touchedStart, event.timestamp);
		this.touchedEnd = Math.max(this.touchedEnd, event.timestamp + event.duration);
	}

	private widen(event: StoredEvent): void {
		const end = event.timestamp + event.duration;
		const { start, end: last } = this.head;
		this.head.start = start === null ? event.timestamp : Math.min(start, event.timestamp);
		this.head.end = last === null ? end : Math.max(last, end);
	}

	/** Loads the directory and those of `keys` that are blocks of this bucket (batched). */
	async ensure(keys: Iterable<number> = []): Promise<void> {
		this.dir ??= readDirectory(await this.tx.db.dirs.get(this.bucket));
		const listed = new Set(this.dir.map((e) => e.key));
		const missing = [...new Set(keys)].filter((key) => listed.has(key) && !this.blocks.has(key));
		if (missing.length === 0) return;

		const rows = await this.tx.db.blocks.bulkGet(missing);
		missing.forEach((key, i) => {
			const row = rows[i];
			if (!row || row.bucket !== this.bucket) {
				throw new HindsightError('storage_failed', `Block ${key} of '${this.bucket}' is missing`, {
					bucket: this.bucket,
					block: key
				});
			}
			this.blocks.set(key, decodeBlock(row));
		});
	}

	/** The keys of every block of this bucket. */
	async blockKeys(): Promise<number[]> {
		await this.ensure();
		return this.entries().map((e) => e.key);
	}

	/** The directory; `ensure()` must have run. */
	private entries(): DirEntry[] {
		if (!this.dir) throw new HindsightError('internal', 'The directory was used before loading');
		return this.dir;
	}

	/** Adds events (with ids) to the hot set, packing the hot set when it grows too large. */
	async add(events: readonly StoredEvent[]): Promise<void> {
		for (const event of events) {
			this.head.hot.push(event);
			this.touch(event);
			this.widen(event);
		}
		this.head.count += events.length;
		if (this.head.hot.length > this.tx.layout.hotMax) await this.packHot();
	}

	/** Adds events (with ids) straight into blocks, bypassing the hot set (imports). */
	async pack(events: StoredEvent[]): Promise<void> {
		for (const event of events) {
			this.touch(event);
			this.widen(event);
		}
		this.head.count += events.length;
		await this.place(events);
	}

	/** Replaces a hot event in place (a heartbeat merge); the span only grows. */
	updateHot(event: StoredEvent): void {
		const index = this.head.hot.findIndex((e) => e.id === event.id);
		if (index < 0) throw new HindsightError('internal', `Event ${event.id} is not hot`);
		this.head.hot[index] = event;
		this.touch(event);
		this.widen(event);
	}

	/** Moves every hot event except the heartbeat reference into blocks. */
	async packHot(): Promise<void> {
		const ref = this.head.ref;
		const moving = this.head.hot.filter((e) => e.id !== ref);
		this.head.hot = this.head.hot.filter((e) => e.id === ref);
		await this.place(moving);
	}

	/** Every event of the bucket starting within [lo, hi]. */
	async eventsStartingIn(lo: number, hi: number): Promise<StoredEvent[]> {
		await this.ensure();
		const keys = this.entries()
			.filter((e) => e.start <= hi && e.last >= lo)
			.map((e) => e.key);
		await this.ensure(keys);
		const inside = (e: StoredEvent) => e.timestamp >= lo && e.timestamp <= hi;
		const out = this.head.hot.filter(inside);
		for (const key of keys)
			for (const event of this.blocks.get(key)!) if (inside(event)) out.push(event);
		return out;
	}

	/**
	 * Removes these events from the bucket (hot or packed) and returns the ones it held, by id.
	 * Reads the id index and the blocks involved in two batches.
	 */
	async takeMany(ids: readonly number[]): Promise<Map<number, StoredEvent>> {
		const taken = new Map<number, StoredEvent>();
		if (ids.length === 0) return taken;
		await this.tx.ids.prefetch(ids);
		await this.ensure(ids.map((id) => this.tx.ids.peek(id)).filter((key) => key !== 0));
		for (const id of ids) {
			const event = this.takeLoaded(id);
			if (event) taken.set(id, event);
		}
		return taken;
	}

	/** Removes event `id` from this bucket and returns it; null when the bucket lacks it. */
	async take(id: number): Promise<StoredEvent | null> {
		return (await this.takeMany([id])).get(id) ?? null;
	}

	private takeLoaded(id: number): StoredEvent | null {
		const taken = this.removeLoaded(id);
		if (taken) {
			this.head.count--;
			this.touch(taken);
		}
		return taken;
	}

	private removeLoaded(id: number): StoredEvent | null {
		const hot = this.head.hot.findIndex((e) => e.id === id);
		if (hot >= 0) return this.head.hot.splice(hot, 1)[0];

		const key = this.tx.ids.peek(id);
		const events = key === 0 ? undefined : this.blocks.get(key);
		const index = events ? events.findIndex((e) => e.id === id) : -1;
		if (!events || index < 0) return null;
		const [taken] = events.splice(index, 1);
		this.tx.ids.set(id, 0);
		this.storeBlock(key, events, []);
		return taken;
	}

	/** Moves an event of this bucket into the hot set (heartbeats then rewrite only the head). */
	async promote(id: number): Promise<StoredEvent | null> {
		const hot = this.head.hot.find((e) => e.id === id);
		if (hot) return hot;
		const event = await this.take(id);
		if (event) {
			this.head.hot.push(event);
			this.head.count++;
		}
		return event;
	}

	/** The bucket's first event in list order (latest start, lowest id), or null. */
	async newest(): Promise<StoredEvent | null> {
		let best: StoredEvent | null = null;
		for (const event of this.head.hot) if (!best || byListOrder(event, best) < 0) best = event;
		if (this.head.count === this.head.hot.length) return best;
		await this.ensure();
		const dir = this.entries();
		if (dir.length === 0) return best;

		const key = dir[dir.length - 1].key;
		await this.ensure([key]);
		const events = this.blocks.get(key)!;
		const top = events[lastRunStart(events)];
		return !best || byListOrder(top, best) < 0 ? top : best;
	}

	/** Recomputes the bucket's span after removals. */
	async recomputeSpan(): Promise<void> {
		await this.ensure();
		const span = directorySpan(this.entries());
		let start = span ? span.start : Infinity;
		let end = span ? span.end : -Infinity;
		for (const event of this.head.hot) {
			start = Math.min(start, event.timestamp);
			end = Math.max(end, event.timestamp + event.duration);
		}
		this.head.start = start === Infinity ? null : start;
		this.head.end = end === -Infinity ? null : end;
	}

	/** Routes events into the blocks that own their starts, splitting blocks that overflow. */
	async place(events: StoredEvent[]): Promise<void> {
		if (events.length === 0) return;
		events.sort(byStartThenId);
		await this.ensure();
		const dir = this.entries();
		if (dir.length === 0) {
			this.storeNew(events);
			return;
		}

		const groups = new Map<number, StoredEvent[]>();
		for (const event of events) {
			const key = dir[targetIndex(dir, event.timestamp)].key;
			const group = groups.get(key);
			if (group) group.push(event);
			else groups.set(key, [event]);
		}
		await this.ensure(groups.keys());
		for (const [key, incoming] of groups) {
			this.storeBlock(key, mergeSorted(this.blocks.get(key)!, incoming), incoming);
		}
	}

	/** Creates blocks for sorted events in an empty directory. */
	private storeNew(events: StoredEvent[]): void {
		const pieces = cut(events, this.tx.layout.blockMax, true);
		this.entries().push(...pieces.map((piece) => this.newBlock(piece)));
		this.dirDirty = true;
	}

	private newBlock(events: StoredEvent[]): DirEntry {
		const key = this.tx.counters.takeBlockKey();
		this.blocks.set(key, events);
		this.dirty.add(key);
		for (const event of events) this.tx.ids.set(event.id, key);
		return { key, ...summarize(events) };
	}

	/**
	 * Sets a loaded block's events (sorted). `incoming` are events new to this block, which the
	 * id index must list under it. An empty block is dropped; an overflowing one is cut, the
	 * first piece keeping the key (the last block is filled up, others cut into even pieces).
	 */
	private storeBlock(key: number, events: StoredEvent[], incoming: readonly StoredEvent[]): void {
		const dir = this.entries();
		const index = dir.findIndex((e) => e.key === key);
		this.dirty.add(key);
		this.dirDirty = true;
		if (events.length === 0) {
			this.blocks.set(key, events);
			dir.splice(index, 1);
			return;
		}
		// TODO: merge a block that deletes left nearly empty into a neighbour. Deletes are rare
		// (the event editor), so for now reads only pay for a few extra small blocks.

		const isLast = index === dir.length - 1;
		const [first, ...rest] = cut(events, this.tx.layout.blockMax, isLast);
		this.blocks.set(key, first);
		dir[index] = { key, ...summarize(first) };
		const staying = new Set(first);
		for (const event of incoming) if (staying.has(event)) this.tx.ids.set(event.id, key);
		dir.splice(index + 1, 0, ...rest.map((piece) => this.newBlock(piece)));
	}

	/** Writes the changed blocks and forgets them (to bound memory during big imports). */
	async writeBlocks(): Promise<void> {
		const puts = [];
		const deletes: number[] = [];
		for (const key of this.dirty) {
			const events = this.blocks.get(key)!;
			if (events.length === 0) deletes.push(key);
			else puts.push(encodeBlock(key, this.bucket, events));
		}
		this.dirty.clear();
		this.blocks.clear();
		if (puts.length > 0) await this.tx.db.blocks.bulkPut(puts);
		if (deletes.length > 0) await this.tx.db.blocks.bulkDelete(deletes);
	}

	/** Writes everything this session changed. */
	async commit(): Promise<void> {
		await this.writeBlocks();
		if (this.dir && this.dirDirty) await this.tx.db.dirs.put(directoryRow(this.bucket, this.dir));
		this.dirDirty = false;
		await this.tx.db.heads.put(this.head);
	}
}

/** The position of the first event of the last run of equal starts in sorted events. */
function lastRunStart(events: readonly StoredEvent[]): number {
	let i = events.length - 1;
	while (i > 0 && events[i - 1].timestamp === events[i].timestamp) i--;
	return i;
}

function mergeSorted(a: readonly StoredEvent[], b: readonly StoredEvent[]): StoredEvent[] {
	const out: StoredEvent[] = new Array(a.length + b.length);
	let i = 0;
	let j = 0;
	let k = 0;
	while (i < a.length && j < b.length) out[k++] = byStartThenId(a[i], b[j]) <= 0 ? a[i++] : b[j++];
	while (i < a.length) out[k++] = a[i++];
	while (j < b.length) out[k++] = b[j++];
	return out;
}

/**
 * Cuts sorted events into pieces of at most `max` (greedy: full pieces then the rest; else
 * pieces of even size), never between two events with the same start.
 */
export function cut(events: StoredEvent[], max: number, greedy: boolean): StoredEvent[][] {
	if (events.length <= max) return [events];
	const pieces = Math.ceil(events.length / max);
	const size = greedy ? max : Math.ceil(events.length / pieces);
	const out: StoredEvent[][] = [];
	let from = 0;
	while (from < events.length) {
		const to = cutPoint(events, from, Math.min(events.length, from + size));
		out.push(events.slice(from, to));
		from = to;
	}
	return out;
}

/** Moves a cut off a run of equal starts: back if the piece keeps something, else forward. */
function cutPoint(events: readonly StoredEvent[], from: number, to: number): number {
	if (to >= events.length) return events.length;
	const same = (i: number) => events[i - 1].timestamp === events[i].timestamp;
	let back = to;
	while (back > from && same(back)) back--;
	if (back > from) return back;
	let forward = to;
	while (forward < events.length && same(forward)) forward++;
	return forward;
}
