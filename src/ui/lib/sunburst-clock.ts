/**
 * The Activity view's Sunburst clock (dashboard spec 2.2): a single day as a 24-hour dial that
 * starts at the top at the day's start and runs clockwise. The inner ring holds the AFK events,
 * the outer ring the window events, each nested under the AFK event it falls in (an event that
 * spans two AFK events is split between them). Time without events is a transparent gap, so
 * every slice sits at the angle of its time of day.
 */
import { format } from 'date-fns';
import type { Event } from '../../core/model/event';
import type { ChartOption } from './echarts';
import { escapeHtml, formatDuration } from './format';
import { describeData } from './timeline-option';

/** A stretch of the dial in microseconds; `event` is null for a gap (nothing recorded). */
export type ClockSpan = { start: number; end: number; event: Event | null };

/** An inner-ring span with the window spans that fall in it (none for a gap). */
export type ClockAfkSpan = ClockSpan & { children: ClockSpan[] };

export const CLOCK_COLORS: Record<string, string> = {
	afk: '#c8c8c8',
	'not-afk': '#3fbf5f',
	hibernating: '#f0c030'
};

/**
 * The events clipped to `[from, to)` in time order and the gaps between them, covering the
 * range exactly. Overlapping events are trimmed so that the later one starts where the earlier
 * one ends; events left empty are dropped.
 */
export function clockSpans(events: readonly Event[], from: number, to: number): ClockSpan[] {
	const sorted = [...events].sort((a, b) => a.timestamp - b.timestamp);
	const out: ClockSpan[] = [];
	let cursor = from;
	for (const event of sorted) {
		const start = Math.max(event.timestamp, cursor);
		const end = Math.min(event.timestamp + event.duration, to);
		if (end <= start) continue;
		if (start > cursor) out.push({ start: cursor, end: start, event: null });
		out.push({ start, end, event });
		cursor = end;
	}
	if (cursor < to) out.push({ start: cursor, end: to, event: null });
	return out;
}

/** Both rings of the dial for the day `[day.start, day.end)` (microseconds). */
export function clockRings(
	afk: readonly Event[],
	windows: readonly Event[],
	day: { start: number; end: number }
): ClockAfkSpan[] {
	return clockSpans(afk, day.start, day.end).map((span) => ({
		...span,
		children: span.event === null ? [] : clockSpans(windows, span.start, span.end)
	}));
}

const GAP = { color: 'transparent', borderWidth: 0 };

function spanTip(span: ClockSpan, type: string): string {
	const time = `${format(span.start / 1000, 'HH:mm:ss')}–${format(span.end / 1000, 'HH:mm:ss')}`;
	const lines = describeData(type, span.event?.data ?? {}).filter((l) => l !== '');
	return [time, ...lines.map(escapeHtml), formatDuration((span.end - span.start) / 1e6)].join(
		'<br>'
	);
}

function node(span: ClockSpan, type: string, color: string) {
	const value = (span.end - span.start) / 1e6;
	if (span.event === null) return { name: '', value, itemStyle: GAP, tip: '' };
	return { name: '', value, itemStyle: { color }, tip: spanTip(span, type) };
}

const HOUR = 3600e6;

/**
 * The dial's hour marks: one slice per hour of the rings' range, labelled with the hour. The
 * ring is turned back by half a slice so that each label sits on its hour, not halfway past it.
 */
function hourMarks(rings: ClockAfkSpan[]) {
	const start = rings[0]?.start ?? 0;
	const end = rings.at(-1)?.end ?? 0;
	const out = [];
	for (let t = start; t < end; t += HOUR) {
		const value = Math.min(HOUR, end - t) / 1e6;
		out.push({ name: format(t / 1000, 'HH'), value, itemStyle: GAP, tip: '' });
	}
	return out;
}

/**
 * The dial as an ECharts sunburst, with an outer ring of hour marks; window slices are
 * coloured by `colorOf`.
 */
export function clockOption(rings: ClockAfkSpan[], colorOf: (e: Event) => string): ChartOption {
	const marks = hourMarks(rings);
	const data = rings.map((afk) => {
		const status = String(afk.event?.data.status ?? '');
		return {
			...node(afk, 'afkstatus', CLOCK_COLORS[status] ?? '#999'),
			children: afk.children.map((w) => node(w, 'currentwindow', w.event ? colorOf(w.event) : ''))
		};
	});
	return {
		animation: false,
		tooltip: { formatter: (p: { data?: { tip?: string } }) => p.data?.tip ?? '' },
		series: [
			{
				type: 'sunburst',
				radius: ['15%', '86%'],
				startAngle: 90,
				clockwise: true,
				sort: null,
				nodeClick: false,
				data,
				label: { show: false },
				itemStyle: { borderWidth: 0 },
				emphasis: { disabled: true }
			},
			{
				type: 'sunburst',
				radius: ['88%', '100%'],
				startAngle: 90 + 180 / Math.max(1, marks.length),
				clockwise: true,
				sort: null,
				nodeClick: false,
				silent: true,
				data: marks,
				label: { show: true, rotate: 0, fontSize: 10, color: '#888' },
				itemStyle: { borderWidth: 0 },
				emphasis: { disabled: true }
			}
		]
	};
}
