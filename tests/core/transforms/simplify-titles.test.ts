import { describe, expect, it } from 'vitest';
import { simplifyWindowTitles } from '../../../src/core/transforms';
import type { JsonObject } from '../../../src/core/model/json';
import { ev } from './helpers';

/** query-vectors.md, simplify_window_titles: [#, data, expected title]. */
const TABLE: [string, JsonObject, string][] = [
	['W01', { title: '(2) YouTube - Firefox' }, 'YouTube - Firefox'],
	['W02', { title: '(2) YouTube', app: 'Firefox' }, 'YouTube'],
	[
		'W03',
		{ title: 'Cemu - FPS: 59.2 - BotW FPS: 1.0', app: 'Cemu.exe' },
		'Cemu - FPS: ... - BotW FPS: ...'
	],
	[
		'W04',
		{ title: '● report.md - Visual Studio Code', app: 'Code' },
		'report.md - Visual Studio Code'
	],
	['W05', { title: '*test.md - gedit', app: 'gedit' }, 'test.md - gedit'],
	['W06', { title: '● (3) Inbox', app: 'x' }, '(3) Inbox'],
	['W07', { title: '(3) ● Inbox', app: 'x' }, 'Inbox'],
	['W08', { title: '(12)Inbox' }, 'Inbox'],
	['W09', { title: 'Cemu - FPS: 59.2' }, 'Cemu - FPS: 59.2'],
	['W10', { title: 'FPS:59', app: 'x' }, 'FPS:59'],
	['W11', { title: '  (1) lead space', app: 'x' }, '  (1) lead space']
];

describe('simplifyWindowTitles (query-vectors.md W01-W13)', () => {
	for (const [id, data, title] of TABLE) {
		it(`${id}: ${String(data.title)}`, () => {
			const [out] = simplifyWindowTitles([ev(0, 1, data)], 'title');
			expect(out.data).toEqual({ ...data, title });
		});
	}

	it('W12: applies only the counter rule to another key', () => {
		const [out] = simplifyWindowTitles(
			[ev(0, 1, { label: '(99) Facebook ● FPS: 1', app: 'x' })],
			'label'
		);
		expect(out.data).toEqual({ label: 'Facebook ● FPS: 1', app: 'x' });
	});

	it('W13: leaves an event without the key unchanged', () => {
		const event = ev(0, 1, { app: 'x' });
		expect(simplifyWindowTitles([event], 'title')[0]).toBe(event);
	});
});

describe('simplifyWindowTitles', () => {
	it('leaves non-string values and unchanged titles as the same objects', () => {
		const list = [ev(0, 1, { title: 5 }), ev(1, 1, { title: 'plain', app: 'x' })];
		const out = simplifyWindowTitles(list, 'title');
		expect(out[0]).toBe(list[0]);
		expect(out[1]).toBe(list[1]);
	});

	it('treats Unicode whitespace after the counter as whitespace', () => {
		const [out] = simplifyWindowTitles([ev(0, 1, { title: '(1)\u00a0\u2003Mail' })], 'title');
		expect(out.data.title).toBe('Mail');
	});

	it('keeps id and times', () => {
		const [out] = simplifyWindowTitles([ev(4, 2, { title: '(1) a' }, 8)], 'title');
		expect(out).toEqual(ev(4, 2, { title: 'a' }, 8));
	});
});
