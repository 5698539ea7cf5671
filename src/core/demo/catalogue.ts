/**
 * What the demo user does: desktop applications with plausible window titles, and web sites
 * with URLs and tab titles. Every name here is made up or generic; none comes from real usage.
 */
import type { Random } from './random';

/** A desktop application the demo user works in. */
export type AppActivity = {
	/** The window watcher's `app` value. */
	app: string;
	/** A window title for this app. */
	title(r: Random): string;
	/** Relative share of working time, by part of the day. */
	weight: { morning: number; afternoon: number; evening: number };
	/** True for the web browser (its titles come from tab events). */
	browser?: boolean;
};

/** A web site the demo user visits. */
export type Site = {
	/** A page of this site: its URL and tab title. */
	visit(r: Random): { url: string; title: string };
	weight: number;
	audible?: boolean;
};

const PROJECTS = ['hindsight', 'aw-server-rust', 'website', 'infra', 'mobile-app'];
const FILES = [
	'main.rs',
	'lib.rs',
	'index.ts',
	'parser.ts',
	'App.svelte',
	'README.md',
	'query.test.ts',
	'Cargo.toml',
	'package.json',
	'styles.css'
];
const PEOPLE = ['Alex', 'Sam', 'Robin', 'Kim', 'Jordan', 'Maya', 'Noor'];
const CHANNELS = ['#general', '#dev', '#random', '#design', '#releases'];
const SUBJECTS = [
	'Quarterly planning',
	'Invoice 2041',
	'Team lunch',
	'Release notes',
	'Weekly digest'
];
const SONGS = ['Northern Lights', 'Slow River', 'Night Drive', 'Paper Planes', 'Blue Hour'];
const ARTISTS = ['The Examples', 'Lorem Trio', 'Placeholder', 'Demo Ensemble'];
const VIDEOS = [
	'How flood fill works',
	'Rust in 100 seconds',
	'Lo-fi beats to code to',
	'Conference keynote'
];
const TOPICS = [
	'Time_tracking',
	'Regular_expression',
	'IndexedDB',
	'Pomodoro_Technique',
	'Unix_time'
];
const QUESTIONS = [
	'How to sort an array of objects by a key',
	'What does the u flag do in a JavaScript regex',
	'Why is my IndexedDB transaction inactive',
	'Borrow checker error with closures'
];

const title =
	(...parts: readonly (readonly string[] | string)[]) =>
	(r: Random): string =>
		parts.map((p) => (typeof p === 'string' ? p : r.pick(p))).join('');

/** The applications, with their share of time by part of the day. */
export const APPS: readonly AppActivity[] = [
	{
		app: 'Code',
		title: title(FILES, ' - ', PROJECTS, ' - Visual Studio Code'),
		weight: { morning: 30, afternoon: 28, evening: 8 }
	},
	{
		app: 'kitty',
		title: (r) =>
			r.pick([
				`~/src/${r.pick(PROJECTS)}`,
				`vim ${r.pick(FILES)}`,
				'npm test',
				'git log --oneline',
				'cargo build'
			]),
		weight: { morning: 12, afternoon: 12, evening: 3 }
	},
	{
		app: 'Firefox',
		title: () => 'Mozilla Firefox',
		weight: { morning: 30, afternoon: 32, evening: 45 },
		browser: true
	},
	{
		app: 'Slack',
		title: (r) =>
			r.chance(0.6)
				? `${r.pick(CHANNELS)} | Acme - Slack`
				: `${r.pick(PEOPLE)} (DM) | Acme - Slack`,
		weight: { morning: 10, afternoon: 8, evening: 2 }
	},
	{
		app: 'Thunderbird',
		title: (r) => (r.chance(0.5) ? 'Inbox - Thunderbird' : `Re: ${r.pick(SUBJECTS)} - Thunderbird`),
		weight: { morning: 8, afternoon: 4, evening: 2 }
	},
	{ app: 'zoom.us', title: () => 'Zoom Meeting', weight: { morning: 4, afternoon: 6, evening: 0 } },
	{
		app: 'Spotify',
		title: title(ARTISTS, ' - ', SONGS),
		weight: { morning: 2, afternoon: 2, evening: 6 }
	},
	{
		app: 'libreoffice-writer',
		title: title(['Q3 report', 'Meeting notes', 'Proposal'], '.odt - LibreOffice Writer'),
		weight: { morning: 3, afternoon: 5, evening: 1 }
	},
	{
		app: 'Gimp-2.10',
		title: () => '[Untitled]-1.0 (RGB color 8-bit) 1920x1080 – GIMP',
		weight: { morning: 1, afternoon: 2, evening: 2 }
	},
	{
		app: 'Files',
		title: title(['Downloads', 'Documents', 'Pictures']),
		weight: { morning: 2, afternoon: 2, evening: 2 }
	},
	{
		app: 'Minecraft',
		title: () => 'Minecraft 1.21',
		weight: { morning: 0, afternoon: 0, evening: 10 }
	},
	{
		app: 'Settings',
		title: title(['Displays', 'Sound', 'Wi-Fi']),
		weight: { morning: 1, afternoon: 1, evening: 1 }
	}
];

