/**
 * ECharts options for the Activity view, built from summary data by pure functions: the
 * stacked category bars (hours per sub-period, one series per category) and the sunburst.
 */
import type { ChartOption } from './echarts';
import type { CategoryNode } from './category-tree';
import { escapeHtml, formatDuration, formatHoursMinutes } from './format';
import { pathKey, pathLabel } from './categories';

export type BarInput = { label: string; categories: { path: string[]; seconds: number }[] };

/** One stacked series per category path, in order of total time; values in hours. */
export function categoryBarsOption(
	bars: BarInput[],
	colorOf: (path: string[]) => string
): ChartOption {
	const totals = new Map<string, { path: string[]; seconds: number }>();
	for (const bar of bars) {
		for (const c of bar.categories) {
			const entry = totals.get(pathKey(c.path)) ?? { path: c.path, seconds: 0 };
			entry.seconds += c.seconds;
			totals.set(pathKey(c.path), entry);
		}
	}
	const order = [...totals.values()].sort((a, b) => b.seconds - a.seconds);
	const series = order.map(({ path }) => ({
		type: 'bar',
		stack: 'time',
		name: pathLabel(path),
		itemStyle: { color: colorOf(path) },
		data: bars.map((bar) => {
			const hit = bar.categories.find((c) => pathKey(c.path) === pathKey(path));
			return hit ? Math.round((hit.seconds / 3600) * 1000) / 1000 : 0;
		})
	}));
	return {
		animation: false,
		tooltip: {
			trigger: 'axis',
			valueFormatter: (hours: number) => formatHoursMinutes(hours * 3600)
		},
		grid: { left: 40, right: 10, top: 10, bottom: 30 },
		xAxis: { type: 'category', data: bars.map((b) => b.label) },
		yAxis: { type: 'value', name: 'hours' },
		series
	};
}

type SunburstNode = {
	name: string;
	value: number;
	itemStyle: { color: string };
	children: SunburstNode[];
};

function sunburstNodes(node: CategoryNode, colorOf: (path: string[]) => string): SunburstNode[] {
	return node.children.map((child) => ({
		name: child.name,
		value: child.seconds,
		itemStyle: { color: colorOf(child.path) },
		children: sunburstNodes(child, colorOf)
	}));
}

/** The category sunburst; hover shows the path, duration and share of the total. */
export function sunburstOption(
	tree: CategoryNode,
	colorOf: (path: string[]) => string
): ChartOption {
	const total = tree.seconds || 1;
	return {
		animation: false,
		tooltip: {
			formatter: (p: { treePathInfo?: { name: string }[]; value: number }) => {
				const path = (p.treePathInfo ?? []).map((n) => n.name).filter((n) => n !== '');
				const share = Math.round((p.value / total) * 1000) / 10;
				return `${escapeHtml(pathLabel(path) || 'All')}<br>${formatDuration(p.value)} (${share}%)`;
			}
		},
		series: [
			{
				type: 'sunburst',
				radius: ['12%', '95%'],
				sort: undefined,
				data: sunburstNodes(tree, colorOf),
				label: { show: false },
				emphasis: { focus: 'ancestor' },
				nodeClick: 'rootToNode'
			}
		]
	};
}
