/**
 * One demo day: a working session (about 08:30 to 18:00 local time, lunch break included) and,
 * on most days, an evening session. Within each session the AFK watcher alternates between
 * active and away (contiguous events), the window watcher records runs of application windows
 * separated by sub-second gaps (now and then a longer one), and the browser's tab events fill
 * the browser's windows. Event counts are exact: the caller decides how many of each kind.
 */
import type { Event, EventData } from '../model/event';
import type { Instant } from '../model/time';
import { APPS, SITES, type AppActivity } from './catalogue';
import { append, apportion, type Random } from './random';

/** How many events of each kind one day gets. */
export type DayCounts = { window: number; afk: number; web: number; stopwatch: number };
/** The events of one day, per bucket, in time order. */
export type DayEvents = { window: Event[]; afk: Event[]; web: Event[]; stopwatch: Event[] };

/** The browser as the window watcher names it, and the suffix of its window titles. */
export type BrowserLook = { app: string; titleSuffix: string };

const MS = 1000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Span = { start: number; end: number };
type Piece = { start: number; end: number };

const event = (piece: Piece, data: EventData): Event => {
	const start = Math.round(piece.start) * MS;
	return { id: null, timestamp: start, duration: Math.round(piece.end) * MS - start, data };
};

/** Lays pieces of the given relative lengths end to end over `span`, with gaps after each. */
function layOut(span: Span, weights: readonly number[], gaps: readonly number[]): Piece[] {
	const free = span.end - span.start - gaps.reduce((a, b) => a + b, 0);
	const total = weights.reduce((a, b) => a + b, 0);
	const scale = total > 0 ? Math.max(free, 0) / total : 0;
	const out: Piece[] = [];
	let t = span.start;
	weights.forEach((w, i) => {
		const end = t + w * scale;
		out.push({ start: t, end });
		t = end + gaps[i];
	});
	return out;
}

/** Alternating not-afk / afk events, starting active, with a lunch break when it fits. */
function afkEvents(r: Random, span: Span, count: number, lunch: number | null): Event[] {
	const awayCount = Math.floor(count / 2);
	const away = Array.from({ length: awayCount }, () =>
		r.chance(0.03) ? r.between(5, 15) * MINUTE : Math.min(r.spread(0.7) * 50_000, 6 * MINUTE)
	);
	if (lunch !== null && awayCount > 0) {
		const at = Math.min(
			awayCount - 1,
			Math.floor((awayCount * (lunch - span.start)) / (span.end - span.start))
		);
		away[at] = r.between(40, 60) * MINUTE;
	}
	const length = span.end - span.start;
	const awayTotal = away.reduce((a, b) => a + b, 0);
	const squeeze = awayTotal > length * 0.45 ? (length * 0.45) / awayTotal : 1;

	const weights: number[] = [];
	const kinds: boolean[] = [];
	for (let i = 0; i < count; i++) {
		const active = i % 2 === 0;
		kinds.push(active);
		weights.push(active ? r.spread(0.8) : 0);
	}
	const activeTotal = length - awayTotal * squeeze;
	const weightTotal = weights.reduce((a, b) => a + b, 0) || 1;
	const lengths = kinds.map((active, i) =>
		active ? (weights[i] / weightTotal) * activeTotal : away[(i - 1) / 2] * squeeze
	);
	return layOut(
		span,
		lengths,
		lengths.map(() => 0)
	).map((piece, i) => event(piece, { status: kinds[i] ? 'not-afk' : 'afk' }));
}

function partOfDay(hour: number): keyof AppActivity['weight'] {
	if (hour < 12) return 'morning';
	return hour < 18 ? 'afternoon' : 'evening';
}

/** Runs of windows of one app, the titles changing now and then within a run. */
function windowData(r: Random, count: number, span: Span, dayStart: number, browser: BrowserLook) {
	const data: { app: string; title: string; browser: boolean }[] = [];
	while (data.length < count) {
		const hour = (span.start + ((span.end - span.start) * data.length) / count - dayStart) / HOUR;
		const part = partOfDay(hour);
		const app = r.weighted(APPS.map((a) => [a, a.weight[part]] as const));
		const run = Math.min(count - data.length, 1 + Math.floor(r.spread(0.9) * 4));
		let title = app.title(r);
		for (let i = 0; i < run; i++) {
			if (i > 0 && r.chance(0.6)) title = app.title(r);
			data.push({ app: app.browser ? browser.app : app.app, title, browser: app.browser === true });
		}
	}
	return data;
}

