/**
 * Runs aw-client-js's own test suite (the compiled mocha file shipped in the `aw-client`
 * package, `out/test/test.js`) inside Vitest, against the real router and datastore:
 * mocha's `describe`/`it`/`before`/`beforeEach` map onto Vitest's, the suite's default base
 * URL (`http://127.0.0.1:5666`) is answered in-process, and `require('../aw-client')` inside
 * the suite yields either the real aw-client or this library.
 */
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import type { FetchFunction } from '../../../src/client/types';

const require = createRequire(import.meta.url);
export const SUITE = join(
	dirname(require.resolve('aw-client/package.json')),
	'out',
	'test',
	'test.js'
);

type Hook = (nameOrFn: string | (() => unknown), fn?: () => unknown) => void;

function mochaHook(register: (fn: () => unknown) => void): Hook {
	return (nameOrFn, fn) => register(typeof nameOrFn === 'function' ? nameOrFn : fn!);
}

function installMochaGlobals(): void {
	Object.assign(globalThis, {
		describe,
		it,
		before: mochaHook(beforeAll),
		beforeEach: mochaHook(beforeEach)
	});
}

type Loader = (request: string, parent: { filename?: string } | null, isMain: boolean) => unknown;

/**
 * Loads the suite so its tests register with Vitest. With `replacement`, the suite's import of
 * the client module returns it instead of the real aw-client.
 */
export function loadSuite(replacement?: Record<string, unknown>): { replaced: number } {
	installMochaGlobals();
	const counts = { replaced: 0 };
	const loader = Module as unknown as { _load: Loader };
	const original = loader._load;
	if (replacement) {
		loader._load = function (request, parent, isMain) {
			if (request === '../aw-client' && parent?.filename === SUITE) {
				counts.replaced++;
				return replacement;
			}
			return original.call(this, request, parent, isMain);
		};
	}
	try {
		require(SUITE);
	} finally {
		loader._load = original;
	}
	return counts;
}

/** Points the global `fetch` at `transport` for the duration of the file. */
export function routeGlobalFetch(transport: FetchFunction): void {
	const real = globalThis.fetch;
	globalThis.fetch = transport as typeof fetch;
	afterAll(() => {
		globalThis.fetch = real;
	});
}
