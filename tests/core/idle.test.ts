import { expect, it } from 'vitest';
import { isIdleSeconds, MAX_IDLE_SECONDS, MIN_IDLE_SECONDS } from '../../src/core/idle';

it('accepts only whole seconds within what chrome.idle takes', () => {
	for (const ok of [MIN_IDLE_SECONDS, 180, MAX_IDLE_SECONDS])
		expect(isIdleSeconds(ok), String(ok)).toBe(true);
	for (const bad of [14, 14401, 180.5, NaN, Infinity, '180', null, undefined]) {
		expect(isIdleSeconds(bad), String(bad)).toBe(false);
	}
});
