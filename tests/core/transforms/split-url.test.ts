import { describe, expect, it } from 'vitest';
import { filterPeriodIntersect } from '../../../src/core/transforms/period';
import { splitUrlEvents } from '../../../src/core/transforms';
import type { JsonValue } from '../../../src/core/model/json';
import { ev } from './helpers';

/** query-vectors.md, "split_url_events on odd URLs": [#, url, $protocol, $domain, $path, $params]. */
const TABLE: [string, string, string, string, string, string][] = [
	['S01', 'http://www.google.com/path?query=1', 'http', 'google.com', '/path', 'query=1'],
	[
		'S02',
		'https://www.asd.asd.com/test/test2/meh;meh2?asd=2&asdf=3#id',
		'https',
		'asd.asd.com',
		'/test/test2/meh;meh2',
		'asd=2&asdf=3'
	],
	['S03', 'http://asd.com/test/?a=1', 'http', 'asd.com', '/test/', 'a=1'],
	['S04', 'file:///home/user/document.pdf', 'file', 'file', '/home/user/document.pdf', ''],
	['S05', 'about:blank', 'about', 'about', 'blank', ''],
	['S06', 'chrome://newtab/', 'chrome', 'newtab', '/', ''],
	['S07', 'HTTP://WWW.Example.COM:8080/A%20b?X=Y#Frag', 'http', 'example.com', '/A%20b', 'X=Y'],
	['S08', 'localhost:3000', 'localhost', 'localhost', '3000', ''],
	['S12', 'https://user:pw@www.www.example.com/', 'https', 'example.com', '/', ''],
	['S13', 'http://[::1]:80/x', 'http', '[::1]', '/x', ''],
	['S14', 'https://example.com', 'https', 'example.com', '/', ''],
	['S15', 'moz-extension://abc-def/popup.html', 'moz-extension', 'abc-def', '/popup.html', ''],
	['S16', 'https://münchen.de/straße', 'https', 'xn--mnchen-3ya.de', '/stra%C3%9Fe', ''],
	['S17', 'data:text/plain,hello', 'data', 'data', 'text/plain,hello', ''],
	['S18', 'javascript:void(0)', 'javascript', 'javascript', 'void(0)', ''],
	['S19', 'http://example.com/a/../b/./c', 'http', 'example.com', '/b/c', ''],
	['S20', 'https://www.example.com?q', 'https', 'example.com', '/', 'q'],
	['S21', 'mailto:someone@example.com', 'mailto', 'mailto', 'someone@example.com', ''],
	['S22', 'http://www./x', 'http', '', '/x', ''],
	['S23', 'https://www.', 'https', '', '/', ''],
	[
		'S24',
		'chrome-extension://id/options.html?x=1',
		'chrome-extension',
		'id',
		'/options.html',
		'x=1'
	]
];

describe('splitUrlEvents (query-vectors.md S01-S26)', () => {
	for (const [id, url, $protocol, $domain, $path, $params] of TABLE) {
		it(`${id}: ${url}`, () => {
			const [out] = splitUrlEvents([ev(0, 1, { url, title: 't' })]);
			expect(out.data).toEqual({ url, title: 't', $protocol, $domain, $path, $params });
		});
	}

	const unchanged: [string, JsonValue | undefined][] = [
		['S09', 'example.com/path'],
		['S10', ''],
		['S11', 'not a url'],
		['S25', 123],
		['S26', undefined]
	];
	for (const [id, url] of unchanged) {
		it(`${id}: leaves ${JSON.stringify(url) ?? 'a missing url'} unchanged`, () => {
			const event = ev(0, 1, url === undefined ? { title: 't' } : { url });
			expect(splitUrlEvents([event])[0]).toBe(event);
		});
	}
});

describe('splitUrlEvents', () => {
	it('overwrites existing keys and keeps id and times', () => {
		const event = ev(2, 3, { url: 'https://a.org/x', $domain: 'old', $path: 1 }, 9);
		const [out] = splitUrlEvents([event]);
		expect(out).toEqual(
			ev(
				2,
				3,
				{ url: 'https://a.org/x', $protocol: 'https', $domain: 'a.org', $path: '/x', $params: '' },
				9
			)
		);
	});

	it('returns already split events as they are on a second pass', () => {
		const once = splitUrlEvents([ev(0, 1, { url: 'https://www.a.org/?q=1' })]);
		expect(splitUrlEvents(once)[0]).toBe(once[0]);
	});

	it('keeps the data of split events on a later pass, after other transforms moved them', () => {
		const once = splitUrlEvents([ev(0, 10, { url: 'https://www.a.org/p?q=1' })]);
		const cut = filterPeriodIntersect(once, [ev(2, 3, {})]);
		const again = splitUrlEvents(cut);
		expect(again[0]).toBe(cut[0]);
		expect(again[0].data).toBe(once[0].data);
	});

	it('splits again when the url of split data was changed in a copy', () => {
		const [once] = splitUrlEvents([ev(0, 1, { url: 'https://www.a.org/p?q=1' })]);
		const moved = { ...once, data: { ...once.data, url: 'http://b.net/x' } };
		const [again] = splitUrlEvents([moved]);
		expect(again.data).toMatchObject({
			$domain: 'b.net',
			$path: '/x',
			$params: '',
			$protocol: 'http'
		});
	});

	it('gives equal urls equal parts', () => {
		const out = splitUrlEvents([
			ev(0, 1, { url: 'https://x.org/a' }),
			ev(1, 1, { url: 'https://x.org/a', n: 1 })
		]);
		expect(out.map((e) => e.data.$path)).toEqual(['/a', '/a']);
		expect(out[1].data.n).toBe(1);
	});
});
