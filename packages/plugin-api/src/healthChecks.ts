import type {
  HealthAnswerInput,
  HealthCheckOverview,
  HealthRoundInfo,
  HealthRoundInput,
} from '@repertoire/schema';

/**
 * The six-elements health check: rounds a facilitator opens, and each member's private answer.
 * Answers are kept by the server, never in the shared graph; the server stamps who answered from
 * the session, returns each member only their own answer, and shows everyone (facilitators too)
 * aggregates only once a round has at least its threshold of answers. Reading needs
 * `healthChecks.read`; opening, closing and answering need `healthChecks.write`, and the server
 * decides who may (owners, coordinators and facilitators open and close; editors and owners
 * answer; viewers read). A plugin must not copy anything it reads here into the graph.
 */
export interface HealthChecksApi {
  /** Every round of the workspace, oldest first, as this window's member may see them. */
  rounds(): Promise<HealthCheckOverview>;
  /** Opens a round ("Term 2 check"); rejects with the server's reason when not allowed. */
  open(input: HealthRoundInput): Promise<HealthRoundInfo>;
  /** Closes an open round: no more answers, and the number asked is fixed. */
  close(roundId: string): Promise<HealthRoundInfo>;
  /**
   * Records (or replaces) this member's answer to an open round: a score from 1 to 5 on every
   * element, optional comments, and whether those may appear without a name in the results.
   */
  answer(roundId: string, answer: HealthAnswerInput): Promise<HealthRoundInfo>;
  /** Removes this member's answer to an open round. */
  withdraw(roundId: string): Promise<HealthRoundInfo>;
}
