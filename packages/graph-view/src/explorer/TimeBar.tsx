import { useMemo, useState } from 'react';
import type { GraphSource } from '../graphSource.ts';
import type { GraphView } from '../graphView.ts';
import { activityRange } from './activityRange.ts';
import { useViewValue } from './useViewEvent.ts';

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * ▶, a slider and a date picker over the community's activity (or `range`): the graph as it was
 * on a day, with what was added and removed since marked. The slider's last step is now.
 */
export function TimeBar(props: {
  view: GraphView | null;
  source: GraphSource;
  range?: { from: Date; to: Date } | undefined;
  /** The member picked a day (`YYYY-MM-DD`), or now (null). */
  onShowDay: (day: string | null) => void;
}) {
  const { view } = props;
  const shown = useViewValue(
    view,
    (v) => (v.shownDate ? isoDay(v.shownDate) : null),
    (v) => [v.onDidChangeShownDate],
  );
  // Live changes move the end of the community's activity.
  const version = useViewValue(
    view,
    () => ({}),
    (v) => [v.onDidUpdate],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: version marks a live change
  const range = useMemo(
    () => props.range ?? activityRange(props.source),
    [props.range, props.source, version],
  );
  const [playing, setPlaying] = useState<AbortController | null>(null);
  const [frame, setFrame] = useState<string | null>(null);
  const day = frame ?? shown ?? null;
  const steps = Math.max(1, Math.round((range.to.getTime() - range.from.getTime()) / DAY) + 1);
  const sliderValue =
    day === null ? steps : Math.round((Date.parse(day) - range.from.getTime()) / DAY);
  const showDay = props.onShowDay;
  const play = async () => {
    if (!view) return;
    if (playing) {
      playing.abort();
      return;
    }
    const abort = new AbortController();
    setPlaying(abort);
    try {
      await view.playGrowth({
        from: range.from,
        to: range.to,
        steps: 30,
        frameMs: 350,
        signal: abort.signal,
        onFrame: (d) => setFrame(isoDay(d)),
      });
    } finally {
      setPlaying(null);
      setFrame(null);
    }
  };
  return (
    <fieldset className="rg-timebar" aria-label="Time">
      <button type="button" onClick={play} aria-label={playing ? 'Stop' : 'Play growth'}>
        {playing ? '■' : '▶'}
      </button>
      <input
        type="range"
        aria-label="Date shown"
        min={0}
        max={steps}
        value={sliderValue}
        onChange={(e) => {
          const v = Number(e.target.value);
          showDay(v >= steps ? null : isoDay(new Date(range.from.getTime() + v * DAY)));
        }}
      />
      <input
        type="date"
        aria-label="Show the graph as it was on"
        value={day ?? isoDay(range.to)}
        min={isoDay(range.from)}
        max={isoDay(range.to)}
        onChange={(e) => showDay(e.target.value === '' ? null : e.target.value)}
      />
      <button type="button" onClick={() => showDay(null)} disabled={day === null}>
        Now
      </button>
      {day !== null && (
        <span>
          <span className="rg-legend-added">- - added since</span> ·{' '}
          <span className="rg-legend-removed">══ removed since</span>
        </span>
      )}
    </fieldset>
  );
}
