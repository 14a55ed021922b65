export {
  type Alert,
  type AlertKind,
  type AlertOptions,
  computeAlerts,
  DEFAULT_ALERT_OPTIONS,
} from './alerts.ts';
export { type Broker, type NamedCommunity, nameCommunities, rankBrokers } from './brokers.ts';
export {
  type ActivityEntry,
  type CommunityData,
  joinedDate,
  KINDS,
  meetingDate,
  RELATIONS,
} from './community.ts';
export { findGaps, GAP_LABELS, type Gap, type GapKind, type GapOptions } from './gaps.ts';
export {
  computeInsight,
  type InsightOptions,
  type InsightReport,
  type InsightSettings,
} from './insight.ts';
export {
  analyseNetwork,
  exactGraphBetweenness,
  exactTieBetweenness,
  type MemberPosition,
  type Network,
  type NetworkOptions,
  seededRandom,
  tieGraph,
} from './network.ts';
export {
  assignLevels,
  computeParticipation,
  DEFAULT_THRESHOLDS,
  LEVELS,
  type Level,
  type LevelThresholds,
  levelTotals,
  type Participation,
  type ParticipationCounts,
  type ParticipationOptions,
  type PeriodParticipation,
  scoreOf,
  type Trajectory,
} from './participation.ts';
export { type Period, type PeriodUnit, periodKey, periodOf, periodsBetween } from './periods.ts';
export {
  hoeffdingBound,
  type SampledBetweenness,
  type SampledBetweennessOptions,
  sampledBetweenness,
  sampledBetweennessWithErrors,
} from './sampledBetweenness.ts';
export {
  compareTerms,
  dataAsOf,
  type TermOptions,
  type TermSummary,
  termsOf,
} from './terms.ts';
export {
  buildTies,
  DEFAULT_TIE_WEIGHTS,
  type Tie,
  type TieKind,
  type TieOptions,
  type TieWeights,
} from './ties.ts';
export { type Viewer, visibleTo } from './visibility.ts';
