import { describe, expect, it } from 'vitest';
import { buildCategoryTree } from '../../../src/ui/lib/category-tree';
import { sunburstOption } from '../../../src/ui/lib/chart-options';

type Formatter = (p: { treePathInfo?: { name: string }[]; value: number }) => string;

describe('sunburstOption', () => {
	it('escapes category names in its HTML tooltip (names come from imported files)', () => {
		const tree = buildCategoryTree([
			{ path: ['<img src=x onerror=alert(1)>', 'b&c'], seconds: 60 }
		]);
		const option = sunburstOption(tree, () => '#888') as { tooltip: { formatter: Formatter } };
		const html = option.tooltip.formatter({
			treePathInfo: [{ name: '' }, { name: '<img src=x onerror=alert(1)>' }, { name: 'b&c' }],
			value: 60
		});
		expect(html).not.toContain('<img');
		expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; &#62; b&#38;c<br>');
		expect(html).toContain('(100%)');
	});
});
