import {
  HEALTH_ELEMENTS,
  type HealthElementId,
  type HealthRoundInfo,
} from '@repertoire/plugin-api';

/** A round whose aggregates may be shown (enough members answered). */
export type VisibleRound = HealthRoundInfo & {
  results: HealthRoundInfo['results'] & {
    visible: true;
    elements: NonNullable<HealthRoundInfo['results']['elements']>;
  };
};

/** Whether a round's aggregates are visible. */
export const isVisible = (round: HealthRoundInfo): round is VisibleRound =>
  round.results.visible && round.results.elements !== null;

/** The mean of each element in a round with results, in the seed's order. */
export function meansOf(round: VisibleRound): Record<HealthElementId, number> {
  const means = {} as Record<HealthElementId, number>;
  for (const e of round.results.elements) means[e.id] = e.mean;
  return means;
}

/** One element of a comparison: both means and how far it moved (positive is better). */
export interface ElementChange {
  readonly id: HealthElementId;
  readonly label: string;
  readonly before: number;
  readonly after: number;
  readonly change: number;
}

/** How each element moved from `before` to `after`, in the seed's order. */
export function compareRounds(before: VisibleRound, after: VisibleRound): ElementChange[] {
  const a = meansOf(before);
  const b = meansOf(after);
  return HEALTH_ELEMENTS.map((e) => ({
    id: e.id,
    label: e.label,
    before: a[e.id],
    after: b[e.id],
    change: Math.round((b[e.id] - a[e.id]) * 100) / 100,
  }));
}

/** The rounds a comparison offers by default: the latest two with results, older first. */
export function defaultPair(
  rounds: readonly HealthRoundInfo[],
): [VisibleRound, VisibleRound] | undefined {
  const visible = rounds.filter(isVisible);
  const after = visible.at(-1);
  const before = visible.at(-2);
  return before && after ? [before, after] : undefined;
}

/** Each element's mean over the rounds with results, oldest first: the trend lines. */
export function trendOf(rounds: readonly HealthRoundInfo[]): {
  rounds: { id: string; title: string }[];
  series: { id: HealthElementId; label: string; means: number[] }[];
} {
  const visible = rounds.filter(isVisible);
  return {
    rounds: visible.map((r) => ({ id: r.id, title: r.title })),
    series: HEALTH_ELEMENTS.map((e) => ({
      id: e.id,
      label: e.label,
      means: visible.map((r) => meansOf(r)[e.id]),
    })),
  };
}

/** "+0.4", "−0.3", "no change": a change in words a screen reader says well. */
export function describeChange(change: number): string {
  if (change === 0) return 'no change';
  const size = Math.abs(change).toFixed(2).replace(/0$/, '');
  return change > 0 ? `up ${size}` : `down ${size}`;
}

/** "7 of 9 answered (78%)". */
export function describeResponses(results: HealthRoundInfo['results']): string {
  const percent = Math.round(results.responseRate * 100);
  return `${results.responses} of ${results.invited} answered (${percent}%)`;
}
