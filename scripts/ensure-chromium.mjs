// The browser tests and benchmarks drive Debian's Chromium. Install it when it is missing
// (the CI machine starts without it). Never use a test tool's own browser download.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
	console.log('Chromium is missing; installing it with apt-get.');
	const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
	const run = (args) =>
		spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { stdio: 'inherit' });
	let result = run(['apt-get', 'install', '-y', 'chromium']);
	if (result.status !== 0) {
		run(['apt-get', 'update']);
		result = run(['apt-get', 'install', '-y', 'chromium']);
	}
	if (result.status !== 0 || !existsSync(CHROMIUM)) {
		console.error('Could not install Chromium; the browser tests cannot run.');
		process.exit(1);
	}
}
