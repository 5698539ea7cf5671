/**
 * A module written for aw-client-js: it knows only the package name and its `AWClient` (type
 * checking sees the published package). tests/client/module-alias.test.ts bundles it with the
 * app's Vite config, which must hand it Hindsight's client instead.
 */
import { AWClient } from 'aw-client';

export const client = new AWClient('alias-test', { baseURL: 'http://127.0.0.1:9' });

export { AWClient };
