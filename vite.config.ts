import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

// The app is a static PWA: index.html (the dashboard) and bridge.html (the extension's delivery
// page) are both entry points, and the service worker in src/sw is compiled by vite-plugin-pwa,
// which injects the precache manifest of the whole build into it.
//
// `aw-client` names the app's own client library (client.md: code written for aw-client-js
// imports it unchanged). Only this config has the alias: vitest's config does not read this
// file, so tests/client can still run the published package's suite against both.
export default defineConfig({
	resolve: {
		alias: [
			{
				find: /^aw-client$/,
				replacement: fileURLToPath(new URL('./src/client/index.ts', import.meta.url))
			}
		]
	},
	plugins: [
		svelte(),
		VitePWA({
			strategies: 'injectManifest',
			srcDir: 'src/sw',
			filename: 'sw.ts',
			injectRegister: false,
			manifest: false,
			injectManifest: {
				// A classic script: every browser that has service workers can run it.
				rollupFormat: 'iife',
				globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json}'],
				maximumFileSizeToCacheInBytes: 8 * 1024 * 1024
			}
		})
	],
	build: {
		target: 'es2022',
		rollupOptions: {
			input: { index: 'index.html', bridge: 'bridge.html' }
		}
	},
	worker: { format: 'es' },
	server: { host: '127.0.0.1', port: 5600, strictPort: true },
	preview: { host: '127.0.0.1', port: 5600, strictPort: true }
});
