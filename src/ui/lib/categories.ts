/**
 * Categories (dashboard spec, section 3): the rule format, the default tree, the operations of
 * the category editor, inheritance of colour and score, and the rules list that queries take.
 * A category list is kept flat, in the user's order (which decides ties between rules of equal
 * depth), and every operation returns a new list.
 */
import { HindsightError } from '../../core/errors';
import { parseJson } from '../../core/model/json';
import { regexRule as regex } from '../../core/queries/categories';

export type Rule =
	| { type: 'none' }
	| { type: 'regex'; regex: string; ignore_case?: boolean; select_keys?: string[] };

export type Category = {
	name: string[];
	rule: Rule;
	data?: { color?: string; score?: number };
};

export const UNCATEGORIZED_COLOR = '#CCC';

const none: Rule = { type: 'none' };

/** The built-in tree (section 3.2). */
export const DEFAULT_CATEGORIES: Category[] = [
	{
		name: ['Work'],
		rule: regex('Google Docs|libreoffice|ReText'),
		data: { color: '#0F0', score: 10 }
	},
	{
		name: ['Work', 'Programming'],
		rule: regex('GitHub|Stack Overflow|BitBucket|Gitlab|vim|Spyder|kate|Ghidra|Scite')
	},
	{ name: ['Work', 'Programming', 'ActivityWatch'], rule: regex('ActivityWatch|aw-', true) },
	{ name: ['Work', 'Image'], rule: regex('GIMP|Inkscape') },
	{ name: ['Work', 'Video'], rule: regex('Kdenlive') },
	{ name: ['Work', 'Audio'], rule: regex('Audacity') },
	{ name: ['Work', '3D'], rule: regex('Blender') },
	{ name: ['Media'], rule: none, data: { color: '#F33' } },
	{ name: ['Media', 'Games'], rule: regex('Minecraft|RimWorld'), data: { color: '#F80' } },
	{ name: ['Media', 'Video'], rule: regex('YouTube|Plex|VLC'), data: { color: '#F33' } },
	{
		name: ['Media', 'Social Media'],
		rule: regex('reddit|Facebook|Twitter|Instagram|devRant', true),
		data: { color: '#FCC400' }
	},
	{ name: ['Media', 'Music'], rule: regex('Spotify|Deezer', true), data: { color: '#A8FC00' } },
	{ name: ['Comms'], rule: none, data: { color: '#9FF' } },
	{
		name: ['Comms', 'IM'],
		rule: regex(
			'Messenger|Telegram|Signal|WhatsApp|Rambox|Slack|Riot|Element|Discord|Nheko|NeoChat|Mattermost'
		)
	},
	{ name: ['Comms', 'Email'], rule: regex('Gmail|Thunderbird|mutt|alpine') },
	{ name: ['Uncategorized'], rule: none, data: { color: UNCATEGORIZED_COLOR } }
];

/** A path as one string, `Work>Programming`: map keys, select values, the URL parameter. */
export const pathKey = (name: readonly string[]): string => name.join('>');

/** The path a `pathKey` stands for; `''` is the top level (`[]`). */
export function pathFromKey(key: string): string[] {
	return key === '' ? [] : key.split('>');
}

/** A path as users read it: `Work > Programming`. */
export const pathLabel = (name: readonly string[]): string => name.join(' > ');

export function samePath(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((part, i) => part === b[i]);
}

/** True for `["Uncategorized"]`, the path `categorize` gives events no rule matches. */
export function isUncategorized(path: readonly string[]): boolean {
	return path.length === 1 && path[0] === 'Uncategorized';
}

/** True when `path` is `ancestor` or lies below it. */
export function isWithin(path: readonly string[], ancestor: readonly string[]): boolean {
	return path.length >= ancestor.length && ancestor.every((part, i) => path[i] === part);
}

function invalid(message: string, details?: Record<string, unknown>): HindsightError {
	return new HindsightError('invalid_argument', message, details);
}

