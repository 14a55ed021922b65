import { HEALTH_ELEMENTS, HEALTH_SCALE } from '@repertoire/plugin-api';
import {
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(
  RadarController,
  RadialLinearScale,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Filler,
  Legend,
  Tooltip,
);

/** Colours for the rounds and elements, readable on light and dark backgrounds. */
export const SERIES_COLOURS = ['#2a6f97', '#e09f3e', '#6a994e', '#bc4749', '#7b5ea7', '#3d8b8b'];

const textColour = (theme: 'light' | 'dark') => (theme === 'dark' ? '#d4d7dc' : '#3b4048');
const gridColour = (theme: 'light' | 'dark') => (theme === 'dark' ? '#4a4f57' : '#d6d9de');

/** A radar of the six elements' means, one polygon per round (one round, or two to compare). */
export function RadarChart(props: {
  series: { label: string; means: number[] }[];
  theme: 'light' | 'dark';
  summary: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { series, theme } = props;
  useEffect(() => {
    if (!canvas.current) return;
    const text = textColour(theme);
    const chart = new Chart(canvas.current, {
      type: 'radar',
      data: {
        labels: HEALTH_ELEMENTS.map((e) => e.label),
        datasets: series.map((s, i) => {
          const colour = SERIES_COLOURS[i % SERIES_COLOURS.length] as string;
          return {
            label: s.label,
            data: s.means,
            borderColor: colour,
            backgroundColor: `${colour}33`,
            pointBackgroundColor: colour,
            fill: true,
          };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          r: {
            min: 0,
            max: HEALTH_SCALE.max,
            ticks: { stepSize: 1, color: text, backdropColor: 'transparent' },
            pointLabels: { color: text, font: { size: 12 } },
            grid: { color: gridColour(theme) },
            angleLines: { color: gridColour(theme) },
          },
        },
        plugins: { legend: { labels: { color: text } } },
      },
    });
    return () => chart.destroy();
  }, [series, theme]);
  return (
    <div className="rp-health-chart">
      <canvas ref={canvas} role="img" aria-label={props.summary} />
    </div>
  );
}

/** One line per element over the rounds with results: how each element moved. */
export function TrendChart(props: {
  rounds: string[];
  series: { label: string; means: number[] }[];
  theme: 'light' | 'dark';
  summary: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { rounds, series, theme } = props;
  useEffect(() => {
    if (!canvas.current) return;
    const text = textColour(theme);
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: rounds,
        datasets: series.map((s, i) => {
          const colour = SERIES_COLOURS[i % SERIES_COLOURS.length] as string;
          return { label: s.label, data: s.means, borderColor: colour, backgroundColor: colour };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { ticks: { color: text }, grid: { color: gridColour(theme) } },
          y: {
            min: HEALTH_SCALE.min,
            max: HEALTH_SCALE.max,
            ticks: { stepSize: 1, color: text },
            grid: { color: gridColour(theme) },
            title: { display: true, text: 'Mean score', color: text },
          },
        },
        plugins: { legend: { labels: { color: text } } },
      },
    });
    return () => chart.destroy();
  }, [rounds, series, theme]);
  return (
    <div className="rp-health-chart rp-health-trend">
      <canvas ref={canvas} role="img" aria-label={props.summary} />
    </div>
  );
}
