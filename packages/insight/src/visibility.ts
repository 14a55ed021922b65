import type { InsightReport } from './insight.ts';

/** Who is looking at the report. */
export interface Viewer {
  /** The viewer's member entity, when their account is linked to one. */
  readonly memberId: string | undefined;
  /**
   * Whether they may see every member's level, trajectory and alerts: workspace owners and members
   * whose member entity is a coordinator or facilitator (the server decides; see `activity.read`).
   */
  readonly privileged: boolean;
}

/**
 * The report as `viewer` may see it (DOMAIN.md and seed 003: a community of practice is a safe
 * space). A privileged viewer sees it all. Anyone else sees the aggregates (members per level,
 * how many are isolated, how many communities, the gaps) and only their own trajectory and
 * alerts: other members' levels, alerts, ties and broker ranks are removed, not hidden.
 */
export function visibleTo(report: InsightReport, viewer: Viewer): InsightReport {
  if (viewer.privileged) return report;
  const mine = (id: string) => id === viewer.memberId;
  const network = report.network;
  return {
    ...report,
    participation: {
      ...report.participation,
      members: report.participation.members.filter((m) => mine(m.memberId)),
      meetings: report.participation.meetings.map((m) => ({
        ...m,
        attendees: m.attendees.filter(mine),
      })),
    },
    alerts: report.alerts.filter((a) => mine(a.memberId)),
    ties: report.ties.filter((t) => mine(t.a) || mine(t.b)),
    network: {
      ...network,
      members: network.members.filter((m) => mine(m.memberId)),
      // The count of isolated members stays an aggregate; their names do not.
      isolated: network.isolated.map((id) => (mine(id) ? id : '')),
      communities: network.communities.map((c) => c.filter(mine)),
      centredOn: network.centredOn && { memberId: '', share: network.centredOn.share },
    },
    communities: report.communities.map((c) => ({ ...c, members: c.members.filter(mine) })),
    brokers: [],
    ...(report.comparison
      ? {
          comparison: report.comparison.map((t) => ({
            ...t,
            levels: t.levels.filter((l) => mine(l.memberId)),
            isolated: t.isolated.map((id) => (mine(id) ? id : '')),
            brokers: [],
          })),
        }
      : {}),
  };
}
