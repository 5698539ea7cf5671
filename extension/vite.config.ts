/**
 * Builds the extension into `dist-extension/` (`npm run build:extension`): the background
 * service worker (an ES module, `background.js` at the root, as the manifest names it), the
 * popup, the options page and the offscreen document, plus `manifest.json`.
 *
 * `HINDSIGHT_APP_ORIGIN` chooses the app origin the build is made for (default
 * `http://127.0.0.1:5600`): the default origin of a fresh install and its host permission.
 * Browser tests use it to build for their server's port; `--outDir` puts such a build elsewhere.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { buildManifest, PAGES } from './manifest';
import { DEFAULT_APP_ORIGIN, parseAppOrigin } from './src/settings';

const here = fileURLToPath(new URL('.', import.meta.url));
const appOrigin = parseAppOrigin(process.env.HINDSIGHT_APP_ORIGIN ?? DEFAULT_APP_ORIGIN);

function readVersion(): string {
	const pkg = JSON.parse(readFileSync(resolve(here, '../package.json'), 'utf8')) as {
		version: string;
	};
	return pkg.version;
}

function manifest(): Plugin {
	return {
		name: 'hindsight-extension-manifest',
		generateBundle() {
			const key = readFileSync(resolve(here, 'public-key.txt'), 'utf8').trim();
			const source = buildManifest({ key, version: readVersion(), appOrigin });
			this.emitFile({
				type: 'asset',
				fileName: 'manifest.json',
				source: JSON.stringify(source, null, '\t') + '\n'
			});
		}
	};
}

const page = (path: string) => resolve(here, 'src', path);

export default defineConfig({
	root: resolve(here, 'src'),
	base: '/',
	publicDir: false,
	define: { __HINDSIGHT_APP_ORIGIN__: JSON.stringify(appOrigin) },
	plugins: [manifest()],
	build: {
		outDir: resolve(here, '../dist-extension'),
		emptyOutDir: true,
		target: 'es2022',
		minify: false,
		modulePreload: { polyfill: false },
		rollupOptions: {
			input: {
				background: page('background/main.ts'),
				popup: page(PAGES.popup),
				options: page(PAGES.options),
				offscreen: page(PAGES.offscreen)
			},
			output: {
				entryFileNames: (chunk) =>
					chunk.name === 'background' ? PAGES.background : 'assets/[name]-[hash].js'
			}
		}
	}
});
