/** Small DOM helpers shared by the popup and the options page. */

/** The element with that id; throws when the page lacks it (a mistake in the page's markup). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
	const element = document.getElementById(id);
	if (!element) throw new Error(`The page has no element #${id}`);
	return element as T;
}

/** A moment as the user's locale writes a time of day (and the date when it is not today). */
export function formatTime(ms: number, now = Date.now()): string {
	const date = new Date(ms);
	const sameDay = new Date(now).toDateString() === date.toDateString();
	return sameDay ? date.toLocaleTimeString() : date.toLocaleString();
}
