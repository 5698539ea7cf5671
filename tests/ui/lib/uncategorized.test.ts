import { expect, it } from 'vitest';
import {
	DEFAULT_HINT,
	readHintSetting,
	uncategorizedShare
} from '../../../src/ui/lib/uncategorized';

const times = (uncategorized: number, other: number) => [
	{ path: ['Uncategorized'], seconds: uncategorized },
	{ path: ['Work'], seconds: other }
];

it('shows the hint when uncategorized time passes the share and the total the minimum', () => {
	expect(uncategorizedShare(times(2000, 3000), DEFAULT_HINT)).toBeCloseTo(0.4);
	expect(uncategorizedShare(times(1000, 3000), DEFAULT_HINT)).toBeNull();
	expect(uncategorizedShare(times(1000, 1000), DEFAULT_HINT)).toBeNull();
	expect(uncategorizedShare(times(2000, 3000), { ...DEFAULT_HINT, isEnabled: false })).toBeNull();
});

it('reads the stored setting and falls back to the defaults per field', () => {
	expect(readHintSetting(null)).toEqual(DEFAULT_HINT);
	expect(readHintSetting({ isEnabled: false, minRatio: 'x' })).toEqual({
		...DEFAULT_HINT,
		isEnabled: false
	});
});
