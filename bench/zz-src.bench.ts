import { generateDemoData } from '../src/core/demo';
import { parseInstant } from '../src/core/model/time';
import { MemorySource } from '../src/core/query';
const START = parseInstant('2024-05-06T00:00:00Z');
const data = generateDemoData({ start: START, days: 30, seed: 7, hostname: 'bench' });
const source = new MemorySource(data.buckets);
const range = { start: START, end: START + 30 * 86_400_000_000 };
for (const b of data.buckets) {
	const id = b.bucket.id;
	await source.getEvents(id, range);
	const t = performance.now();
	for (let i = 0; i < 20; i++) await source.getEvents(id, range);
	process.stdout.write(`${id}: ${((performance.now() - t) / 20).toFixed(2)} ms for ${b.events.length}\n`);
}
