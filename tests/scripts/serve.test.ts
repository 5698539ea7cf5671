import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startAppServer } from '../e2e/lib/server';

const dir = mkdtempSync(join(tmpdir(), 'hindsight-serve-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>served</title>');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A connection that has not sent a whole request, as a browser's preconnected socket. */
async function openSocket(port: number, partial: string): Promise<Socket> {
	const socket = connect(port, '127.0.0.1');
	// The server's end of the stop resets the connection; that is expected here.
	socket.on('error', () => {});
	await new Promise<void>((done) => socket.once('connect', done));
	socket.write(partial);
	return socket;
}

describe('scripts/serve.mjs', () => {
	it('serves the built files and exits on SIGTERM with connections still open', async () => {
		const server = await startAppServer(dir);
		const page = await fetch(`${server.origin}/`);
		expect(await page.text()).toContain('<title>served</title>');

		const sockets = [
			await openSocket(server.port, ''),
			await openSocket(server.port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n')
		];
		const closed = sockets.map((socket) => new Promise((done) => socket.once('close', done)));
		await server.stop();
		await Promise.all(closed);
		await expect(fetch(`${server.origin}/`)).rejects.toThrow();
	});
});
