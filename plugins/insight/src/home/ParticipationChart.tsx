import type { InsightReport, Level } from '@repertoire/insight';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** The levels in the chart's stacking order, with their colours and labels. */
export const LEVEL_STYLE: { level: Level; label: string; colour: string }[] = [
  { level: 'core', label: 'Core', colour: '#2a6f97' },
  { level: 'active', label: 'Active', colour: '#61a5c2' },
  { level: 'peripheral', label: 'Peripheral', colour: '#e09f3e' },
  { level: 'inactive', label: 'Inactive', colour: '#b0b7bf' },
];

/**
 * Members per level per period, stacked (chart.js): how participation moved over the year.
 * Clicking a bar segment picks that period and level, so the page can list who is behind it.
 */
export function ParticipationChart(props: {
  report: InsightReport;
  theme: 'light' | 'dark';
  onPick: (period: string, level: Level) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { report, theme, onPick } = props;
  useEffect(() => {
    if (!canvas.current) return;
    const labels = report.participation.periods.map((p) => p.label);
    const text = theme === 'dark' ? '#d4d7dc' : '#3b4048';
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: LEVEL_STYLE.map((s) => ({
          label: s.label,
          data: report.totals.map((t) => t.totals[s.level]),
          backgroundColor: s.colour,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true, ticks: { color: text } },
          y: {
            stacked: true,
            ticks: { color: text, precision: 0 },
            title: { display: true, text: 'Members', color: text },
          },
        },
        plugins: { legend: { labels: { color: text } } },
        onClick: (event, elements) => {
          const hit =
            elements[0] ??
            chart.getElementsAtEventForMode(
              event as never,
              'nearest',
              { intersect: true },
              false,
            )[0];
          if (!hit) return;
          const period = report.participation.periods[hit.index];
          const style = LEVEL_STYLE[hit.datasetIndex];
          if (period && style) onPick(period.key, style.level);
        },
      },
    });
    return () => chart.destroy();
  }, [report, theme, onPick]);
  const summary = report.totals
    .map(
      (t, i) =>
        `${report.participation.periods[i]?.label}: ${LEVEL_STYLE.map((s) => `${t.totals[s.level]} ${s.level}`).join(', ')}`,
    )
    .join('; ');
  return (
    <div className="rp-insight-chart">
      <canvas
        ref={canvas}
        role="img"
        aria-label={`Members per participation level and period. ${summary}`}
      />
    </div>
  );
}