function windowGaps(r: Random, count: number): number[] {
	return Array.from({ length: count }, () =>
		r.chance(0.03) ? r.between(5, 30) * MS : r.between(0, 900)
	);
}

/** Tab events inside one browser window: `k` consecutive tabs splitting its time. */
function tabEvents(
	r: Random,
	window: Piece,
	k: number,
	tabCount: () => number
): { events: Event[]; title: string } {
	const cuts = Array.from({ length: k - 1 }, () => r.between(window.start, window.end)).sort(
		(a, b) => a - b
	);
	const bounds = [window.start, ...cuts, window.end];
	const events: Event[] = [];
	let first = '';
	for (let i = 0; i < k; i++) {
		const site = r.weighted(SITES.map((s) => [s, s.weight] as const));
		const { url, title } = site.visit(r);
		if (i === 0) first = title;
		const audible = site.audible === true && r.chance(0.8);
		const data = { url, title, audible, incognito: r.chance(0.02), tabCount: tabCount() };
		events.push(event({ start: bounds[i], end: bounds[i + 1] }, data));
	}
	return { events, title: first };
}

function sessions(r: Random, dayStart: number): Span[] {
	const work = {
		start: dayStart + 8.5 * HOUR + r.between(-30, 30) * MINUTE,
		end: dayStart + 18 * HOUR + r.between(-45, 45) * MINUTE
	};
	if (!r.chance(0.6)) return [work];
	const evening = {
		start: dayStart + 20 * HOUR + r.between(0, 40) * MINUTE,
		end: dayStart + 22.5 * HOUR + r.between(-20, 30) * MINUTE
	};
	return [work, evening];
}

function stopwatchEvents(r: Random, span: Span, count: number): Event[] {
	const slots = layOut(
		span,
		Array.from({ length: count * 2 + 1 }, () => r.spread(0.5)),
		Array(count * 2 + 1).fill(0)
	);
	const labels = ['Deep work', 'Code review', 'Planning', 'Support'];
	return slots
		.filter((_s, i) => i % 2 === 1)
		.map((slot) => event(slot, { label: r.pick(labels), running: false }));
}

/** The events of one day that starts (local midnight) at `dayStart`. */
export function generateDay(
	r: Random,
	dayStart: Instant,
	counts: DayCounts,
	browser: BrowserLook
): DayEvents {
	const start = dayStart / MS;
	const spans = sessions(r, start);
	const lengths = spans.map((s) => s.end - s.start);
	const perSpan = (n: number) => apportion(n, lengths);
	const [afkN, windowN, webN] = [perSpan(counts.afk), perSpan(counts.window), perSpan(counts.web)];
	const out: DayEvents = { window: [], afk: [], web: [], stopwatch: [] };
	let tabs = r.int(3, 8);
	const tabCount = () => (tabs = Math.max(1, tabs + r.int(-1, 1)));

	spans.forEach((span, s) => {
		const lunch =
			span.start < start + 12 * HOUR && span.end > start + 13.5 * HOUR
				? start + 12.25 * HOUR
				: null;
		append(out.afk, afkEvents(r, span, afkN[s], lunch));

		const data = windowData(r, windowN[s], span, start, browser);
		const pieces = layOut(
			span,
			data.map(() => r.spread(1.1)),
			windowGaps(r, data.length)
		);
		const browserIdx = data.flatMap((d, i) => (d.browser ? [i] : []));
		const tabsPer = apportion(
			webN[s],
			browserIdx.map((i) => pieces[i].end - pieces[i].start)
		);
		const titles = new Map<number, string>();
		browserIdx.forEach((i, j) => {
			if (tabsPer[j] === 0) return;
			const { events, title } = tabEvents(r, pieces[i], tabsPer[j], tabCount);
			append(out.web, events);
			titles.set(i, title);
		});
		pieces.forEach((piece, i) => {
			const d = data[i];
			const title = d.browser ? `${titles.get(i) ?? 'New Tab'}${browser.titleSuffix}` : d.title;
			out.window.push(event(piece, { app: d.app, title }));
		});
	});

	if (counts.stopwatch > 0) append(out.stopwatch, stopwatchEvents(r, spans[0], counts.stopwatch));
	return out;
}
