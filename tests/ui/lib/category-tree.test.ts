import { expect, it } from 'vitest';
import { buildCategoryTree, categoryTimes } from '../../../src/ui/lib/category-tree';

it('rolls category times up the tree and sorts children by time', () => {
	const tree = buildCategoryTree(
		categoryTimes([
			{ duration: 60, data: { $category: ['Work', 'Email'] } },
			{ duration: 30, data: { $category: ['Work'] } },
			{ duration: 120, data: { $category: ['Media', 'Video'] } },
			{ duration: 100, data: { $category: ['Work', 'Programming'] } },
			{ duration: 5, data: { title: 'no category' } }
		])
	);
	expect(tree.seconds).toBe(310);
	expect(tree.children.map((c) => [c.name, c.seconds])).toEqual([
		['Work', 190],
		['Media', 120]
	]);
	const work = tree.children[0];
	expect(work.ownSeconds).toBe(30);
	expect(work.children.map((c) => c.name)).toEqual(['Programming', 'Email']);
	expect(work.children[0].path).toEqual(['Work', 'Programming']);
});
