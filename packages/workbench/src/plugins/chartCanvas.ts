import type { ChartViewContent } from '@repertoire/plugin-api';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Title,
  Tooltip,
} from 'chart.js';

// Only DeclarativeChart imports this module, and only dynamically: Chart.js stays out of the
// workbench's first bundle until a chart view is shown.

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Title,
  Tooltip,
);

const PALETTE = ['#3f6fd8', '#e09f3e', '#2a9d8f', '#c8553d', '#7b5ea7', '#61a5c2', '#8a9a5b'];

/** Draws a chart view's data on `canvas` in the theme's text colour; returns its destroyer. */
export function drawChart(
  canvas: HTMLCanvasElement,
  content: ChartViewContent,
  text: string,
): () => void {
  const round = content.chart === 'pie' || content.chart === 'doughnut';
  const chart = new Chart(canvas, {
    type: content.chart,
    data: {
      labels: [...content.labels],
      datasets: content.series.map((s, i) => ({
        label: s.label,
        data: [...s.data],
        backgroundColor: round
          ? content.labels.map((_, j) => PALETTE[j % PALETTE.length] as string)
          : (s.colour ?? (PALETTE[i % PALETTE.length] as string)),
        borderColor: s.colour ?? (PALETTE[i % PALETTE.length] as string),
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      ...(round
        ? {}
        : { scales: { x: { ticks: { color: text } }, y: { ticks: { color: text } } } }),
      plugins: {
        legend: { labels: { color: text } },
        ...(content.title ? { title: { display: true, text: content.title, color: text } } : {}),
      },
    },
  });
  return () => chart.destroy();
}
