import { describe, expect, it } from 'vitest';
import type { Category } from '../../../src/ui/lib/categories';
import { formatPoints, scoreSummary } from '../../../src/ui/lib/score';

const none = { type: 'none' } as const;
const CATEGORIES: Category[] = [
	{ name: ['Work'], rule: none, data: { score: 10 } },
	{ name: ['Work', 'Programming'], rule: none },
	{ name: ['Media'], rule: none, data: { score: -5 } },
	{ name: ['Media', 'Video'], rule: none, data: { score: -2 } },
	{ name: ['Media', 'Games'], rule: none },
	{ name: ['Media', 'Music'], rule: none, data: { score: 0 } },
	{ name: ['Comms'], rule: none },
	{ name: ['Comms', 'IM'], rule: none },
	{ name: ['Uncategorized'], rule: none }
];
const H = 3600;

describe('scoreSummary', () => {
	const times = [
		{ path: ['Work', 'Programming'], seconds: 2 * H },
		{ path: ['Work'], seconds: 0.5 * H },
		{ path: ['Media', 'Video'], seconds: 1.5 * H },
		{ path: ['Media', 'Games'], seconds: 0.1 * H },
		{ path: ['Media', 'Music'], seconds: 36 },
		{ path: ['Comms', 'IM'], seconds: H },
		{ path: ['Uncategorized'], seconds: 0.5 * H }
	];

	it('sums hours times each category score, inheriting unset and zero scores', () => {
		// 2 h × 10 (from Work) + 0.5 h × 10 + 1.5 h × -2 + 0.1 h × -5 (from Media)
		// + 0.01 h × -5 (a zero score inherits too) + 1 h × 0 + 0.5 h × 0
		expect(scoreSummary(times, CATEGORIES).total).toBeCloseTo(20 + 5 - 3 - 0.5 - 0.05, 9);
	});

	it('gives the share of time in positively scored categories', () => {
		expect(scoreSummary(times, CATEGORIES).positiveShare).toBeCloseTo(2.5 / 5.61, 9);
	});

	it('lists categories beyond 0.1 points either way, largest first', () => {
		const { productive, distracting } = scoreSummary(times, CATEGORIES);
		expect(productive.map((r) => [r.path, r.score, r.points])).toEqual([
			[['Work', 'Programming'], 10, 20],
			[['Work'], 10, 5]
		]);
		expect(distracting.map((r) => r.path)).toEqual([
			['Media', 'Video'],
			['Media', 'Games']
		]);
		expect(distracting[0].points).toBeCloseTo(-3, 9);
		expect(distracting[1].points).toBeCloseTo(-0.5, 9);
	});

	it('adds up repeated paths', () => {
		const summary = scoreSummary(
			[
				{ path: ['Work'], seconds: H },
				{ path: ['Work'], seconds: H }
			],
			CATEGORIES
		);
		expect(summary.total).toBe(20);
		expect(summary.productive).toEqual([{ path: ['Work'], seconds: 2 * H, score: 10, points: 20 }]);
	});

	it('scores an empty period as zero', () => {
		expect(scoreSummary([], CATEGORIES)).toEqual({
			total: 0,
			positiveShare: 0,
			productive: [],
			distracting: []
		});
	});

	it('scores categories missing from the list as zero', () => {
		const summary = scoreSummary([{ path: ['Elsewhere'], seconds: H }], CATEGORIES);
		expect(summary.total).toBe(0);
		expect(summary.positiveShare).toBe(0);
	});
});

describe('formatPoints', () => {
	it('shows the sign and one decimal', () => {
		expect(formatPoints(21.44)).toBe('+21.4');
		expect(formatPoints(12.36)).toBe('+12.4');
		expect(formatPoints(-3)).toBe('-3.0');
		expect(formatPoints(-0.06)).toBe('-0.1');
		expect(formatPoints(0.04)).toBe('0.0');
		expect(formatPoints(-0.04)).toBe('0.0');
		expect(formatPoints(0)).toBe('0.0');
	});
});
