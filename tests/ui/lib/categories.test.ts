import { describe, expect, it } from 'vitest';
import {
	addCategory,
	DEFAULT_CATEGORIES,
	effectiveColor,
	effectiveScore,
	exportCategories,
	importedSetId,
	isTooBroad,
	isUncategorized,
	moveCategory,
	normalizeCategories,
	parseCategoryImport,
	pathFromKey,
	pathKey,
	pathLabel,
	queryRules,
	removeCategory,
	renameCategory,
	updateCategory,
	type Category
} from '../../../src/ui/lib/categories';
import { isHindsightError } from '../../../src/core/errors';

const names = (list: Category[]) => list.map((c) => c.name.join('>'));

describe('categories', () => {
	it('normalises legacy null rules and adds missing parents', () => {
		const list = normalizeCategories([
			{ name: ['Work', 'Email'], rule: { type: 'regex', regex: 'Gmail' } },
			{ name: ['Media'], rule: { type: null }, id: 3, depth: 0 }
		]);
		expect(list).toEqual([
			{ name: ['Work'], rule: { type: 'none' } },
			{ name: ['Work', 'Email'], rule: { type: 'regex', regex: 'Gmail' } },
			{ name: ['Media'], rule: { type: 'none' } }
		]);
	});

	it('rejects a category without a name path, naming its position', () => {
		expect(() => normalizeCategories([{ rule: { type: 'none' } }])).toThrow(/category 1/);
	});

	it('inherits colour and score from the nearest ancestor', () => {
		const list = DEFAULT_CATEGORIES;
		expect(effectiveColor(list, ['Work', 'Programming', 'ActivityWatch'])).toBe('#0F0');
		expect(effectiveScore(list, ['Work', 'Programming'])).toBe(10);
		expect(effectiveColor(list, ['Media', 'Games'])).toBe('#F80');
		expect(effectiveColor(list, ['Nothing'])).toBe('#CCC');
		expect(effectiveScore(list, ['Media'])).toBe(0);
	});

	it('adds subcategories with fresh placeholder names', () => {
		const first = addCategory(DEFAULT_CATEGORIES, ['Work']);
		expect(first.path).toEqual(['Work', 'New class']);
		const second = addCategory(first.list, ['Work']);
		expect(second.path).toEqual(['Work', 'New class (2)']);
		expect(second.list.at(-1)?.rule).toEqual({ type: 'regex', regex: 'FILL ME' });
	});

	it('renames a category together with its descendants', () => {
		const list = renameCategory(DEFAULT_CATEGORIES, ['Work', 'Programming'], 'Code');
		expect(names(list)).toContain('Work>Code>ActivityWatch');
		expect(names(list)).not.toContain('Work>Programming');
	});

	it('refuses a rename onto an existing sibling', () => {
		let caught: unknown;
		try {
			renameCategory(DEFAULT_CATEGORIES, ['Work', 'Image'], 'Video');
		} catch (err) {
			caught = err;
		}
		expect(isHindsightError(caught, 'invalid_argument')).toBe(true);
	});

	it('moves a subtree under another parent and refuses a move into itself', () => {
		const list = moveCategory(DEFAULT_CATEGORIES, ['Work', 'Programming'], ['Media']);
		expect(names(list)).toContain('Media>Programming>ActivityWatch');
		expect(() => moveCategory(DEFAULT_CATEGORIES, ['Work'], ['Work', 'Image'])).toThrow(
			/own subtree/
		);
	});

	it('deletes a category with its descendants and keeps the rest in order', () => {
		const list = removeCategory(DEFAULT_CATEGORIES, ['Work']);
		expect(names(list).some((n) => n.startsWith('Work'))).toBe(false);
		expect(list).toHaveLength(DEFAULT_CATEGORIES.length - 7);
		expect(names(list)[0]).toBe('Media');
	});

	it('updates rule and colour of one category only', () => {
		const list = updateCategory(DEFAULT_CATEGORIES, ['Comms', 'Email'], {
			rule: { type: 'regex', regex: 'Outlook', ignore_case: true },
			data: { color: '#123456' }
		});
		expect(list.find((c) => c.name.join('>') === 'Comms>Email')).toEqual({
			name: ['Comms', 'Email'],
			rule: { type: 'regex', regex: 'Outlook', ignore_case: true },
			data: { color: '#123456' }
		});
		expect(list.find((c) => c.name.join('>') === 'Comms')).toEqual(DEFAULT_CATEGORIES[12]);
	});

	it('builds categorize rules as name and rule pairs in list order', () => {
		const rules = queryRules(DEFAULT_CATEGORIES.slice(0, 2));
		expect(rules).toEqual([
			[['Work'], { type: 'regex', regex: 'Google Docs|libreoffice|ReText' }],
			[['Work', 'Programming'], DEFAULT_CATEGORIES[1].rule]
		]);
	});

	it('round-trips the export file format', () => {
		const file = exportCategories('default', DEFAULT_CATEGORIES);
		expect(file.fileName).toBe('aw-category-export-default.json');
		const parsed = parseCategoryImport(file.text);
		expect(parsed).toEqual({ id: 'default', categories: DEFAULT_CATEGORIES });
		expect(JSON.parse(file.text)).toEqual({ id: 'default', categories: DEFAULT_CATEGORIES });
	});

	it('reads a legacy file without id and rejects files that are not category files', () => {
		const legacy = parseCategoryImport(
			JSON.stringify({ categories: [{ name: ['A'], rule: { type: null } }] })
		);
		expect(legacy).toEqual({ id: null, categories: [{ name: ['A'], rule: { type: 'none' } }] });
		expect(() => parseCategoryImport('{"buckets": {}}')).toThrow(/categories/);
		expect(() => parseCategoryImport('not json')).toThrow(/not valid JSON/);
	});

	it('suffixes an imported set id while another inactive set holds it', () => {
		expect(importedSetId('work', ['default', 'work'], 'default')).toBe('work-imported');
		expect(importedSetId('work', ['default', 'work', 'work-imported'], 'default')).toBe(
			'work-imported-imported'
		);
		expect(importedSetId('default', ['default'], 'default')).toBe('default');
		expect(importedSetId('new', ['default'], 'default')).toBe('new');
	});

	it('calls patterns too broad when short or matching a nonsense string', () => {
		const test = (pattern: string) => (subject: string) => new RegExp(pattern).test(subject);
		expect(isTooBroad('ab', test('ab'))).toBe(true);
		expect(isTooBroad('.*', test('.*'))).toBe(true);
		expect(isTooBroad('[a-z]+', test('[a-z]+'))).toBe(true);
		expect(isTooBroad('GitHub', test('GitHub'))).toBe(false);
	});

	it('writes a path as a key and as a label, and reads a key back', () => {
		expect(pathKey(['Work', 'Programming'])).toBe('Work>Programming');
		expect(pathLabel(['Work', 'Programming'])).toBe('Work > Programming');
		expect(pathFromKey('Work>Programming')).toEqual(['Work', 'Programming']);
		expect(pathFromKey('')).toEqual([]);
		expect(pathLabel([])).toBe('');
	});

	it('tells the uncategorized path from categories below or beside it', () => {
		expect(isUncategorized(['Uncategorized'])).toBe(true);
		expect(isUncategorized(['Uncategorized', 'Later'])).toBe(false);
		expect(isUncategorized(['Work'])).toBe(false);
		expect(isUncategorized([])).toBe(false);
	});
});
