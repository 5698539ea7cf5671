/**
 * The dataset the dashboard-query tests run on (offsets in seconds from T0 =
 * 2000-01-01T00:00:00Z; `[start, duration]`). Every expectation in the tests is worked out by
 * hand from these events.
 *
 * Host "laptop":
 *   window 101 [0,60] Code/main.rs · 102 [61,29] Google-chrome/Docs · 103 [90,30] Spotify/Song
 *          104 [200,100] Code/lib.rs · 105 [300,50] chromium/News
 *   afk    110 [0,100] not-afk · 111 [100,150] afk · 112 [250,200] not-afk
 *   chrome 120 [61,29] docs.google.com/doc "Docs" · 121 [300,50] youtube "News video" (audible)
 *   stopwatch 130 [10,20] "Focus"
 *   editors: vscode 401 [0,60] a.ts · 402 [62,30] b.rs; vim 403 [100,40] a.ts
 * Host "desk":
 *   window 201 [100,100] Terminal/ssh · afk 210 [0,400] not-afk
 * Android ("Pixel"): 301 [0,100] Chrome · 302 [100,50] Signal · 303 [200,30] Chrome
 *   304 [300,40] Maps (no classname) · 305 [400,20] Clock (no title)
 * Browser-only profile ("profile"): focus 501 [0,100] YouTube · 502 [100,50] GitHub ·
 *   503 [300,60] GitHub; idle 510 [0,120] not-afk · 511 [120,180] afk · 512 [300,100] not-afk;
 *   tabs 520 [0,100] youtube (audible) · 521 [100,50] github · 522 [300,60] github
 */
import type { Event } from '../../../src/core/model/event';
import { MemorySource } from '../../../src/core/query';
import type { CategoryPair } from '../../../src/core/queries';

export const T0 = Date.UTC(2000, 0, 1) * 1000;
export const HOUR = '2000-01-01T00:00:00Z/2000-01-01T01:00:00Z';

const at = (seconds: number) => T0 + Math.round(seconds * 1_000_000);

/** A stored event. */
const ev = (id: number, start: number, duration: number, data: Event['data']): Event => ({
	id,
	timestamp: at(start),
	duration: duration * 1_000_000,
	data
});

/** An expected result event in wire form. */
export function out(id: number | null, start: number, duration: number, data: Event['data']) {
	return {
		id,
		timestamp: new Date(at(start) / 1000).toISOString().replace('.000Z', 'Z'),
		duration,
		data
	};
}

export const CODE_MAIN = { app: 'Code', title: 'main.rs' };
export const CHROME_DOCS = { app: 'Google-chrome', title: 'Docs' };
export const SPOTIFY = { app: 'Spotify', title: 'Song' };
export const CODE_LIB = { app: 'Code', title: 'lib.rs' };
export const CHROMIUM_NEWS = { app: 'chromium', title: 'News' };
export const DOCS_TAB = { url: 'https://docs.google.com/doc', title: 'Docs', audible: false };
export const NEWS_TAB = {
	url: 'https://www.youtube.com/watch?v=1',
	title: 'News video',
	audible: true
};
export const TERMINAL = { app: 'Terminal', title: 'ssh' };

const NOT_AFK = { status: 'not-afk' };
const AFK = { status: 'afk' };

const BUCKETS: [string, string, Event[]][] = [
	[
		'aw-watcher-window_laptop',
		'laptop',
		[
			ev(101, 0, 60, CODE_MAIN),
			ev(102, 61, 29, CHROME_DOCS),
			ev(103, 90, 30, SPOTIFY),
			ev(104, 200, 100, CODE_LIB),
			ev(105, 300, 50, CHROMIUM_NEWS)
		]
	],
	[
		'aw-watcher-afk_laptop',
		'laptop',
		[ev(110, 0, 100, NOT_AFK), ev(111, 100, 150, AFK), ev(112, 250, 200, NOT_AFK)]
	],
	[
		'aw-watcher-web-chrome_laptop',
		'laptop',
		[ev(120, 61, 29, DOCS_TAB), ev(121, 300, 50, NEWS_TAB)]
	],
	['aw-stopwatch', 'laptop', [ev(130, 10, 20, { label: 'Focus' })]],
	[
		'aw-watcher-vscode_laptop',
		'laptop',
		[
			ev(401, 0, 60, { file: 'a.ts', language: 'typescript', project: 'p1' }),
			ev(402, 62, 30, { file: 'b.rs', language: 'rust', project: 'p2' })
		]
	],
	[
		'aw-watcher-vim_laptop',
		'laptop',
		[ev(403, 100, 40, { file: 'a.ts', language: 'typescript', project: 'p1' })]
	],
	['aw-watcher-window_desk', 'desk', [ev(201, 100, 100, TERMINAL)]],
	['aw-watcher-afk_desk', 'desk', [ev(210, 0, 400, NOT_AFK)]],
	[
		'aw-watcher-android-test',
		'Pixel',
		[
			ev(301, 0, 100, { app: 'Chrome', classname: 'com.android.Main', title: 'Chrome' }),
			ev(302, 100, 50, { app: 'Signal', classname: 'org.Signal', title: 'Signal' }),
			ev(303, 200, 30, { app: 'Chrome', classname: 'com.android.Main', title: 'Chrome' }),
			ev(304, 300, 40, { app: 'Maps', title: 'Maps' }),
			ev(305, 400, 20, { app: 'Clock', classname: 'x' })
		]
	],
	[
		'aw-watcher-window_profile',
		'profile',
		[
			ev(501, 0, 100, { app: 'Google Chrome', title: 'YouTube' }),
			ev(502, 100, 50, { app: 'Google Chrome', title: 'GitHub' }),
			ev(503, 300, 60, { app: 'Google Chrome', title: 'GitHub' })
		]
	],
	[
		'aw-watcher-afk_profile',
		'profile',
		[ev(510, 0, 120, NOT_AFK), ev(511, 120, 180, AFK), ev(512, 300, 100, NOT_AFK)]
	],
	[
		'aw-watcher-web-chrome_profile',
		'profile',
		[
			ev(520, 0, 100, {
				url: 'https://www.youtube.com/watch?v=a',
				title: 'YouTube',
				audible: true
			}),
			ev(521, 100, 50, { url: 'https://github.com/a', title: 'GitHub', audible: false }),
			ev(522, 300, 60, { url: 'https://github.com/a', title: 'GitHub', audible: false })
		]
	]
];

/** A fresh source with every bucket of the fixture (or only those whose id passes `keep`). */
export function dashboardSource(keep: (id: string) => boolean = () => true): MemorySource {
	return new MemorySource(
		BUCKETS.filter(([id]) => keep(id)).map(([id, hostname, events]) => ({
			bucket: { id, hostname },
			events
		}))
	);
}

/** The category rules of the tests. `\.rs$` checks that backslashes survive the trip. */
export const RULES: CategoryPair[] = [
	[['Work'], { type: 'regex', regex: 'Code|Docs' }],
	[['Work', 'Programming'], { type: 'regex', regex: '\\.rs$' }],
	[['Media'], { type: 'none' }],
	[['Media', 'Music'], { type: 'regex', regex: 'spotify', ignore_case: true }],
	[['Focus'], { type: 'regex', regex: '^Focus$' }]
];

export const WP = ['Work', 'Programming'];
export const WORK = ['Work'];
export const MUSIC = ['Media', 'Music'];
export const UNCAT = ['Uncategorized'];
