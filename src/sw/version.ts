/** Naming a build: a short hash of the precache manifest, which changes with every build. */

/** FNV-1a over the manifest's URLs and revisions, as 8 hex digits. */
export function manifestVersion(entries: readonly { url: string; revision: string | null }[]) {
	let hash = 0x811c9dc5;
	for (const { url, revision } of entries) {
		for (const char of `${url}\n${revision ?? ''}\n`) {
			hash ^= char.charCodeAt(0);
			hash = Math.imul(hash, 0x01000193) >>> 0;
		}
	}
	return hash.toString(16).padStart(8, '0');
}
