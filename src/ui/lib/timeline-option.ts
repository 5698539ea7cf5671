/**
 * The Timeline's ECharts option: one swimlane per bucket (a custom series of rectangles over a
 * time axis), zoomed and panned with the mouse wheel and drag (inside data zoom) or the slider.
 * Events of one second or less are not drawn.
 */
import type { Event } from '../../core/model/event';
import type { ChartOption } from './echarts';
import { escapeHtml, formatDateTime, formatDuration } from './format';

export type Lane = { bucketId: string; label: string; type: string; events: Event[] };

const AFK_COLORS: Record<string, string> = {
	afk: '#c8c8c8',
	'not-afk': '#3fbf5f',
	hibernating: '#f0c030'
};

/** Row label: the id without `aw-watcher-`/`aw-` prefix and `_<host>` suffix. */
export function laneLabel(id: string): string {
	return id.replace(/^aw-(watcher-)?/, '').replace(/_[^_]*$/, '') || id;
}

/** What the hover text shows of an event's data, by bucket type. */
export function describeData(type: string, data: Record<string, unknown>): string[] {
	if (type === 'currentwindow') return [`${data.app ?? ''}`, `${data.title ?? ''}`];
	if (type === 'web.tab.current') return [`${data.title ?? ''}`, `${data.url ?? ''}`];
	if (type === 'afkstatus') return [`${data.status ?? ''}`];
	if (type === 'general.stopwatch') return [`${data.label ?? ''}`];
	if (type === 'app.editor.activity') return [`${data.file ?? ''}`, `${data.language ?? ''}`];
	return [JSON.stringify(data)];
}

function colorFor(lane: Lane, event: Event, colorOf: (lane: Lane, e: Event) => string): string {
	if (lane.type === 'afkstatus') return AFK_COLORS[String(event.data.status)] ?? '#999';
	return colorOf(lane, event);
}

/** ECharts' drawing API as a custom series' `renderItem` receives it (the part used here). */
type RenderApi = {
	value(i: number): number;
	coord(p: number[]): number[];
	size(p: number[]): number[];
	style(): object;
};

/** One event's rectangle: from start to end on its lane, 70% of the lane high, 1 px at least. */
function laneRect(_params: unknown, api: RenderApi) {
	const [x0, y] = api.coord([api.value(1), api.value(0)]);
	const [x1] = api.coord([api.value(2), api.value(0)]);
	const height = api.size([0, 1])[1] * 0.7;
	return {
		type: 'rect',
		shape: { x: x0, y: y - height / 2, width: Math.max(1, x1 - x0), height },
		style: api.style()
	};
}

/** The hover text of an event: its span, its duration and what `describeData` shows. */
function eventTooltip(lanes: Lane[]) {
	return (p: { data: { event: Event; lane: number } }) => {
		const { event, lane } = p.data;
		const start = formatDateTime(event.timestamp / 1000);
		const end = formatDateTime((event.timestamp + event.duration) / 1000);
		const lines = describeData(lanes[lane].type, event.data).map(escapeHtml);
		return [`${start} – ${end}`, formatDuration(event.duration / 1e6), ...lines].join('<br>');
	};
}

export function timelineOption(
	lanes: Lane[],
	range: { start: number; end: number },
	colorOf: (lane: Lane, e: Event) => string
): ChartOption {
	const data = lanes.flatMap((lane, index) =>
		lane.events
			.filter((e) => e.duration > 1_000_000)
			.map((e) => ({
				value: [index, e.timestamp / 1000, (e.timestamp + e.duration) / 1000, e.id ?? -1],
				itemStyle: { color: colorFor(lane, e, colorOf) },
				event: e,
				lane: index
			}))
	);
	return {
		animation: false,
		tooltip: { formatter: eventTooltip(lanes) },
		grid: { left: 140, right: 20, top: 10, bottom: 60 },
		xAxis: { type: 'time', min: range.start, max: range.end },
		yAxis: { type: 'category', data: lanes.map((l) => l.label), inverse: true },
		dataZoom: [
			{ type: 'inside', xAxisIndex: 0, filterMode: 'weakFilter', minValueSpan: 60_000 },
			{ type: 'slider', xAxisIndex: 0, filterMode: 'weakFilter', minValueSpan: 60_000 }
		],
		series: [{ type: 'custom', encode: { x: [1, 2], y: 0 }, data, renderItem: laneRect }]
	};
}
