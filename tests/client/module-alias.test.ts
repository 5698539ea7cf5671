import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, loadConfigFromFile, type Rollup } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'hindsight-alias-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENTRY = resolve('tests/client/lib/aw-client-user.ts');

/**
 * Bundles ENTRY (inside the repository, where `aw-client` would otherwise resolve to the
 * published package) with the module resolution of the app's vite.config.ts: its `resolve`
 * section. The app's plugins build pages and the service worker, which one module does not need.
 */
async function bundleEntry(): Promise<Rollup.OutputChunk> {
	const loaded = await loadConfigFromFile(
		{ command: 'build', mode: 'production' },
		'vite.config.ts'
	);
	const output = (await build({
		configFile: false,
		logLevel: 'silent',
		resolve: loaded?.config.resolve,
		build: {
			write: false,
			minify: false,
			target: 'es2022',
			lib: { entry: ENTRY, formats: ['es'], fileName: 'entry' }
		}
	})) as Rollup.RollupOutput[] | Rollup.RollupOutput;
	const [result] = Array.isArray(output) ? output : [output];
	return result.output.find((item): item is Rollup.OutputChunk => item.type === 'chunk')!;
}

describe("the app's Vite config", () => {
	it("resolves the module name aw-client to Hindsight's client library", async () => {
		const chunk = await bundleEntry();
		const modules = Object.keys(chunk.modules);
		expect(modules).toContain(resolve('src/client/index.ts'));
		expect(modules.filter((id) => id.includes('node_modules'))).toEqual([]);

		const file = join(dir, 'bundle.mjs');
		writeFileSync(file, chunk.code);
		const bundled = await import(pathToFileURL(file).href);
		expect(bundled.client.baseURL).toBe('http://127.0.0.1:9');
		// Hindsight's class also speaks the Python client's snake_case methods.
		expect(typeof bundled.client.get_info).toBe('function');
	});
});
