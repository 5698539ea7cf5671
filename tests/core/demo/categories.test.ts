import { describe, expect, it } from 'vitest';
import { DEMO_CATEGORIES, demoCategoryRules, generateDemoData } from '../../../src/core/demo';
import { parseInstant } from '../../../src/core/model/time';
import { MemorySource, runQuery } from '../../../src/core/query';
import { fullDesktopQuery } from '../../../src/core/queries';

const START = parseInstant('2024-05-06T00:00:00Z');

describe('demo categories', () => {
	it('has 30 rules, some nested, some case-insensitive, some without a pattern', () => {
		expect(DEMO_CATEGORIES).toHaveLength(30);
		expect(DEMO_CATEGORIES.some((c) => c.name.length === 3)).toBe(true);
		expect(DEMO_CATEGORIES.some((c) => c.rule.type === 'regex' && c.rule.ignore_case)).toBe(true);
		expect(DEMO_CATEGORIES.some((c) => c.rule.type === 'none')).toBe(true);
		expect(demoCategoryRules()[1]).toEqual([['Work', 'Programming'], DEMO_CATEGORIES[1].rule]);
	});

	it('categorizes most of a demo day through the full desktop summary', async () => {
		const data = generateDemoData({ start: START, seed: 11 });
		const query = fullDesktopQuery({
			windowBucket: data.window.bucket.id,
			afkBucket: data.afk.bucket.id,
			browserBuckets: [data.web.bucket.id],
			filterAfk: true,
			includeAudible: true,
			categories: demoCategoryRules()
		});
		const [result] = (await runQuery(
			{ query, timeperiods: ['2024-05-06T00:00:00Z/2024-05-07T00:00:00Z'] },
			new MemorySource(data.buckets)
		)) as [
			{
				window: {
					duration: number;
					cat_events: { duration: number; data: { $category: string[] } }[];
				};
			}
		];
		const { duration, cat_events: cats } = result.window;
		expect(duration).toBeGreaterThan(4 * 3600);
		expect(duration).toBeLessThan(16 * 3600);
		const uncategorized = cats.find((c) => c.data.$category[0] === 'Uncategorized')?.duration ?? 0;
		expect(uncategorized / duration).toBeLessThan(0.2);
		expect(cats.length).toBeGreaterThan(10);
	});
});
