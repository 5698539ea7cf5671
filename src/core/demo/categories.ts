/**
 * The demo's category rules: 30 entries in the dashboard's category format, built on the
 * default tree and extended with nested categories, case-insensitive rules and patterns over
 * apps, titles and URLs (some with `\b`, `\d`, anchors), so that categorization in benchmarks
 * and in the demo does realistic work.
 */
import { regexRule as re, type CategoryPair, type QueryRule } from '../queries/categories';

/** A category as the dashboard stores it: path, rule and optional colour and score. */
export type DemoCategory = {
	name: string[];
	rule: QueryRule;
	data?: { color?: string; score?: number };
};

const none: QueryRule = { type: 'none' };

/** The 30 demo categories, parents before children, in the order that breaks ties. */
export const DEMO_CATEGORIES: readonly DemoCategory[] = [
	{
		name: ['Work'],
		rule: re('Google Docs|libreoffice|ReText'),
		data: { color: '#0F0', score: 10 }
	},
	{
		name: ['Work', 'Programming'],
		rule: re(
			'GitHub|Stack Overflow|BitBucket|Gitlab|vim|Spyder|kate|Ghidra|Scite|Visual Studio Code|kitty'
		)
	},
	{ name: ['Work', 'Programming', 'ActivityWatch'], rule: re('ActivityWatch|aw-', true) },
	{ name: ['Work', 'Programming', 'Hindsight'], rule: re('hindsight', true) },
	{ name: ['Work', 'Programming', 'Docs'], rule: re('developer\\.mozilla\\.org|MDN|docs\\.rs') },
	{ name: ['Work', 'Programming', 'Review'], rule: re('Pull Request #\\d+|/pull/\\d+') },
	{ name: ['Work', 'Image'], rule: re('GIMP|Inkscape') },
	{ name: ['Work', 'Video'], rule: re('Kdenlive') },
	{ name: ['Work', 'Audio'], rule: re('Audacity') },
	{ name: ['Work', '3D'], rule: re('Blender') },
	{ name: ['Work', 'Meetings'], rule: re('Zoom Meeting|meet\\.google\\.com|^Meet - ') },
	{ name: ['Work', 'Planning'], rule: re('calendar\\.google\\.com|Roadmap|Retro notes') },
	{ name: ['Work', 'Writing'], rule: re('\\.odt\\b|Writer|Design doc') },
	{ name: ['Media'], rule: none, data: { color: '#F33' } },
	{ name: ['Media', 'Games'], rule: re('Minecraft|RimWorld'), data: { color: '#F80' } },
	{ name: ['Media', 'Video'], rule: re('YouTube|Plex|VLC|Netflix'), data: { color: '#F33' } },
	{
		name: ['Media', 'Social Media'],
		rule: re('reddit|Facebook|Twitter|Instagram|devRant', true),
		data: { color: '#FCC400' }
	},
	{ name: ['Media', 'Music'], rule: re('Spotify|Deezer', true), data: { color: '#A8FC00' } },
	{ name: ['Media', 'News'], rule: re('news\\.ycombinator\\.com|Hacker News') },
	{ name: ['Media', 'Reading'], rule: re('\\bwikipedia\\.org\\b|Wikipedia') },
	{ name: ['Comms'], rule: none, data: { color: '#9FF' } },
	{
		name: ['Comms', 'IM'],
		rule: re('Messenger|Telegram|Signal|WhatsApp|Rambox|Slack|Riot|Element|Discord|Mattermost')
	},
	{ name: ['Comms', 'IM', 'Team channels'], rule: re('#(general|dev|random|design|releases)\\b') },
	{ name: ['Comms', 'Email'], rule: re('Gmail|Thunderbird|mutt|alpine') },
	{ name: ['Comms', 'Email', 'Digests'], rule: re('digest|newsletter', true) },
	{ name: ['System'], rule: none, data: { color: '#999' } },
	{ name: ['System', 'Files'], rule: re('^(Finder|Files|Nautilus)$') },
	{ name: ['System', 'Settings'], rule: re('^Settings$|Preferences') },
	{ name: ['Shopping'], rule: re('amazon\\.|ebay\\.', true) },
	{ name: ['Uncategorized'], rule: none, data: { color: '#CCC' } }
];

/** The demo categories as the `[name, rule]` pairs that `categorize` takes, in list order. */
export function demoCategoryRules(): CategoryPair[] {
	return DEMO_CATEGORIES.map((c) => [c.name, c.rule]);
}
