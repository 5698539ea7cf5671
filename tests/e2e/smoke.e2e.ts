import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, type Launched } from './lib/chromium';
import { startAppServer, type AppServer } from './lib/server';

let server: AppServer;
let browser: Launched;

beforeAll(async () => {
	server = await startAppServer();
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

it('serves the built app with a Content-Security-Policy that keeps requests on its origin', async () => {
	const page = await browser.context.newPage();
	const outside: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:')) outside.push(r.url());
	});
	const response = await page.goto(server.origin + '/');
	expect(response?.status()).toBe(200);
	expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
	await expect.poll(() => page.locator('h1').first().textContent()).toContain('Hindsight');
	expect(outside).toEqual([]);
});
