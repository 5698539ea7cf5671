import { FUNCTIONS } from '../src/core/query/3-eval/functions';
import { demoCategoryRules, generateDemoData } from '../src/core/demo';
import { parseInstant } from '../src/core/model/time';
import { fullDesktopQuery } from '../src/core/queries';
import { MemorySource, runQuery } from '../src/core/query';
import { setConsoleLogging } from '../src/core/log';
setConsoleLogging(false);
const START = parseInstant('2024-05-06T00:00:00Z');
const days = Number(process.env.DAYS ?? 30);
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
// per-statement timing
const stmts = query;
const times: number[] = [];
for (let i = 0; i < Number(process.env.RUNS ?? 10); i++) {
	(globalThis as any).gc?.();
	const t = performance.now();
	await runQuery(req, source);
	times.push(performance.now() - t);
}
process.stdout.write(times.map((t) => t.toFixed(1)).join(' ') + '\n');
if (process.env.STMT) {
	// time each statement prefix cumulatively
	let prev = 0;
	for (let k = 1; k <= stmts.length; k++) {
		const q = [...stmts.slice(0, k), 'RETURN = 1;'];
		const r2 = { query: q, timeperiods: req.timeperiods };
		await runQuery(r2, source);
		await runQuery(r2, source);
		const ts: number[] = [];
		for (let j = 0; j < 5; j++) {
			const t = performance.now();
			await runQuery(r2, source);
			ts.push(performance.now() - t);
		}
		ts.sort((a, b) => a - b);
		const m = ts[2];
		process.stdout.write(
			`${(m - prev).toFixed(1).padStart(7)} ${stmts[k - 1].slice(0, 90).replace(/\n/g, ' ')}\n`
		);
		prev = m;
	}
}
if (process.env.FN) {
	const acc = new Map<string, number>();
	for (const fn of FUNCTIONS.values()) {
		const orig = fn.invoke;
		(fn as any).invoke = async (...a: any[]) => {
			const t = performance.now();
			const r = await (orig as any)(...a);
			acc.set(fn.name, (acc.get(fn.name) ?? 0) + performance.now() - t);
			return r;
		};
	}
	const R = 5;
	for (let i = 0; i < R; i++) {
		(globalThis as any).gc?.();
		await runQuery(req, source);
	}
	const tot = [...acc.values()].reduce((a, b) => a + b, 0);
	for (const [k, v] of [...acc].sort((a, b) => b[1] - a[1]))
		process.stdout.write(`${(v / R).toFixed(1).padStart(8)} ms  ${k}\n`);
	process.stdout.write(`${(tot / R).toFixed(1)} total per run\n`);
}
