/**
 * Serving `bridge.html` from the service worker with a tight `frame-ancestors`: only the app
 * itself, the built-in Hindsight extension, the extension origins allowed in the settings and
 * (for now) any Firefox extension may frame it. The static server cannot know the settings, so
 * it allows only the built-in ones; once the service worker controls the origin, its copy of
 * the page follows the settings.
 *
 * `moz-extension:` stays open as a whole scheme: Firefox gives every installation of an
 * extension its own random id, and the Firefox path of the bridge is not measured yet
 * (extension-bridge.md). The bridge's message allow-list still decides what is answered.
 */
import { DEFAULT_ALLOWED_EXTENSION_ORIGINS } from '../core/bridge-protocol';

/** The `frame-ancestors` sources for bridge.html with these extra allowed origins. */
export function bridgeFrameAncestors(allowed: readonly string[]): string[] {
	const sources = ["'self'", ...DEFAULT_ALLOWED_EXTENSION_ORIGINS, ...allowed, 'moz-extension:'];
	return [...new Set(sources)];
}

/** The policy with its `frame-ancestors` directive replaced (or added) by these sources. */
export function withFrameAncestors(policy: string | null, sources: readonly string[]): string {
	const directives = (policy ?? '')
		.split(';')
		.map((directive) => directive.trim())
		.filter((directive) => directive !== '' && !/^frame-ancestors(\s|$)/i.test(directive));
	directives.push(`frame-ancestors ${sources.join(' ')}`);
	return directives.join('; ');
}

/** A copy of the stored bridge page whose Content-Security-Policy allows these framers. */
export function bridgeResponse(stored: Response, allowed: readonly string[]): Response {
	const headers = new Headers(stored.headers);
	const policy = withFrameAncestors(
		headers.get('Content-Security-Policy'),
		bridgeFrameAncestors(allowed)
	);
	headers.set('Content-Security-Policy', policy);
	return new Response(stored.body, {
		status: stored.status,
		statusText: stored.statusText,
		headers
	});
}
