import { type Alert, type AlertOptions, computeAlerts } from './alerts.ts';
import { type Broker, type NamedCommunity, nameCommunities, rankBrokers } from './brokers.ts';
import { type CommunityData, CommunityIndex, KINDS, meetingDate } from './community.ts';
import { findGaps, type Gap } from './gaps.ts';
import { analyseNetwork, type Network, type NetworkOptions } from './network.ts';
import {
  computeParticipation,
  type Level,
  type LevelThresholds,
  levelTotals,
  type Participation,
} from './participation.ts';
import type { Period, PeriodUnit } from './periods.ts';
import { compareTerms, type TermSummary } from './terms.ts';
import { buildTies, type Tie, type TieWeights } from './ties.ts';

/** The settings a community chooses (all optional; see each module for the defaults). */
export interface InsightSettings {
  /** Period unit. Default `month`. */
  unit?: PeriodUnit;
  /** Level thresholds. */
  thresholds?: Partial<LevelThresholds>;
  /** Alert rules. */
  alerts?: Partial<AlertOptions>;
  /** Tie weights. */
  tieWeights?: Partial<TieWeights>;
  /** Network analysis options. */
  network?: NetworkOptions;
  /** Months before an artifact counts as untouched. Default 3. */
  untouchedMonths?: number;
  /** How many months of ties the network covers, back from the report's `asOf`. Default 12. */
  networkMonths?: number;
}

/** Everything the Community page shows, computed in one pass. */
export interface InsightReport {
  /** The instant the report was computed for (ISO 8601). */
  readonly now: string;
  /**
   * The instant participation and ties describe: `now`, or the community's latest dated activity
   * (meeting, relation, edit) when that is earlier, so a community that paused is shown as it was
   * when it last met rather than as a run of empty periods.
   */
  readonly asOf: string;
  /** The period unit used. */
  readonly unit: PeriodUnit;
  /** Levels and counts per member and period. */
  readonly participation: Participation;
  /** Members per level per period (the aggregate). */
  readonly totals: readonly { period: string; totals: Record<Level, number> }[];
  /** Reasons to reach out. */
  readonly alerts: readonly Alert[];
  /** The member-to-member ties of the network window that count (see `minTieWeight`). */
  readonly ties: readonly Tie[];
  /** The network's shape. */
  readonly network: Network;
  /** Its communities, named. */
  readonly communities: readonly NamedCommunity[];
  /** Brokers, ranked. */
  readonly brokers: readonly Broker[];
  /** Gaps in the repertoire. */
  readonly gaps: readonly Gap[];
  /** The first meeting dated after `now`, if any. */
  readonly nextMeeting: { id: string; title: string; date: string } | undefined;
  /** The terms asked for with `compare`, side by side (see {@link compareTerms}). */
  readonly comparison?: readonly TermSummary[];
}

/** What a report is asked for beyond the community's settings. */
export interface InsightOptions {
  /** Terms (or any two date ranges) to summarise side by side. */
  readonly compare?: readonly Period[];
}

/**
 * Computes the whole report. `now` is the instant described (default: the current time); the
 * network covers the `networkMonths` before it. Pure: the same data and settings give the same
 * report, in a Worker as in a test.
 */
export function computeInsight(
  data: CommunityData,
  settings: InsightSettings = {},
  now: string = new Date().toISOString(),
  memberOfAccount?: ReadonlyMap<string, string>,
  options: InsightOptions = {},
): InsightReport {
  const unit = settings.unit ?? 'month';
  const nowTime = Date.parse(now);
  const index = CommunityIndex.of(data);
  const held = data.entities.filter(
    (e) => e.kind !== KINDS.meeting || Date.parse(meetingDate(e)) <= nowTime,
  );
  // With no meeting ahead the data itself is the past, and its index is built once, not twice.
  const past = held.length === data.entities.length ? data : { ...data, entities: held };
  let latest = Number.NEGATIVE_INFINITY;
  const seen = (t: number) => {
    if (t <= nowTime && t > latest) latest = t;
  };
  for (const e of past.entities) if (e.kind === KINDS.meeting) seen(Date.parse(meetingDate(e)));
  for (const r of data.relations) seen(Date.parse(r.createdAt));
  for (const a of data.activity ?? []) seen(Date.parse(a.at));
  const asOfTime = Number.isFinite(latest) ? latest : nowTime;
  const asOf = new Date(asOfTime).toISOString();
  const participation = computeParticipation(past, {
    unit,
    until: asOf,
    ...(settings.thresholds ? { thresholds: settings.thresholds } : {}),
    ...(memberOfAccount ? { memberOfAccount } : {}),
  });
  const since = new Date(asOfTime);
  since.setUTCMonth(since.getUTCMonth() - (settings.networkMonths ?? 12));
  const allTies = buildTies(past, {
    since: since.toISOString(),
    until: asOf,
    ...(settings.tieWeights ? { weights: settings.tieWeights } : {}),
  });
  const members = index.kind(KINDS.member).map((m) => m.id);
  const minimum = settings.network?.minTieWeight ?? 2;
  const ties = allTies.filter((t) => t.weight >= minimum - 1e-9);
  const network = analyseNetwork(members, ties, { ...settings.network, minTieWeight: minimum });
  const communities = nameCommunities(data, network);
  const lastEdited = new Map<string, string>();
  for (const a of data.activity ?? [])
    if ((lastEdited.get(a.entityId) ?? '') < a.at) lastEdited.set(a.entityId, a.at);
  const upcoming = index
    .kind(KINDS.meeting)
    .map((m) => ({ id: m.id, title: m.title, date: meetingDate(m) }))
    .filter((m) => Date.parse(m.date) > nowTime)
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  return {
    now,
    asOf,
    unit,
    participation,
    totals: levelTotals(participation),
    alerts: computeAlerts(participation, settings.alerts),
    ties,
    network,
    communities,
    brokers: rankBrokers(data, network, ties, communities),
    gaps: findGaps(data, {
      now,
      lastEdited,
      ...(settings.untouchedMonths !== undefined
        ? { untouchedMonths: settings.untouchedMonths }
        : {}),
    }),
    nextMeeting: upcoming,
    ...(options.compare
      ? {
          comparison: compareTerms(data, options.compare, {
            ...(settings.thresholds ? { thresholds: settings.thresholds } : {}),
            ...(settings.tieWeights ? { tieWeights: settings.tieWeights } : {}),
            minTieWeight: minimum,
            ...(settings.untouchedMonths !== undefined
              ? { untouchedMonths: settings.untouchedMonths }
              : {}),
            ...(memberOfAccount ? { memberOfAccount } : {}),
          }),
        }
      : {}),
  };
}
