/**
 * Starts the app's own static server (scripts/serve.mjs, what `npm start` runs) on 127.0.0.1
 * and a free port, serving a built directory. Tests stop and restart it to simulate the origin
 * server going away.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export async function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => done(port));
		});
	});
}

export type AppServer = {
	origin: string;
	port: number;
	stop(): Promise<void>;
	/** Starts the server again on the same port. */
	start(): Promise<void>;
};

async function waitFor(url: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			const response = await fetch(url);
			if (response.ok) return;
		} catch {
			// not up yet
		}
		if (Date.now() > deadline) throw new Error(`Server at ${url} did not start`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

export async function startAppServer(dir = 'dist', port?: number): Promise<AppServer> {
	const chosen = port ?? (await freePort());
	let child: ChildProcess | null = null;

	const server: AppServer = {
		port: chosen,
		origin: `http://127.0.0.1:${chosen}`,
		async start() {
			child = spawn(process.execPath, [resolve('scripts/serve.mjs'), resolve(dir)], {
				env: { ...process.env, PORT: String(chosen), HOST: '127.0.0.1' },
				stdio: ['ignore', 'ignore', 'inherit']
			});
			await waitFor(`${server.origin}/`, 10_000);
		},
		async stop() {
			const running = child;
			child = null;
			if (!running || running.exitCode !== null) return;
			await new Promise<void>((done) => {
				running.once('exit', () => done());
				running.kill('SIGTERM');
			});
		}
	};
	await server.start();
	return server;
}
