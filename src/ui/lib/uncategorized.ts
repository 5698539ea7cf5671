/**
 * The Activity view's uncategorized-time hint (dashboard spec 2.2): shown when uncategorized
 * time exceeds a share of the total and the total exceeds a minimum, as the
 * `uncategorizedNotificationData` setting says (default on, 3600 s, 0.3).
 */
import { isUncategorized } from './categories';

export type HintSetting = { isEnabled: boolean; minTotalSeconds: number; minRatio: number };

export const DEFAULT_HINT: HintSetting = { isEnabled: true, minTotalSeconds: 3600, minRatio: 0.3 };

export function readHintSetting(value: unknown): HintSetting {
	const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<HintSetting>;
	return {
		isEnabled: typeof v.isEnabled === 'boolean' ? v.isEnabled : DEFAULT_HINT.isEnabled,
		minTotalSeconds:
			typeof v.minTotalSeconds === 'number' ? v.minTotalSeconds : DEFAULT_HINT.minTotalSeconds,
		minRatio: typeof v.minRatio === 'number' ? v.minRatio : DEFAULT_HINT.minRatio
	};
}

/** The uncategorized share of the total when the hint should show, otherwise null. */
export function uncategorizedShare(
	categories: { path: string[]; seconds: number }[],
	setting: HintSetting
): number | null {
	if (!setting.isEnabled) return null;
	const total = categories.reduce((sum, c) => sum + c.seconds, 0);
	const uncategorized = categories
		.filter((c) => isUncategorized(c.path))
		.reduce((sum, c) => sum + c.seconds, 0);
	if (total < setting.minTotalSeconds || total === 0) return null;
	const share = uncategorized / total;
	return share > setting.minRatio ? share : null;
}