function normalizeRule(raw: unknown, where: string): Rule {
	if (typeof raw !== 'object' || raw === null) return none;
	const rule = raw as Record<string, unknown>;
	if (rule.type === null || rule.type === undefined || rule.type === 'none') return none;
	if (rule.type !== 'regex')
		throw invalid(
			`The rule of ${where} has an unknown type '${String(rule.type)}'; use "regex" or "none".`
		);
	if (typeof rule.regex !== 'string') throw invalid(`The rule of ${where} has no regex string.`);
	const out: Rule = { type: 'regex', regex: rule.regex };
	if (rule.ignore_case === true) out.ignore_case = true;
	if (Array.isArray(rule.select_keys))
		out.select_keys = rule.select_keys.filter((k) => typeof k === 'string');
	return out;
}

function normalizeData(raw: unknown): Category['data'] {
	if (typeof raw !== 'object' || raw === null) return undefined;
	const data = raw as Record<string, unknown>;
	const out: NonNullable<Category['data']> = {};
	if (typeof data.color === 'string' && data.color !== '') out.color = data.color;
	if (typeof data.score === 'number' && Number.isFinite(data.score)) out.score = data.score;
	return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Validates a list of categories from a file or a setting: normalises `type: null` rules to
 * none, strips internal fields, and adds parents named in a path but missing (rule none).
 */
export function normalizeCategories(raw: unknown): Category[] {
	if (!Array.isArray(raw)) throw invalid('A category list must be a JSON array of categories.');
	const out: Category[] = [];
	raw.forEach((entry, index) => {
		const where = `category ${index + 1}`;
		const item = entry as Record<string, unknown> | null;
		const name = item?.name;
		if (
			!Array.isArray(name) ||
			name.length === 0 ||
			!name.every((p) => typeof p === 'string' && p !== '')
		) {
			throw invalid(
				`The name of ${where} must be a non-empty list of names, like ["Work", "Email"].`,
				{ index }
			);
		}
		const category: Category = { name: [...name], rule: normalizeRule(item?.rule, where) };
		const data = normalizeData(item?.data);
		if (data) category.data = data;
		out.push(category);
	});
	return withImplicitParents(out);
}

function withImplicitParents(list: Category[]): Category[] {
	const known = new Set(list.map((c) => pathKey(c.name)));
	const out: Category[] = [];
	for (const category of list) {
		for (let depth = 1; depth < category.name.length; depth++) {
			const parent = category.name.slice(0, depth);
			if (known.has(pathKey(parent))) continue;
			known.add(pathKey(parent));
			out.push({ name: parent, rule: none });
		}
		out.push(category);
	}
	return out;
}

function find(list: Category[], path: readonly string[]): Category | undefined {
	return list.find((c) => samePath(c.name, path));
}

/** The nearest colour set on the category or an ancestor, finally the uncategorized grey. */
export function effectiveColor(list: Category[], path: readonly string[]): string {
	for (let depth = path.length; depth > 0; depth--) {
		const color = find(list, path.slice(0, depth))?.data?.color;
		if (color) return color;
	}
	return UNCATEGORIZED_COLOR;
}

/** The nearest non-zero score set on the category or an ancestor, finally 0. */
export function effectiveScore(list: Category[], path: readonly string[]): number {
	for (let depth = path.length; depth > 0; depth--) {
		const score = find(list, path.slice(0, depth))?.data?.score;
		if (score) return score;
	}
	return 0;
}

/** A name not yet used among the children of `parent`: `New class`, `New class (2)`, ... */
export function freshName(list: Category[], parent: readonly string[], base = 'New class'): string {
	const taken = new Set(
		list
			.filter((c) => c.name.length === parent.length + 1 && isWithin(c.name, parent))
			.map((c) => c.name[parent.length])
	);
	if (!taken.has(base)) return base;
	let n = 2;
	while (taken.has(`${base} (${n})`)) n++;
	return `${base} (${n})`;
}

/** Adds a child of `parent` (top level for `[]`) with a placeholder rule; returns its path too. */
export function addCategory(
	list: Category[],
	parent: readonly string[],
	name?: string
): { list: Category[]; path: string[] } {
	const path = [...parent, name ?? freshName(list, parent)];
	if (find(list, path))
		throw invalid(`A category '${pathLabel(path)}' already exists; choose another name.`);
	const category: Category = { name: path, rule: name ? none : regex('FILL ME') };
	return { list: withImplicitParents([...list, category]), path };
}

function replacePrefix(path: string[], from: readonly string[], to: readonly string[]): string[] {
	return isWithin(path, from) ? [...to, ...path.slice(from.length)] : path;
}

function moveSubtree(list: Category[], from: readonly string[], to: string[]): Category[] {
	if (samePath(from, to)) return list;
	if (isWithin(to, from))
		throw invalid(`'${pathLabel(from)}' cannot be moved into its own subtree.`);
	const clash = list.find((c) => isWithin(c.name, to) && !isWithin(c.name, from));
	if (clash)
		throw invalid(`A category '${pathLabel(to)}' already exists; choose another name or parent.`);
	return withImplicitParents(list.map((c) => ({ ...c, name: replacePrefix(c.name, from, to) })));
}

/** Renames a category; its descendants follow. */
export function renameCategory(
	list: Category[],
	path: readonly string[],
	name: string
): Category[] {
	const clean = name.trim();
	if (clean === '' || clean.includes('>'))
		throw invalid(`'${name}' is not a valid category name: it must be non-empty and hold no '>'.`);
	return moveSubtree(list, path, [...path.slice(0, -1), clean]);
}

/** Moves a category with its descendants under `parent` (top level for `[]`). */
export function moveCategory(
	list: Category[],
	path: readonly string[],
	parent: readonly string[]
): Category[] {
	return moveSubtree(list, path, [...parent, path[path.length - 1]]);
}

/** Removes a category and all its descendants. */
export function removeCategory(list: Category[], path: readonly string[]): Category[] {
	return list.filter((c) => !isWithin(c.name, path));
}

/** Replaces the rule and data (colour, score) of one category. */
export function updateCategory(
	list: Category[],
	path: readonly string[],
	change: Pick<Category, 'rule' | 'data'>
): Category[] {
	return list.map((c) => {
		if (!samePath(c.name, path)) return c;
		const next: Category = { name: c.name, rule: change.rule };
		const data = normalizeData(change.data);
		if (data) next.data = data;
		return next;
	});
}

const NONSENSE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * Whether a valid pattern is "too broad" (section 3.5): shorter than 3 characters, or matching
 * a fixed nonsense string of both alphabets and the digits. `test` runs the compiled rule.
 */
export function isTooBroad(pattern: string, test: (subject: string) => boolean): boolean {
	return pattern.length < 3 || test(NONSENSE);
}

/** The `[name, rule]` pairs that the query function `categorize` takes, in list order. */
export function queryRules(list: Category[]): [string[], Rule][] {
	return list.map((c) => [c.name, c.rule]);
}

/** The export file of section 3.4 and its file name. */
export function exportCategories(id: string, list: Category[]): { fileName: string; text: string } {
	const categories = list.map((c) =>
		c.data ? { name: c.name, rule: c.rule, data: c.data } : { name: c.name, rule: c.rule }
	);
	return {
		fileName: `aw-category-export-${id}.json`,
		text: JSON.stringify({ id, categories }, null, 2)
	};
}

/** A parsed import file: a named set, or (legacy, no `id`) a list replacing the current one. */
export type CategoryImport = { id: string | null; categories: Category[] };

export function parseCategoryImport(text: string): CategoryImport {
	const doc = parseJson(text, 'category file') as { id?: unknown; categories?: unknown } | null;
	if (typeof doc !== 'object' || doc === null || !Array.isArray(doc.categories)) {
		throw invalid('The category file must be an object with a "categories" list.');
	}
	if (doc.id !== undefined && (typeof doc.id !== 'string' || doc.id === ''))
		throw invalid('The category file\'s "id" must be a non-empty string.');
	return {
		id: typeof doc.id === 'string' ? doc.id : null,
		categories: normalizeCategories(doc.categories)
	};
}

/** The id an imported set gets: `-imported` is appended while another, inactive set has it. */
export function importedSetId(id: string, existing: readonly string[], activeId: string): string {
	let out = id;
	while (out !== activeId && existing.includes(out)) out = `${out}-imported`;
	return out;
}
