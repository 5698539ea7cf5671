/**
 * ECharts with only the parts the dashboard draws (bars, sunburst, custom timeline lanes), the
 * canvas renderer, tooltips, grid, legend and zoom. Importing from `echarts/core` keeps the
 * bundle small; nothing here loads code or fonts from elsewhere, so it runs under the app's CSP.
 */
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, SunburstChart } from 'echarts/charts';
import {
	DataZoomComponent,
	GridComponent,
	LegendComponent,
	TooltipComponent
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
	BarChart,
	SunburstChart,
	CustomChart,
	GridComponent,
	TooltipComponent,
	LegendComponent,
	DataZoomComponent,
	CanvasRenderer
]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;
