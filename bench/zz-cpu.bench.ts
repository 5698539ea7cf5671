import { demoCategoryRules, generateDemoData } from '../src/core/demo';
import { parseInstant } from '../src/core/model/time';
import { fullDesktopQuery } from '../src/core/queries';
import { MemorySource, runQuery } from '../src/core/query';
import { setConsoleLogging } from '../src/core/log';
setConsoleLogging(false);
const START = parseInstant('2024-05-06T00:00:00Z');
for (const days of [1, 30]) {
	const data = generateDemoData({ start: START, days, seed: 7, hostname: 'bench' });
	const source = new MemorySource(data.buckets);
	const query = fullDesktopQuery({
		windowBucket: data.window.bucket.id,
		afkBucket: data.afk.bucket.id,
		browserBuckets: [data.web.bucket.id],
		filterAfk: true,
		includeAudible: true,
		categories: demoCategoryRules()
	});
	const end = new Date((START + days * 86_400_000_000) / 1000).toISOString();
	const req = { query, timeperiods: [`${new Date(START / 1000).toISOString()}/${end}`] };
	const runs = days === 1 ? 40 : 8;
	for (let i = 0; i < 5; i++) await runQuery(req, source);
	const cpu: number[] = [];
	const wall: number[] = [];
	for (let i = 0; i < runs; i++) {
		(globalThis as any).gc?.();
		const c = process.cpuUsage();
		const t = performance.now();
		await runQuery(req, source);
		wall.push(performance.now() - t);
		const d = process.cpuUsage(c);
		cpu.push((d.user + d.system) / 1000);
	}
	const med = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)].toFixed(1);
	process.stdout.write(`days=${days} wall=${med(wall)} cpu=${med(cpu)}\n`);
}
