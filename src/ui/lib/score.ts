/**
 * The Activity view's Score box (dashboard spec 2.2): every category's hours times its score,
 * where a category without a score of its own takes the nearest ancestor's (spec 3.1, through
 * `effectiveScore`). The total is the sum over categories; categories whose points exceed 0.1
 * are the productive ones and those below -0.1 the distracting ones.
 */
import { effectiveScore, pathKey, type Category } from './categories';
import type { CategoryTime } from './category-tree';

/** One category's time, its effective score and its points (hours × score). */
export type ScoreRow = { path: string[]; seconds: number; score: number; points: number };

export type ScoreSummary = {
	/** Sum over categories of hours × score. */
	total: number;
	/** Share (0 to 1) of the time spent in categories with a positive score; 0 without time. */
	positiveShare: number;
	/** Categories with points above 0.1, most points first. */
	productive: ScoreRow[];
	/** Categories with points below -0.1, most negative first. */
	distracting: ScoreRow[];
};

/** The smallest number of points, either way, for a category to be listed. */
const LISTED = 0.1;

function sumByPath(times: CategoryTime[]): CategoryTime[] {
	const byPath = new Map<string, CategoryTime>();
	for (const t of times) {
		const entry = byPath.get(pathKey(t.path)) ?? { path: t.path, seconds: 0 };
		entry.seconds += t.seconds;
		byPath.set(pathKey(t.path), entry);
	}
	return [...byPath.values()];
}

/** The score of a period from its category times (as `categoryTimes` reads a summary). */
export function scoreSummary(times: CategoryTime[], categories: Category[]): ScoreSummary {
	const rows = sumByPath(times).map(({ path, seconds }) => {
		const score = effectiveScore(categories, path);
		return { path, seconds, score, points: (seconds / 3600) * score };
	});

	const seconds = rows.reduce((sum, r) => sum + r.seconds, 0);
	const positive = rows.filter((r) => r.score > 0).reduce((sum, r) => sum + r.seconds, 0);

	return {
		total: rows.reduce((sum, r) => sum + r.points, 0),
		positiveShare: seconds > 0 ? positive / seconds : 0,
		productive: rows.filter((r) => r.points > LISTED).sort((a, b) => b.points - a.points),
		distracting: rows.filter((r) => r.points < -LISTED).sort((a, b) => a.points - b.points)
	};
}

/** Points with their sign and one decimal: `+12.5`, `-3.0`, `0.0`. */
export function formatPoints(points: number): string {
	const rounded = Math.round(points * 10) / 10;
	if (rounded === 0) return '0.0';
	return `${rounded > 0 ? '+' : '-'}${Math.abs(rounded).toFixed(1)}`;
}
