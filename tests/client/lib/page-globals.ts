/**
 * Stand-ins for the window globals queued mode looks at (`document`, `addEventListener`,
 * `localStorage`), installed with `vi.stubGlobal`, so Node tests can fire `pagehide`.
 */
import { vi } from 'vitest';

export function memoryStorage(): Storage {
	const items = new Map<string, string>();
	return {
		get length() {
			return items.size;
		},
		clear: () => items.clear(),
		getItem: (key) => items.get(key) ?? null,
		key: (i) => [...items.keys()][i] ?? null,
		removeItem: (key) => void items.delete(key),
		setItem: (key, value) => void items.set(key, String(value))
	};
}

/** Installs a fake window; returns the event target that plays `window` and its storage. */
export function stubWindow(): { window: EventTarget; localStorage: Storage } {
	const window = new EventTarget();
	const localStorage = memoryStorage();
	vi.stubGlobal('document', {});
	vi.stubGlobal('localStorage', localStorage);
	vi.stubGlobal('addEventListener', window.addEventListener.bind(window));
	vi.stubGlobal('removeEventListener', window.removeEventListener.bind(window));
	return { window, localStorage };
}
