/**
 * Acceptance (client.md 11.1), the other half: aw-client-js's own test suite with the real
 * aw-client 0.3.7 (axios), against the same router and datastore. Axios is switched to its
 * fetch adapter so its requests reach the router in-process.
 */
import { createRequire } from 'node:module';
import { afterAll, expect, it } from 'vitest';
import { loadSuite, routeGlobalFetch, SUITE } from './lib/aw-client-suite';
import { startServer } from './lib/server';

const server = startServer();
routeGlobalFetch(server.fetch);
afterAll(() => server.close());

const axios = createRequire(SUITE)('axios') as { defaults: Record<string, unknown> };
axios.defaults.adapter = 'fetch';
axios.defaults.env = { ...(axios.defaults.env as object), fetch: server.fetch };

const load = loadSuite();

it('ran the suite with the real aw-client against the router', () => {
	expect(load.replaced).toBe(0);
	expect(server.requests).toContain('DELETE /api/0/buckets/aw-client-js-test?force=1');
});
