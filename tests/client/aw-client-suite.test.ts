/**
 * Acceptance (client.md 11.1): aw-client-js's own test suite, run with `aw-client` resolved to
 * this library, against the real router and datastore.
 */
import { afterAll, expect, it } from 'vitest';
import * as library from '../../src/client/index';
import { loadSuite, routeGlobalFetch } from './lib/aw-client-suite';
import { startServer } from './lib/server';

const server = startServer();
routeGlobalFetch(server.fetch);
afterAll(() => server.close());

const load = loadSuite(library);

it('ran the suite with this library against the router', () => {
	expect(load.replaced).toBe(1);
	expect(server.requests).toContain('DELETE /api/0/buckets/aw-client-js-test?force=1');
	expect(server.requests.filter((r) => r.startsWith('POST /api/0/query/'))).toHaveLength(4);
});
