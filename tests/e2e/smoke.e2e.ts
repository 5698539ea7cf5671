import { expect, it } from 'vitest';
import { useAppAndBrowser } from './lib/fixtures';

const app = useAppAndBrowser();

it('serves the built app with a Content-Security-Policy that keeps requests on its origin', async () => {
	const page = await app.browser.context.newPage();
	const outside: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith(app.server.origin) && !r.url().startsWith('data:'))
			outside.push(r.url());
	});
	const response = await page.goto(app.server.origin + '/');
	expect(response?.status()).toBe(200);
	expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
	await expect.poll(() => page.locator('h1').first().textContent()).toContain('Hindsight');
	expect(outside).toEqual([]);
});
