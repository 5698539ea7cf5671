import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHindsightError } from '../../src/core/errors';
import type { Event } from '../../src/core/model/event';
import { heartbeatMerge } from '../../src/core/transforms/heartbeat';
import { bucketsFor } from '../../extension/src/buckets';
import { Outbox, OUTBOX_META_KEY, outboxKey } from '../../extension/src/outbox';
import { heartbeat, truncate, type HeartbeatInput } from '../../extension/src/watcher/heartbeat';
import { MemoryStore } from './memory-store';

const buckets = bucketsFor({ browserName: 'chrome', deviceName: 'laptop' });
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const tab = (title: string) => ({ title });

function open() {
	const store = new MemoryStore();
	return { store, outbox: new Outbox(store) };
}

describe('Outbox.append', () => {
	it('stores entries in order, each under its own key', async () => {
		const { store, outbox } = open();
		await outbox.append([
			heartbeat(buckets.web, tab('a'), T0, 80),
			heartbeat(buckets.afk, { status: 'not-afk' }, T0, 80)
		]);

		const entries = await outbox.list();
		expect(entries.map((e) => [e.seq, e.bucket.id])).toEqual([
			[1, buckets.web.id],
			[2, buckets.afk.id]
		]);
		expect([...store.items.keys()].sort()).toEqual(['outbox:1', 'outbox:2', OUTBOX_META_KEY]);
	});

	it('merges a heartbeat with equal data within the pulsetime into the last entry', async () => {
		const { outbox } = open();
		await outbox.append([heartbeat(buckets.web, tab('a'), T0, 0)]);
		const result = await outbox.append([heartbeat(buckets.web, tab('a'), T0 + 60_000, 80)]);

		expect(result).toEqual({ added: 0, merged: 1 });
		const [entry] = await outbox.list();
		expect(entry.kind === 'heartbeat' && entry.event.duration).toBe(60_000_000);
		expect(entry.kind === 'heartbeat' && entry.pulsetime).toBe(0);
		expect(entry.rev).toBe(1);
	});

	it('starts a new entry for other data or a gap beyond the pulsetime', async () => {
		const { outbox } = open();
		await outbox.append([
			heartbeat(buckets.web, tab('a'), T0, 80),
			heartbeat(buckets.web, tab('b'), T0 + 1000, 80),
			heartbeat(buckets.web, tab('b'), T0 + 1000 + 81_000, 80)
		]);
		expect(await outbox.size()).toBe(3);
	});

	it('merges into the bucket last entry even when other buckets came between', async () => {
		const { outbox } = open();
		await outbox.append([heartbeat(buckets.web, tab('a'), T0, 80)]);
		await outbox.append([heartbeat(buckets.afk, { status: 'not-afk' }, T0, 80)]);
		await outbox.append([heartbeat(buckets.web, tab('a'), T0 + 60_000, 80)]);

		const entries = await outbox.list();
		expect(entries).toHaveLength(2);
		expect(entries[0].kind === 'heartbeat' && entries[0].event.duration).toBe(60_000_000);
	});

	it('never merges across a truncate entry of the same bucket', async () => {
		const { outbox } = open();
		const status = { status: 'not-afk' };
		await outbox.append([
			heartbeat(buckets.afk, status, T0, 80),
			truncate(buckets.afk, status, T0 + 10_000),
			heartbeat(buckets.afk, status, T0 + 20_000, 80)
		]);
		expect((await outbox.list()).map((e) => e.kind)).toEqual([
			'heartbeat',
			'truncate',
			'heartbeat'
		]);
	});

	it('keeps an outage with one tab to one entry however many ticks it lasts', async () => {
		const { outbox } = open();
		for (let minute = 0; minute < 600; minute++) {
			await outbox.append([heartbeat(buckets.web, tab('a'), T0 + minute * 60_000, 80)]);
		}
		const [entry] = await outbox.list();
		expect(await outbox.size()).toBe(1);
		expect(entry.kind === 'heartbeat' && entry.event.duration).toBe(599 * 60_000_000);
	});

	it('stores nothing when the storage write fails, and reports storage_failed', async () => {
		const { store, outbox } = open();
		store.failNextSet = 'disk gone';
		const error = await outbox.append([heartbeat(buckets.web, tab('a'), T0, 80)]).catch((e) => e);
		expect(isHindsightError(error, 'storage_failed')).toBe(true);
		expect(error.message).toContain('disk gone');
		expect(await outbox.size()).toBe(0);
		await outbox.append([heartbeat(buckets.web, tab('a'), T0, 80)]);
		expect(await outbox.size()).toBe(1);
	});

	it('reports quota_exceeded when the storage is full', async () => {
		const { store, outbox } = open();
		store.failNextSet = 'QUOTA_BYTES quota exceeded';
		const error = await outbox.append([heartbeat(buckets.web, tab('a'), T0, 80)]).catch((e) => e);
		expect(isHindsightError(error, 'quota_exceeded')).toBe(true);
	});
});

