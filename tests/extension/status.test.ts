import { describe, expect, it } from 'vitest';
import {
	badgeFor,
	INITIAL_STATUS,
	storageFailed,
	type DeliveryStatus
} from '../../extension/src/status';

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

describe('storageFailed', () => {
	const error = { code: 'quota_exceeded', message: 'QUOTA_BYTES quota exceeded' };

	it('adds up the entries lost since the first failure', () => {
		const first = { ...INITIAL_STATUS, ...storageFailed(INITIAL_STATUS, error, 3, 1000) };
		const second = { ...first, ...storageFailed(first, error, 2, 61_000) };
		expect(second.storageError).toEqual({ ...error, since: 1000, at: 61_000, lost: 5 });
	});
});

describe('badgeFor a failing outbox', () => {
	const full = storageFailed(INITIAL_STATUS, { code: 'quota_exceeded', message: 'full' }, 4, 1);

	it('shows full above every other state, with what was lost and what waits', () => {
		const badge = badgeFor({ ...failing, ...full, permission: false }, 12, ORIGIN);
		expect(badge.text).toBe('full');
		expect(badge.title).toContain('4 not stored, 12 waiting');
		expect(badgeFor({ ...INITIAL_STATUS, ...full, recording: 'paused' }, 0, ORIGIN).text).toBe(
			'full'
		);
	});

	it('shows err for a storage failure that is not the quota', () => {
		const broken = storageFailed(INITIAL_STATUS, { code: 'storage_failed', message: 'x' }, 1, 1);
		expect(badgeFor({ ...INITIAL_STATUS, ...broken }, 0, ORIGIN).text).toBe('err');
	});
});
