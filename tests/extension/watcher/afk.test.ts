import { describe, expect, it } from 'vitest';
import { bucketsFor } from '../../../extension/src/buckets';
import {
	afkTick,
	afkTransition,
	UNKNOWN_AFK,
	type AfkState
} from '../../../extension/src/watcher/afk';
import type { OutboxInput } from '../../../extension/src/watcher/heartbeat';

const { afk } = bucketsFor({ browserName: 'chrome', deviceName: 'laptop' });
const NOW = Date.UTC(2026, 2, 2, 9, 0, 0);
const THRESHOLD = 180;
const ACTIVE: AfkState = { status: 'not-afk', since: NOW - 3_600_000 };
const AWAY: AfkState = { status: 'afk', since: NOW - 600_000 };

/** Each entry as [kind, status, start in ms, duration in ms, pulsetime]. */
function summary(entries: OutboxInput[]) {
	return entries.map((e) =>
		e.kind === 'heartbeat'
			? [
					'heartbeat',
					e.event.data.status,
					e.event.timestamp / 1000,
					e.event.duration / 1000,
					e.pulsetime
				]
			: ['truncate', e.data.status, e.at / 1000]
	);
}

describe('afkTransition', () => {
	it('on idle, cuts not-afk back to now - threshold and starts afk there, lasting until now', () => {
		const step = afkTransition(afk, ACTIVE, 'idle', NOW, THRESHOLD);
		const lastInput = NOW - THRESHOLD * 1000;
		expect(summary(step.entries)).toEqual([
			['heartbeat', 'not-afk', lastInput, 0, 80],
			['truncate', 'not-afk', lastInput],
			['heartbeat', 'afk', lastInput, THRESHOLD * 1000, 0]
		]);
		expect(step.state).toEqual({ status: 'afk', since: lastInput });
	});

	it('never cuts back before the not-afk event began', () => {
		const recent: AfkState = { status: 'not-afk', since: NOW - 20_000 };
		const step = afkTransition(afk, recent, 'idle', NOW, THRESHOLD);
		expect(summary(step.entries)).toEqual([
			['heartbeat', 'not-afk', NOW - 20_000, 0, 80],
			['truncate', 'not-afk', NOW - 20_000],
			['heartbeat', 'afk', NOW - 20_000, 20_000, 0]
		]);
	});

	it('on locked, ends not-afk now and starts afk now', () => {
		const step = afkTransition(afk, ACTIVE, 'locked', NOW, THRESHOLD);
		expect(summary(step.entries)).toEqual([
			['heartbeat', 'not-afk', NOW - 1, 0, 80],
			['heartbeat', 'afk', NOW, 0, 0]
		]);
		expect(step.state).toEqual({ status: 'afk', since: NOW });
	});

	it('on return to active, ends afk now and starts a new not-afk event', () => {
		const step = afkTransition(afk, AWAY, 'active', NOW, THRESHOLD);
		expect(summary(step.entries)).toEqual([
			['heartbeat', 'afk', NOW - 1, 0, 80],
			['heartbeat', 'not-afk', NOW, 0, 0]
		]);
		expect(step.state).toEqual({ status: 'not-afk', since: NOW });
	});

	it('from an unknown status only starts the new one', () => {
		expect(summary(afkTransition(afk, UNKNOWN_AFK, 'active', NOW, THRESHOLD).entries)).toEqual([
			['heartbeat', 'not-afk', NOW, 0, 0]
		]);
		expect(summary(afkTransition(afk, UNKNOWN_AFK, 'idle', NOW, THRESHOLD).entries)).toEqual([
			['heartbeat', 'afk', NOW - 180_000, 180_000, 0]
		]);
		expect(summary(afkTransition(afk, UNKNOWN_AFK, 'locked', NOW, THRESHOLD).entries)).toEqual([
			['heartbeat', 'afk', NOW, 0, 0]
		]);
	});

	it('treats idle and locked alike once away: the afk event just goes on', () => {
		const step = afkTransition(afk, AWAY, 'locked', NOW, THRESHOLD);
		expect(summary(step.entries)).toEqual([['heartbeat', 'afk', NOW, 0, 80]]);
		expect(step.state).toBe(AWAY);
	});
});

describe('afkTick', () => {
	it('extends whichever status holds', () => {
		expect(summary(afkTick(afk, ACTIVE, NOW))).toEqual([['heartbeat', 'not-afk', NOW, 0, 80]]);
		expect(summary(afkTick(afk, AWAY, NOW))).toEqual([['heartbeat', 'afk', NOW, 0, 80]]);
	});

	it('sends nothing while the status is unknown', () => {
		expect(afkTick(afk, UNKNOWN_AFK, NOW)).toEqual([]);
	});
});