describe('Outbox.peek, ack and drop', () => {
	it('hands out the oldest entry until it is acknowledged, then the next', async () => {
		const { outbox } = open();
		await outbox.append([
			heartbeat(buckets.web, tab('a'), T0, 80),
			heartbeat(buckets.web, tab('b'), T0 + 1, 80)
		]);
		const first = await outbox.peek();
		expect(await outbox.peek()).toEqual(first);
		expect(await outbox.ack(first!)).toBe(true);

		const second = await outbox.peek();
		expect(second?.seq).toBe(2);
		await outbox.ack(second!);
		expect(await outbox.peek()).toBeNull();
		expect(await outbox.size()).toBe(0);
	});

	it('keeps an entry that was extended while it was being delivered', async () => {
		const { outbox } = open();
		await outbox.append([heartbeat(buckets.web, tab('a'), T0, 80)]);
		const sent = await outbox.peek();
		await outbox.append([heartbeat(buckets.web, tab('a'), T0 + 30_000, 80)]);

		expect(await outbox.ack(sent!)).toBe(false);
		const again = await outbox.peek();
		expect(again?.seq).toBe(sent?.seq);
		expect(again?.kind === 'heartbeat' && again.event.duration).toBe(30_000_000);
		expect(await outbox.ack(again!)).toBe(true);
	});

	it('starts a new entry after the bucket last entry was acknowledged', async () => {
		const { outbox } = open();
		await outbox.append([heartbeat(buckets.web, tab('a'), T0, 80)]);
		await outbox.ack((await outbox.peek())!);
		await outbox.append([heartbeat(buckets.web, tab('a'), T0 + 1000, 80)]);

		const [entry] = await outbox.list();
		expect(entry.seq).toBe(2);
		expect(entry.kind === 'heartbeat' && entry.event.duration).toBe(0);
	});

	it('drops an entry whatever its revision', async () => {
		const { outbox } = open();
		await outbox.append([heartbeat(buckets.web, tab('a'), T0, 80)]);
		const sent = await outbox.peek();
		await outbox.append([heartbeat(buckets.web, tab('a'), T0 + 1000, 80)]);
		await outbox.drop(sent!);
		expect(await outbox.size()).toBe(0);
	});

	it('skips an entry whose key was lost', async () => {
		const { store, outbox } = open();
		await outbox.append([
			heartbeat(buckets.web, tab('a'), T0, 80),
			heartbeat(buckets.web, tab('b'), T0 + 1, 80)
		]);
		store.items.delete(outboxKey(1));
		expect((await outbox.peek())?.seq).toBe(2);
	});

	it('survives a new Outbox over the same storage (a restarted worker)', async () => {
		const { store, outbox } = open();
		await outbox.append([
			heartbeat(buckets.web, tab('a'), T0, 80),
			heartbeat(buckets.web, tab('b'), T0 + 1, 80)
		]);
		await outbox.ack((await outbox.peek())!);

		const restarted = new Outbox(store);
		expect((await restarted.list()).map((e) => e.seq)).toEqual([2]);
		await restarted.append([heartbeat(buckets.web, tab('b'), T0 + 2, 80)]);
		expect(await restarted.size()).toBe(1);
	});

	it('serializes concurrent appends without losing any', async () => {
		const { outbox } = open();
		await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				outbox.append([heartbeat(buckets.web, tab(`t${i}`), T0 + i * 1000, 80)])
			)
		);
		const titles = (await outbox.list()).map((e) =>
			e.kind === 'heartbeat' ? e.event.data.title : ''
		);
		expect(titles).toEqual(Array.from({ length: 20 }, (_, i) => `t${i}`));
	});
});

/** What the server stores for heartbeats sent one by one (rest-api.md 5, without cache loss). */
function serverFold(heartbeats: { event: Event; pulsetime: number }[]): Event[] {
	const stored: Event[] = [];
	for (const { event, pulsetime } of heartbeats) {
		const last = stored[stored.length - 1];
		const merged = last ? heartbeatMerge(last, event, pulsetime) : null;
		if (merged) stored[stored.length - 1] = merged;
		else stored.push({ ...event });
	}
	return stored;
}

describe('Outbox pre-merge', () => {
	it('gives the server the same events as sending every heartbeat on its own', async () => {
		const step = fc.record({
			gapMs: fc.integer({ min: 0, max: 120_000 }),
			title: fc.constantFrom('a', 'b'),
			pulsetime: fc.constantFrom(0, 80),
			durationMs: fc.constantFrom(0, 0, 30_000)
		});
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
				const { outbox } = open();
				let at = T0;
				const sent: HeartbeatInput[] = [];
				for (const s of steps) {
					at += s.gapMs;
					const input = heartbeat(buckets.web, tab(s.title), at, s.pulsetime, s.durationMs);
					sent.push(input);
					await outbox.append([input]);
				}
				const merged = (await outbox.list()).filter((e) => e.kind === 'heartbeat');
				expect(serverFold(merged)).toEqual(serverFold(sent));
			}),
			{ numRuns: 200 }
		);
	});
});

describe('Outbox entry size', () => {
	it('costs under 400 bytes beyond its address and title, as chrome.storage.local counts them', async () => {
		const { store, outbox } = open();
		const data = {
			url: `https://www.example.com/${'section/'.repeat(4)}article-slug?id=12345`,
			title: 'A typical article headline of some length - Example',
			audible: false,
			incognito: false,
			tabCount: 12
		};
		await outbox.append([heartbeat(buckets.web, data, T0, 80)]);
		const text = store.items.get(outboxKey(1)) ?? '';
		const bytes = outboxKey(1).length + text.length;
		expect(bytes - data.url.length - data.title.length).toBeLessThan(400);
	});
});
