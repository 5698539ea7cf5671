import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/core/model/json';
import { openStore } from './helpers';

describe('settings', () => {
	it('stores any JSON value, null and false included, and reads unset keys as null', async () => {
		const store = await openStore();
		expect(await store.getSetting('theme')).toBeNull();
		const values: JsonValue[] = [
			false,
			null,
			0,
			'',
			[],
			{},
			'dark',
			3.5,
			[1, { a: true }],
			{ nested: { x: null } }
		];
		for (const value of values) {
			await store.setSetting('key', value);
			expect(await store.getSetting('key')).toEqual(value);
		}
		expect(await store.getSettings()).toEqual({ key: { nested: { x: null } } });
	});

	it('lists every setting, compares keys exactly, and deletes silently', async () => {
		const store = await openStore();
		await store.setSetting('a', 1);
		await store.setSetting('A', 2);
		await store.setSetting('startOfDay', '04:00');
		expect(await store.getSettings()).toEqual({ A: 2, a: 1, startOfDay: '04:00' });
		await store.deleteSetting('a');
		await store.deleteSetting('never-set');
		expect(await store.getSettings()).toEqual({ A: 2, startOfDay: '04:00' });
	});

	it('refuses absurd keys and values that are not plain JSON', async () => {
		const store = await openStore();
		await expect(store.getSetting('')).rejects.toMatchObject({ code: 'invalid_argument' });
		await expect(store.setSetting('x'.repeat(1025), 1)).rejects.toMatchObject({
			code: 'invalid_argument'
		});
		await expect(store.setSetting('k', undefined as never)).rejects.toMatchObject({
			code: 'invalid_argument'
		});
		await expect(store.setSetting('k', { d: new Date() } as never)).rejects.toMatchObject({
			code: 'invalid_argument'
		});
		await expect(store.setSetting('k', Number.NaN)).rejects.toMatchObject({
			code: 'invalid_argument'
		});
		await store.setSetting('x'.repeat(1024), true);
		expect(await store.getSetting('x'.repeat(1024))).toBe(true);
	});
});