const id = (r: Random, n: number) => {
	const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
	let out = '';
	for (let i = 0; i < n; i++) out += chars[r.int(0, chars.length - 1)];
	return out;
};

/** The web sites, with their share of browsing time. */
export const SITES: readonly Site[] = [
	{
		visit: (r) => {
			const [repo, n] = [r.pick(PROJECTS), r.int(10, 999)];
			const what = r.pick(['flood gaps', 'parser errors', 'the build', 'dark mode']);
			return {
				url: `https://github.com/acme/${repo}/pull/${n}`,
				title: `Fix ${what} · Pull Request #${n} · acme/${repo}`
			};
		},
		weight: 14
	},
	{
		visit: (r) => {
			const repo = r.pick(PROJECTS);
			return { url: `https://github.com/acme/${repo}`, title: `GitHub - acme/${repo}` };
		},
		weight: 8
	},
	{
		visit: (r) => ({
			url: `https://stackoverflow.com/questions/${r.int(1_000_000, 79_999_999)}`,
			title: `${r.pick(QUESTIONS)} - Stack Overflow`
		}),
		weight: 8
	},
	{
		visit: (r) => {
			const api = r.pick(['IDBDatabase', 'URL', 'Worker', 'RegExp']);
			return {
				url: `https://developer.mozilla.org/en-US/docs/Web/API/${api}`,
				title: `${api} - Web APIs | MDN`
			};
		},
		weight: 6
	},
	{
		visit: (r) => ({
			url: `https://www.youtube.com/watch?v=${id(r, 11)}`,
			title: `${r.pick(VIDEOS)} - YouTube`
		}),
		weight: 7,
		audible: true
	},
	{
		visit: (r) => ({
			url: 'https://mail.google.com/mail/u/0/#inbox',
			title: `Inbox (${r.int(0, 9)}) - demo@example.com - Gmail`
		}),
		weight: 6
	},
	{
		visit: () => ({
			url: 'https://calendar.google.com/calendar/u/0/r/week',
			title: 'Google Calendar - Week'
		}),
		weight: 3
	},
	{
		visit: (r) => ({
			url: `https://meet.google.com/${id(r, 3)}-${id(r, 4)}-${id(r, 3)}`,
			title: 'Meet - Weekly sync'
		}),
		weight: 3,
		audible: true
	},
	{
		visit: (r) => ({
			url: `https://docs.google.com/document/d/${id(r, 20)}/edit`,
			title: `${r.pick(['Roadmap', 'Design doc', 'Retro notes'])} - Google Docs`
		}),
		weight: 5
	},
	{
		visit: (r) => {
			const sub = r.pick(['programming', 'rust', 'sveltejs', 'aww']);
			return { url: `https://www.reddit.com/r/${sub}/`, title: `r/${sub} - Reddit` };
		},
		weight: 4
	},
	{ visit: () => ({ url: 'https://news.ycombinator.com/', title: 'Hacker News' }), weight: 4 },
	{
		visit: (r) => {
			const topic = r.pick(TOPICS);
			return {
				url: `https://en.wikipedia.org/wiki/${topic}`,
				title: `${topic.replace(/_/g, ' ')} - Wikipedia`
			};
		},
		weight: 3
	},
	{
		visit: (r) => ({
			url: 'https://open.spotify.com/playlist/37i9dQZF1DX',
			title: `${r.pick(SONGS)} - Spotify`
		}),
		weight: 2,
		audible: true
	},
	{
		visit: () => ({ url: 'http://localhost:5600/#/activity/demo/view/', title: 'Hindsight' }),
		weight: 2
	},
	{
		visit: (r) => {
			const item = r.pick(['keyboard', 'monitor', 'desk lamp']);
			return {
				url: `https://www.amazon.com/s?k=${item.replace(' ', '+')}`,
				title: `Amazon.com : ${item}`
			};
		},
		weight: 1
	},
	{ visit: () => ({ url: 'about:blank', title: 'New Tab' }), weight: 1 }
];
