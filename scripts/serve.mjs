// Serves the built app (dist/) on 127.0.0.1 with the headers the app relies on:
// - a Content-Security-Policy that keeps every request on the app's own origin;
// - bridge.html may be framed only by the app itself and by allowed extension pages;
// - the service worker script is never cached by HTTP, so updates are seen at once.
// Unknown paths that are not files get index.html, so client-side routes survive a reload.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const ROOT = resolve(process.argv[2] ?? 'dist');
const HOST = process.env.HOST ?? '127.0.0.1';
const PORT = Number(process.env.PORT ?? 5600);

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm'
};

const CSP = [
	"default-src 'self'",
	"script-src 'self'",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' data: blob:",
	"font-src 'self'",
	"connect-src 'self'",
	"worker-src 'self'",
	"frame-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'"
];

// Who may frame bridge.html when this server (not the service worker) delivers it: the app, the
// built-in Hindsight extension (HINDSIGHT_EXTENSION_ID in src/core/bridge-protocol.ts) and any
// Firefox extension (its ids are random per installation). Once the service worker controls the
// origin it serves its precached copy with the extension origins allowed in the settings added
// (src/sw/bridge-document.ts). The bridge's own allow-list still decides what it answers.
const BRIDGE_ANCESTORS = [
	"'self'",
	'chrome-extension://khmcmecilhbdidmdjnacolhjcihdhkln',
	'moz-extension:'
];

function headersFor(path) {
	const headers = {
		'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'no-referrer'
	};
	const isBridge = path.endsWith('/bridge.html');
	const ancestors = isBridge ? BRIDGE_ANCESTORS.join(' ') : "'self'";
	headers['Content-Security-Policy'] = [...CSP, `frame-ancestors ${ancestors}`].join('; ');
	if (path.endsWith('/sw.js') || path.endsWith('.html') || path.endsWith('.webmanifest')) {
		headers['Cache-Control'] = 'no-cache';
	} else if (path.includes('/assets/')) {
		headers['Cache-Control'] = 'public, max-age=31536000, immutable';
	}
	return headers;
}

async function resolveFile(urlPath) {
	const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
	let file = join(ROOT, clean);
	if (!file.startsWith(ROOT)) return null;
	try {
		const info = await stat(file);
		if (info.isDirectory()) file = join(file, 'index.html');
		await stat(file);
		return file;
	} catch {
		return null;
	}
}

const server = createServer(async (req, res) => {
	try {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let file = await resolveFile(url.pathname);
		// API paths are answered by the service worker; reaching the server means no worker
		// controls the page yet, so answer like an unreachable API rather than with HTML.
		if (!file && url.pathname.startsWith('/api/')) {
			res.writeHead(503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
			res.end(
				JSON.stringify({
					message: 'The Hindsight service worker is not active yet; reload the page.'
				})
			);
			return;
		}
		if (!file && !extname(url.pathname)) file = join(ROOT, 'index.html');
		if (!file) {
			res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
			res.end('Not found');
			return;
		}
		const body = await readFile(file);
		res.writeHead(200, headersFor(file));
		res.end(req.method === 'HEAD' ? undefined : body);
	} catch (err) {
		res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
		res.end('Internal error');
		console.error(err);
	}
});

server.listen(PORT, HOST, () => {
	console.log(`Hindsight is served on http://${HOST}:${PORT}/ (from ${ROOT})`);
});

// Stopping ends every connection at once: `close()` alone would wait for sockets a browser
// opened ahead of a request (or left half-sent) until the header timeout, a minute or more.
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		server.close(() => process.exit(0));
		server.closeAllConnections();
	});
}
