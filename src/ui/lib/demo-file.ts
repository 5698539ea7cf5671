/**
 * The first-run "load demo data" action: a month of the demo generator's realistic activity
 * ending now, as an export document that goes through the ordinary import (so it shows
 * progress and merges like any other file). Events after `now` are left out.
 */
import { generateDemoData } from '../../core/demo';
import { exportBucket, type ExportDocument } from '../../core/model/export';
import { dateToInstant } from '../../core/model/time';
import { addDays, startOfDay } from 'date-fns';

export type DemoFileOptions = { days: number; hostname: string; now?: Date; density?: number };

export function demoExportDocument(options: DemoFileOptions): ExportDocument {
	const now = options.now ?? new Date();
	const first = addDays(startOfDay(now), 1 - options.days);
	const data = generateDemoData({
		start: dateToInstant(first),
		days: options.days,
		density: options.density ?? 0.25,
		hostname: options.hostname,
		stopwatchPerDay: 1
	});
	const limit = dateToInstant(now);
	const doc: ExportDocument = { buckets: {} };
	for (const { bucket, events } of data.buckets) {
		const kept = events.filter((e) => e.timestamp + e.duration <= limit);
		const start = kept.length > 0 ? kept[0].timestamp : null;
		const end = kept.length > 0 ? Math.max(...kept.map((e) => e.timestamp + e.duration)) : null;
		doc.buckets[bucket.id] = exportBucket(bucket, { start, end }, [...kept].reverse());
	}
	return doc;
}

export function demoFile(options: DemoFileOptions): Blob {
	return new Blob([JSON.stringify(demoExportDocument(options))], { type: 'application/json' });
}
