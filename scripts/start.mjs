// `npm start`: build the app when dist/ is missing or older than the sources, then serve it.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
	let latest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
	}
	return latest;
}

const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
const files = ['index.html', 'bridge.html', 'vite.config.ts', 'package-lock.json'];
const sources = Math.max(newest('src'), newest('public'), ...files.map((f) => statSync(f).mtimeMs));
if (built < sources || process.env.HINDSIGHT_REBUILD) {
	const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

await import('./serve.mjs');
