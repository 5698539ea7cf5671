/**
 * The setup most browser test files share, as vitest hooks. Each `use*` function registers a
 * `beforeAll` that prepares what the file needs and an `afterAll` that stops and removes it, and
 * returns an object whose fields are set once that `beforeAll` has run: read them inside tests
 * and in hooks registered after the call (those run after the setup, and their `afterAll` runs
 * before its clean-up).
 *
 * The app is always served from a fresh copy of the build (`copyBuild`), so no test depends on
 * `dist/` staying the same while it runs, and a test may add or change files in its copy.
 */
import { afterAll, beforeAll } from 'vitest';
import { copyBuild } from './app';
import { launchChromium, type Launched, type LaunchOptions } from './chromium';
import {
	buildExtension,
	launchWithExtension,
	removeDir,
	startSites,
	type ExtensionBrowser,
	type SitesServer
} from './extension';
import { startAppServer, type AppServer } from './server';

export type ServedApp = {
	/** The copy of the build being served (tests may write into it). */
	dir: string;
	server: AppServer;
};

export type ServeOptions = {
	/** Stop the server once it has started, for tests where the app is unreachable at first. */
	stopped?: boolean;
};

/** Serves a copy of the built app on a free port for the file's tests. */
export function useServedApp(options: ServeOptions = {}): ServedApp {
	const app = {} as ServedApp;

	beforeAll(async () => {
		app.dir = copyBuild('dist');
		app.server = await startAppServer(app.dir);
		if (options.stopped) await app.server.stop();
	});

	afterAll(async () => {
		await app.server?.stop();
		if (app.dir) removeDir(app.dir);
	});
	return app;
}

export type AppAndBrowser = ServedApp & { browser: Launched };

/** Serves a copy of the built app and launches Chromium (a fresh profile) for the file's tests. */
export function useAppAndBrowser(launch: LaunchOptions = {}): AppAndBrowser {
	const app = useServedApp() as AppAndBrowser;

	beforeAll(async () => {
		app.browser = await launchChromium(launch);
	});

	afterAll(async () => {
		await app.browser?.close();
	});
	return app;
}

export type ExtensionSetup = ServedApp & {
	/** The watcher extension built for the server's origin (so it holds host permission). */
	extensionDir: string;
	/** Pages to browse between, on another origin. */
	sites: SitesServer;
	/**
	 * Launches Chromium with the extension (and the unpacked extensions in `alsoLoad`), on a
	 * fresh profile or on `userDataDir`. The caller closes it.
	 */
	launch(options?: { userDataDir?: string; alsoLoad?: string[] }): Promise<ExtensionBrowser>;
};

/**
 * A copy of the built app served on a free port (stopped at first when `stopped`), the watcher
 * extension built for that origin, and pages to browse between. Tests launch their browsers
 * with `setup.launch()`.
 */
export function useExtensionSetup(options: ServeOptions = {}): ExtensionSetup {
	const setup = useServedApp(options) as ExtensionSetup;
	setup.launch = ({ userDataDir, alsoLoad = [] } = {}) =>
		launchWithExtension([setup.extensionDir, ...alsoLoad].join(','), userDataDir);

	beforeAll(async () => {
		setup.extensionDir = buildExtension(setup.server.origin);
		setup.sites = await startSites();
	});

	afterAll(async () => {
		await setup.sites?.close();
		if (setup.extensionDir) removeDir(setup.extensionDir);
	});
	return setup;
}
