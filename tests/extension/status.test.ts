import { describe, expect, it } from 'vitest';
import { badgeFor, INITIAL_STATUS, type DeliveryStatus } from '../../extension/src/status';

const ORIGIN = 'http://127.0.0.1:5600';
const failing: DeliveryStatus = {
	...INITIAL_STATUS,
	recording: 'recorded',
	lastError: { code: 'unreachable', message: 'The app did not load', at: 1 }
};

describe('badgeFor', () => {
	it('shows ! without host permission, naming the origin and what waits', () => {
		const badge = badgeFor({ ...failing, permission: false }, 12, ORIGIN);
		expect(badge.text).toBe('!');
		expect(badge.title).toContain(ORIGIN);
		expect(badge.title).toContain('12 waiting');
	});

	it('shows the backlog while delivery fails', () => {
		expect(badgeFor(failing, 12, ORIGIN).text).toBe('12');
		expect(badgeFor(failing, 12_345, ORIGIN).text).toBe('999+');
		expect(badgeFor(failing, 12, ORIGIN).title).toContain('The app did not load');
	});

	it('shows off while paused and nothing when all is well', () => {
		expect(badgeFor({ ...INITIAL_STATUS, recording: 'paused' }, 0, ORIGIN).text).toBe('off');
		expect(badgeFor({ ...failing, lastError: null }, 3, ORIGIN).text).toBe('');
		expect(badgeFor(failing, 0, ORIGIN).text).toBe('');
	});
});
