// `npm run bench`: runs every benchmark in bench/ (TypeScript entry points for Node, bundled
// with rolldown) one after another. Each prints `name: value unit` lines. Browser benchmarks are
// Node entries too: they build what they need and drive Chromium through playwright-core.
import { build } from 'rolldown';
import { readdirSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const only = process.argv.slice(2);
const dir = resolve('bench');
const out = resolve('node_modules/.cache/hindsight-bench');
mkdirSync(out, { recursive: true });

const entries = readdirSync(dir)
	.filter((name) => name.endsWith('.bench.ts'))
	.filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
	.sort();

let failed = false;
for (const name of entries) {
	const file = join(out, name.replace(/\.ts$/, '.mjs'));
	await build({
		input: join(dir, name),
		platform: 'node',
		write: true,
		logLevel: 'warn',
		external: [
			/^node:/,
			'playwright-core',
			'vite',
			'rolldown',
			'fake-indexeddb',
			/^fake-indexeddb\//
		],
		output: { file, format: 'esm' }
	});
	console.log(`# ${name}`);
	const result = spawnSync(process.execPath, ['--expose-gc', file], { stdio: 'inherit' });
	if (result.status !== 0) {
		console.error(`# ${name} failed with status ${result.status}`);
		failed = true;
	}
}
process.exit(failed ? 1 : 0);
