/**
 * The category tree of the Activity view: per-category totals (from `cat_events`, one merged
 * event per `$category` path) rolled up so that each node holds its own time plus that of its
 * descendants, children sorted by time, longest first.
 */
import { pathKey } from './categories';

export type CategoryTime = { path: string[]; seconds: number };

export type CategoryNode = {
	name: string;
	path: string[];
	/** Time of this category and all its descendants. */
	seconds: number;
	/** Time of events categorized exactly as this category. */
	ownSeconds: number;
	children: CategoryNode[];
};

function node(path: string[]): CategoryNode {
	return { name: path[path.length - 1] ?? 'All', path, seconds: 0, ownSeconds: 0, children: [] };
}

/** Builds the tree under a root named "All" whose total is the sum of every category. */
export function buildCategoryTree(times: CategoryTime[]): CategoryNode {
	const root = node([]);
	const byKey = new Map<string, CategoryNode>([['', root]]);
	for (const { path, seconds } of times) {
		let parent = root;
		parent.seconds += seconds;
		for (let depth = 1; depth <= path.length; depth++) {
			const sub = path.slice(0, depth);
			let current = byKey.get(pathKey(sub));
			if (!current) {
				current = node(sub);
				byKey.set(pathKey(sub), current);
				parent.children.push(current);
			}
			current.seconds += seconds;
			parent = current;
		}
		parent.ownSeconds += seconds;
	}
	sortTree(root);
	return root;
}

function sortTree(tree: CategoryNode): void {
	tree.children.sort((a, b) => b.seconds - a.seconds);
	for (const child of tree.children) sortTree(child);
}

/** Reads `cat_events` of a summary result into category times. */
export function categoryTimes(
	events: { duration: number; data: Record<string, unknown> }[]
): CategoryTime[] {
	return events.flatMap((e) => {
		const path = e.data.$category;
		if (!Array.isArray(path) || !path.every((p) => typeof p === 'string')) return [];
		return [{ path: path as string[], seconds: e.duration }];
	});
}
