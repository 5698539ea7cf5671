/** Rows of the Activity view's bar lists, made from the merged events of a summary. */
import type { EventJson } from '../../core/model/event';
import { effectiveColor, pathLabel, type Category } from './categories';

export type BarRow = {
	name: string;
	title?: string;
	seconds: number;
	color?: string;
	href?: string;
};

const text = (value: unknown): string =>
	typeof value === 'string' ? value : JSON.stringify(value ?? '');

/** A colour from a name, stable across reloads, for rows without a category. */
export function hashColor(name: string): string {
	let hash = 0;
	for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) | 0;
	return `hsl(${Math.abs(hash) % 360} 55% 55%)`;
}

/** Rows named by a data key; coloured by `$category` when `categories` is given. */
export function rowsBy(events: EventJson[], key: string, categories?: Category[]): BarRow[] {
	return events.map((e) => {
		const path = e.data.$category;
		const color =
			categories && Array.isArray(path)
				? effectiveColor(categories, path as string[])
				: hashColor(text(e.data[key]));
		return { name: text(e.data[key]), seconds: e.duration, color };
	});
}

/** Category rows (`Work > Programming`), each linking to the page filtered by it. */
export function categoryRows(
	events: EventJson[],
	categories: Category[],
	hrefOf: (path: string[]) => string
): BarRow[] {
	return events.flatMap((e) => {
		const path = e.data.$category;
		if (!Array.isArray(path)) return [];
		const p = path as string[];
		return [
			{
				name: pathLabel(p),
				seconds: e.duration,
				color: effectiveColor(categories, p),
				href: hrefOf(p)
			}
		];
	});
}
