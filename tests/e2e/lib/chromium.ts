/**
 * Launching Debian's Chromium for browser tests and benchmarks, through playwright-core.
 *
 * Playwright's default switches include `--disable-features=...,ThirdPartyStoragePartitioning,...`
 * which hides the storage-partitioning trap of the extension bridge (see the bridge spec): an
 * iframe without host permission would seem to write into the app's database. By default this
 * launcher drops that default and passes the same feature list again without that feature, so
 * tests see what users' browsers do. Pass `partitioning: false` only to reproduce the trap.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Switches every launch needs on this kind of machine (see the developers' guide). */
export const BASE_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Reads the `--disable-features` list Playwright passes by default, from its own bundle. */
function playwrightDisabledFeatures(): string[] {
	const require = createRequire(import.meta.url);
	const root = dirname(require.resolve('playwright-core/package.json'));
	const source = readFileSync(join(root, 'lib', 'coreBundle.js'), 'utf8');
	const block = /disabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(source);
	if (!block) throw new Error("Cannot find Playwright's default --disable-features list");
	return [...block[1].matchAll(/^\s*"([^"]+)",?\s*$/gm)].map((m) => m[1]);
}

export type LaunchOptions = {
	/** Load this unpacked extension (absolute path). */
	extensionDir?: string;
	/** Keep third-party storage partitioning on, as in users' browsers (default true). */
	partitioning?: boolean;
	/** Reuse a profile directory (to test a browser restart); a fresh one otherwise. */
	userDataDir?: string;
	headless?: boolean;
	/** Extra Chromium switches. */
	args?: string[];
};

export type Launched = {
	context: BrowserContext;
	userDataDir: string;
	/** Closes the browser and removes the profile directory if this launch made it. */
	close(): Promise<void>;
};

export async function launchChromium(options: LaunchOptions = {}): Promise<Launched> {
	const ownDir = !options.userDataDir;
	const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'hindsight-chromium-'));
	const args = [...BASE_ARGS, ...(options.args ?? [])];
	const ignoreDefaultArgs: string[] = [];

	if (options.partitioning !== false) {
		const features = playwrightDisabledFeatures();
		ignoreDefaultArgs.push(`--disable-features=${features.join(',')}`);
		const kept = features.filter((f) => f !== 'ThirdPartyStoragePartitioning');
		args.push(`--disable-features=${kept.join(',')}`);
	}
	if (options.extensionDir) {
		ignoreDefaultArgs.push('--disable-extensions');
		args.push(
			`--disable-extensions-except=${options.extensionDir}`,
			`--load-extension=${options.extensionDir}`
		);
	}

	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM_PATH,
		headless: options.headless ?? true,
		args,
		ignoreDefaultArgs
	});
	return {
		context,
		userDataDir,
		async close() {
			await context.close().catch(() => {});
			if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
		}
	};
}
