/**
 * Client-side routing over the History API. Links with a same-origin `href` starting with `/`
 * are intercepted, so components write plain `<a href>`; code navigates with `router.go`.
 */
import { matchRoute, type Route } from '../lib/routes';

export class Router {
	path = $state(location.pathname);
	search = $state(location.search);
	route: Route = $derived(matchRoute(this.path));

	constructor() {
		window.addEventListener('popstate', () => this.sync());
		document.addEventListener('click', (e) => this.intercept(e));
	}

	/** A query-string parameter of the current URL. */
	param(name: string): string | null {
		const match = new RegExp(`[?&]${name}=([^&]*)`).exec(this.search);
		return match ? decodeURIComponent(match[1].replace(/\+/g, ' ')) : null;
	}

	go(url: string, options: { replace?: boolean } = {}): void {
		if (options.replace) history.replaceState(null, '', url);
		else history.pushState(null, '', url);
		this.sync();
		if (!options.replace) window.scrollTo(0, 0);
	}

	private sync(): void {
		this.path = location.pathname;
		this.search = location.search;
	}

	private intercept(e: MouseEvent): void {
		if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
			return;
		const anchor = (e.target as Element | null)?.closest?.('a');
		if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
		const href = anchor.getAttribute('href');
		if (!href || !href.startsWith('/') || href.startsWith('//') || href.startsWith('/api/')) return;
		e.preventDefault();
		this.go(href);
	}
}

export const router = new Router();
