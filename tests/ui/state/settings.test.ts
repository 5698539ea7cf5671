import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { setConsoleLogging } from '../../../src/core/log';
import { runQuery } from '../../../src/core/query/run';
import { Datastore } from '../../../src/store/datastore';
import { createWorkerService } from '../../../src/worker/service';
import { setApi } from '../../../src/ui/state/api';
import { Settings } from '../../../src/ui/state/settings.svelte';
import { DEFAULT_CATEGORIES } from '../../../src/ui/lib/categories';

setConsoleLogging(false);

let counter = 0;
let datastore: Datastore;

beforeEach(() => {
	datastore = new Datastore({
		name: `ui-settings-${++counter}`,
		indexedDB: new IDBFactory(),
		IDBKeyRange,
		broadcast: false
	});
	setApi(createWorkerService({ datastore, runQuery }));
});

afterEach(() => datastore.close());

it('uses the default tree, the 04:00 start of day and Monday weeks when nothing is stored', async () => {
	const settings = new Settings();
	await settings.load();
	expect(settings.categories).toEqual(DEFAULT_CATEGORIES);
	expect(settings.calendar).toEqual({ dayOffsetMinutes: 240, weekStart: 'Monday' });
	expect(settings.categorySets.activeId).toBe('default');
});

it('reads the legacy classes list and the calendar settings of an ActivityWatch import', async () => {
	await datastore.setSetting('classes', [
		{ name: ['Deep', 'Work'], rule: { type: 'regex', regex: 'vim' } }
	]);
	await datastore.setSetting('startOfDay', '06:30');
	await datastore.setSetting('startOfWeek', 'Sunday');
	const settings = new Settings();
	await settings.load();
	expect(settings.categories.map((c) => c.name.join('>'))).toEqual(['Deep', 'Deep>Work']);
	expect(settings.calendar).toEqual({ dayOffsetMinutes: 390, weekStart: 'Sunday' });
});

it('saves categories as the active set and as the flat classes list other clients read', async () => {
	const settings = new Settings();
	await settings.load();
	const list = [
		{ name: ['Reading'], rule: { type: 'regex' as const, regex: 'arxiv', ignore_case: true } }
	];
	await settings.saveCategories('mine', list);
	expect(await datastore.getSetting('active_set_ids')).toEqual(['mine']);
	expect(await datastore.getSetting('classes')).toEqual(list);
	expect(await datastore.getSetting('category_sets')).toEqual([{ id: 'mine', categories: list }]);
	const again = new Settings();
	await again.load();
	expect(again.categories).toEqual(list);
});

it('keeps a failed save for the view to show, and clears it after the next success', async () => {
	const settings = new Settings();
	await settings.load();
	datastore.close();
	expect(await settings.save('theme', 'dark')).toBe(false);
	expect(settings.saveError).toMatchObject({ code: 'database_closed' });
	expect(settings.values.theme).toBeUndefined();

	datastore = new Datastore({
		name: 'ui-settings-reopened',
		indexedDB: new IDBFactory(),
		IDBKeyRange,
		broadcast: false
	});
	setApi(createWorkerService({ datastore, runQuery }));
	expect(await settings.save('theme', 'dark')).toBe(true);
	expect(settings.saveError).toBeNull();
	expect(await datastore.getSetting('theme')).toBe('dark');
});
