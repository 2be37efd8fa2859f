/**
 * ECharts, imported piece by piece (echarts/core + the charts and components the pages use), so the bundle
 * carries a line, bar and heatmap chart on a canvas and nothing else. Loaded with a dynamic import by
 * {@link Chart}: the overview page draws its sparklines in SVG and never waits for it.
 */
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  LineChart,
  BarChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };
