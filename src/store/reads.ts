/**
 * Range reads, counts and lookups by id (rest-api.md section 6), inside a readonly transaction
 * over READ_TABLES opened by the caller. A range read costs two small reads (head and
 * directory) plus one read per block that overlaps the range; a count reads only the blocks
 * that the range cuts through.
 */
import { HindsightError } from '../core/errors';
import type { Event } from '../core/model/event';
import type { EventRange } from '../core/query/source';
import {
	blockEvent,
	byListOrder,
	clipAll,
	collectRange,
	countRange,
	indexOfId,
	type Bounds
} from './block';
import { blocksInRange, coveredBy, readDirectory, type DirEntry } from './directory';
import { ID_CHUNK, type HeadRow, type StoredEvent } from './records';
import { DEFAULT_LAYOUT } from './session';
import type { Tables } from './versions';
import { bucketNotFound } from './write-tx';

export const READ_TABLES = ['heads', 'dirs', 'blocks', 'idmap'] as const;

type Snapshot = { head: HeadRow; dir: DirEntry[] };

async function snapshot(db: Tables, bucketId: string): Promise<Snapshot> {
	const [head, dir] = await Promise.all([db.heads.get(bucketId), db.dirs.get(bucketId)]);
	if (!head) throw bucketNotFound(bucketId);
	return { head, dir: readDirectory(dir) };
}

function checkBound(value: unknown, field: 'start' | 'end'): void {
	if (value !== undefined && (typeof value !== 'number' || Number.isNaN(value))) {
		throw new HindsightError(
			'invalid_argument',
			`The range ${field} is not a time (${String(value)})`,
			{
				field
			}
		);
	}
}

/**
 * The closed bounds of a range, or null when it selects nothing (start > end). Throws
 * `invalid_argument` for a bound that is not a number.
 */
export function boundsOf(range: EventRange): Bounds | null {
	checkBound(range.start, 'start');
	checkBound(range.end, 'end');
	const start = range.start ?? -Infinity;
	const end = range.end ?? Infinity;
	return start > end ? null : { start, end };
}

/** The limit of a range: absent, negative or not a number means none; fractions round down. */
function limitOf(range: EventRange): number | undefined {
	const limit = range.limit;
	return typeof limit === 'number' && limit >= 0 ? Math.floor(limit) : undefined;
}

function overlaps(event: Event, bounds: Bounds): boolean {
	return event.timestamp <= bounds.end && event.timestamp + event.duration >= bounds.start;
}

/** The selected hot events, as fresh objects, in list order. */
function hotSelection(head: HeadRow, bounds: Bounds): Event[] {
	const out: Event[] = [];
	for (const e of head.hot) if (overlaps(e, bounds)) out.push({ ...e });
	return out.sort(byListOrder);
}

/** Merges two lists that are each in list order. */
function mergeLists(a: Event[], b: Event[]): Event[] {
	if (b.length === 0) return a;
	if (a.length === 0) return b;
	const out: Event[] = new Array(a.length + b.length);
	let i = 0;
	let j = 0;
	let k = 0;
	while (i < a.length && j < b.length) out[k++] = byListOrder(a[i], b[j]) <= 0 ? a[i++] : b[j++];
	while (i < a.length) out[k++] = a[i++];
	while (j < b.length) out[k++] = b[j++];
	return out;
}

/** Reads the blocks newest first until `limit` events starting at or after the last one read. */
async function readNewest(
	db: Tables,
	blocks: DirEntry[],
	bounds: Bounds,
	hot: Event[],
	limit: number,
	batchSize: number
): Promise<Event[]> {
	const out: Event[] = [];
	for (let top = blocks.length; top > 0; top -= batchSize) {
		const batch = blocks.slice(Math.max(0, top - batchSize), top);
		const rows = await db.blocks.bulkGet(batch.map((e) => e.key));
		for (let i = rows.length - 1; i >= 0; i--) collectRange(rows[i]!, bounds, out);
		const floor = batch[0].start;
		let found = out.length;
		for (const event of hot) if (event.timestamp >= floor) found++;
		if (found >= limit) break;
	}
	return out;
}

/**
 * The events of a bucket selected by `range`, clipped, in list order, `limit` keeping the
 * newest. Throws `bucket_not_found`.
 */
export async function readEvents(
	db: Tables,
	bucketId: string,
	range: EventRange,
	readBatch = DEFAULT_LAYOUT.readBatch
): Promise<Event[]> {
	const { head, dir } = await snapshot(db, bucketId);
	const bounds = boundsOf(range);
	const limit = limitOf(range);
	if (!bounds || limit === 0) return [];

	const hot = hotSelection(head, bounds);
	const blocks = blocksInRange(dir, bounds);
	let packed: Event[];
	if (limit !== undefined) {
		packed = await readNewest(db, blocks, bounds, hot, limit, readBatch);
	} else {
		const rows = await db.blocks.bulkGet(blocks.map((e) => e.key));
		packed = [];
		for (let i = rows.length - 1; i >= 0; i--) collectRange(rows[i]!, bounds, packed);
	}

	const events = mergeLists(packed, hot);
	if (limit !== undefined && events.length > limit) events.length = limit;
	clipAll(events, bounds);
	return events;
}

/** The number of events `readEvents` selects, without limit. Throws `bucket_not_found`. */
export async function countEvents(
	db: Tables,
	bucketId: string,
	range: EventRange
): Promise<number> {
	const { head, dir } = await snapshot(db, bucketId);
	const bounds = boundsOf(range);
	if (!bounds) return 0;
	if (bounds.start === -Infinity && bounds.end === Infinity) return head.count;

	let count = 0;
	for (const event of head.hot) if (overlaps(event, bounds)) count++;
	const cutThrough: number[] = [];
	for (const entry of blocksInRange(dir, bounds)) {
		if (coveredBy(entry, bounds)) count += entry.count;
		else cutThrough.push(entry.key);
	}
	const rows = await db.blocks.bulkGet(cutThrough);
	for (const row of rows) count += countRange(row!, bounds);
	return count;
}

/** The event with that id in that bucket, unclipped, or null. Throws `bucket_not_found`. */
export async function readEvent(
	db: Tables,
	bucketId: string,
	eventId: number
): Promise<StoredEvent | null> {
	const head = await db.heads.get(bucketId);
	if (!head) throw bucketNotFound(bucketId);
	const hot = head.hot.find((e) => e.id === eventId);
	if (hot) return hot;

	const chunk = Math.floor(eventId / ID_CHUNK);
	const slots = await db.idmap.get(chunk);
	const key = slots ? slots.blocks[eventId - chunk * ID_CHUNK] : 0;
	if (key === 0) return null;
	const row = await db.blocks.get(key);
	if (!row || row.bucket !== bucketId) return null;
	const index = indexOfId(row, eventId);
	return index < 0 ? null : blockEvent(row, index);
}

/** Every event of a bucket in list order (exports), unclipped, with ids. */
export async function readAll(db: Tables, bucketId: string): Promise<Event[]> {
	return readEvents(db, bucketId, {});
}
