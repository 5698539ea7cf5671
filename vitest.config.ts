import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Two projects: `unit` runs in Node (fake-indexeddb stands in for the browser's database);
// `e2e` drives the built app in Debian's Chromium through playwright-core, one file at a time.
export default defineConfig({
	plugins: [svelte()],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/**/*.test.ts'],
					exclude: ['tests/e2e/**', 'node_modules/**'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.e2e.ts'],
					environment: 'node',
					testTimeout: 180_000,
					hookTimeout: 180_000,
					fileParallelism: false
				}
			}
		]
	}
});
