/**
 * Export and import (rest-api.md section 7). An import runs in the caller's single readwrite
 * transaction: it lands whole or not at all. Its work is cut into slices; between slices it
 * waits for its own writes, which hands the event loop back to the worker (IndexedDB delivers
 * results as tasks) without letting the transaction commit, and reports progress.
 */
import { jsonEqual } from '../core/model/json';
import {
	exportBucket,
	parseImportEvents,
	readExportDocument,
	type ExportDocument,
	type ImportBucket
} from '../core/model/export';
import type { Event } from '../core/model/event';
import { bucketRow, listBuckets, readBucket } from './bucket-writes';
import { readAll } from './reads';
import type { StoredEvent } from './records';
import type { BucketSession } from './session';
import type { ImportedBucketSummary, ImportSummary, ProgressCallback } from './types';
import type { Tables } from './versions';
import { bucketNotFound, type WriteTx } from './write-tx';

/** Raw events parsed between two yields (a few milliseconds of work). */
const PARSE_SLICE = 2_500;

/** Blocks written between two yields. */
const WRITE_SLICE_BLOCKS = 2;

/** Validated documents, ready to run: every bucket checked, events still raw. */
export type ImportPlan = { documents: ImportBucket[][]; total: number };

/** Validates every document before anything is written; throws `invalid_import`. */
export function planImport(documents: readonly unknown[]): ImportPlan {
	const parsed = documents.map((doc) => readExportDocument(doc));
	let total = 0;
	for (const doc of parsed) for (const entry of doc) total += entry.rawEvents.length;
	return { documents: parsed, total };
}

/** What an import changed, for the summary and the change notices. */
export type ImportResult = { summary: ImportSummary; sessions: BucketSession[] };

class Progress {
	private done = 0;
	constructor(
		private readonly total: number,
		private readonly callback: ProgressCallback | undefined
	) {
		callback?.(0, total);
	}
	advance(n: number): void {
		this.done += n;
		this.callback?.(this.done, this.total);
	}
}

/** Runs a plan inside the caller's transaction, document by document, bucket by bucket. */
export async function runImport(
	tx: WriteTx,
	plan: ImportPlan,
	onProgress?: ProgressCallback
): Promise<ImportResult> {
	const progress = new Progress(plan.total, onProgress);
	const summaries = new Map<string, ImportedBucketSummary>();
	const sessions = new Map<string, BucketSession>();
	await tx.counters.load();

	for (const doc of plan.documents) {
		for (const entry of doc) {
			const { summary, session } = await importBucket(tx, entry, progress);
			sessions.set(session.bucket, session);
			const seen = summaries.get(summary.id);
			if (!seen) summaries.set(summary.id, summary);
			else {
				seen.added += summary.added;
				seen.duplicates += summary.duplicates;
				seen.invalid += summary.invalid;
			}
		}
	}
	return { summary: { buckets: [...summaries.values()] }, sessions: [...sessions.values()] };
}

async function importBucket(
	tx: WriteTx,
	entry: ImportBucket,
	progress: Progress
): Promise<{ summary: ImportedBucketSummary; session: BucketSession }> {
	const row = bucketRow(entry.bucket);
	const existed = (await tx.db.buckets.get(row.id)) !== undefined;
	if (!existed) await tx.db.buckets.put(row);
	const session = existed ? await tx.session(row.id) : tx.create(row.id);

	const { events, invalid } = await parseSliced(tx, entry.rawEvents);
	const fresh = existed ? await withoutStored(session, events) : events;
	const duplicates = events.length - fresh.length;
	progress.advance(invalid + duplicates);

	// The parsed events belong to this import: give them ids in place rather than copying.
	let next = tx.counters.takeIds(fresh.length);
	for (const event of fresh) event.id = next++;
	const rows = fresh as StoredEvent[];
	rows.sort((a, b) => a.timestamp - b.timestamp || a.id - b.id);
	const slice = WRITE_SLICE_BLOCKS * tx.layout.blockMax;
	for (let i = 0; i < rows.length; i += slice) {
		const part = rows.slice(i, i + slice);
		await session.pack(part);
		await session.writeBlocks();
		await tx.ids.save();
		progress.advance(part.length);
	}
	session.head.ref = null;

	const summary = { id: row.id, created: !existed, added: rows.length, duplicates, invalid };
	return { summary, session };
}

async function parseSliced(
	tx: WriteTx,
	raw: readonly unknown[]
): Promise<{ events: Event[]; invalid: number }> {
	if (raw.length <= PARSE_SLICE) return parseImportEvents(raw);
	const events: Event[] = [];
	let invalid = 0;
	for (let i = 0; i < raw.length; i += PARSE_SLICE) {
		const part = parseImportEvents(raw.slice(i, i + PARSE_SLICE));
		for (const event of part.events) events.push(event);
		invalid += part.invalid;
		await tx.db.meta.get('format');
	}
	return { events, invalid };
}

/**
 * The imported events that the bucket does not already hold identically (same start, same
 * duration, deep-equal data; rest-api.md 7.4). Only events stored before this document count.
 */
async function withoutStored(session: BucketSession, events: Event[]): Promise<Event[]> {
	if (events.length === 0) return events;
	let lo = Infinity;
	let hi = -Infinity;
	for (const event of events) {
		lo = Math.min(lo, event.timestamp);
		hi = Math.max(hi, event.timestamp);
	}
	const byStart = new Map<number, StoredEvent[]>();
	for (const event of await session.eventsStartingIn(lo, hi)) {
		const list = byStart.get(event.timestamp);
		if (list) list.push(event);
		else byStart.set(event.timestamp, [event]);
	}
	const isStored = (e: Event) =>
		byStart.get(e.timestamp)?.some((s) => s.duration === e.duration && jsonEqual(s.data, e.data)) ??
		false;
	return events.filter((e) => !isStored(e));
}

/**
 * The export document of the given buckets (all when omitted), inside a readonly transaction
 * over the bucket and event tables. Throws `bucket_not_found` for an unknown id.
 */
export async function exportDocument(
	db: Tables,
	ids: readonly string[] | undefined,
	onProgress?: ProgressCallback
): Promise<ExportDocument> {
	const buckets = ids
		? await Promise.all(
				ids.map(async (id) => (await readBucket(db, id)) ?? Promise.reject(bucketNotFound(id)))
			)
		: await listBuckets(db);
	const heads = await db.heads.bulkGet(buckets.map((b) => b.id));
	const total = heads.reduce((sum, head) => sum + (head?.count ?? 0), 0);
	let done = 0;
	onProgress?.(0, total);

	const doc: ExportDocument = { buckets: {} };
	for (const bucket of buckets) {
		const events = await readAll(db, bucket.id);
		doc.buckets[bucket.id] = exportBucket(bucket, bucket.metadata, events);
		done += events.length;
		onProgress?.(done, total);
	}
	return doc;
}
