import type { HealthAnswer, HealthElementId } from '@repertoire/schema';
import { ApiError } from './errors.ts';
import { newId } from './ids.ts';
import type { SqlDatabase } from './sqlDatabase.ts';

/** A health-check round as stored: what it asks, and when it was open. */
export interface HealthRoundRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly title: string;
  readonly questions: Record<HealthElementId, string>;
  /** Answers needed before anyone sees the round's aggregates. */
  readonly threshold: number;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly closedBy: string | null;
  readonly closedAt: string | null;
  /** How many members were asked, fixed when the round closed; null while open. */
  readonly invited: number | null;
}

/** One member's answer as stored: whose it is comes from the session, never from the request. */
export interface HealthAnswerRecord extends HealthAnswer {
  readonly roundId: string;
  readonly userId: string;
  /** The member entity the account was linked to when it answered. */
  readonly memberId: string | null;
  readonly answeredAt: string;
  readonly updatedAt: string;
}

interface RoundRow {
  id: string;
  workspace_id: string;
  title: string;
  questions: string;
  threshold: number | bigint | string;
  opened_by: string;
  opened_at: string;
  closed_by: string | null;
  closed_at: string | null;
  invited: number | bigint | string | null;
}

interface AnswerRow {
  round_id: string;
  user_id: string;
  member_id: string | null;
  scores: string;
  comments: string;
  share_comments: number | bigint | string;
  answered_at: string;
  updated_at: string;
}

const roundOf = (row: RoundRow): HealthRoundRecord => ({
  id: row.id,
  workspaceId: row.workspace_id,
  title: row.title,
  questions: JSON.parse(row.questions),
  threshold: Number(row.threshold),
  openedBy: row.opened_by,
  openedAt: row.opened_at,
  closedBy: row.closed_by,
  closedAt: row.closed_at,
  invited: row.invited === null ? null : Number(row.invited),
});

const answerOf = (row: AnswerRow): HealthAnswerRecord => ({
  roundId: row.round_id,
  userId: row.user_id,
  memberId: row.member_id,
  scores: JSON.parse(row.scores),
  comments: JSON.parse(row.comments),
  shareComments: Number(row.share_comments) === 1,
  answeredAt: row.answered_at,
  updatedAt: row.updated_at,
});

/**
 * The health-check rounds of each workspace and the answers to them. Answers live here, on the
 * server, and never in the shared graph that every member syncs: the routes decide who sees what.
 */
export class HealthCheckStore {
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  /** Opens a round; `at` and `id` are for loading recorded rounds (the sample community). */
  async open(round: {
    workspaceId: string;
    title: string;
    questions: Record<HealthElementId, string>;
    threshold: number;
    openedBy: string;
    at?: string;
    id?: string;
  }): Promise<HealthRoundRecord> {
    const id = round.id ?? newId('hc');
    await this.#db
      .prepare(
        'INSERT INTO health_rounds (id, workspace_id, title, questions, threshold, opened_by, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        round.workspaceId,
        round.title,
        JSON.stringify(round.questions),
        round.threshold,
        round.openedBy,
        round.at ?? new Date().toISOString(),
      );
    return (await this.round(round.workspaceId, id)) as HealthRoundRecord;
  }

  /** Closes an open round, fixing how many were asked; a closed round takes no more answers. */
  close(
    workspaceId: string,
    roundId: string,
    closedBy: string,
    invited: number,
    at = new Date().toISOString(),
  ): Promise<HealthRoundRecord> {
    return this.#db.transaction(async () => {
      const round = await this.#require(workspaceId, roundId);
      if (round.closedAt)
        throw new ApiError('conflict', `the round "${round.title}" is already closed`);
      await this.#db
        .prepare('UPDATE health_rounds SET closed_by = ?, closed_at = ?, invited = ? WHERE id = ?')
        .run(closedBy, at, invited, roundId);
      return this.#require(workspaceId, roundId);
    });
  }

  /** A round of the workspace, or undefined. */
  async round(workspaceId: string, roundId: string): Promise<HealthRoundRecord | undefined> {
    const row = (await this.#db
      .prepare('SELECT * FROM health_rounds WHERE id = ? AND workspace_id = ?')
      .get(roundId, workspaceId)) as RoundRow | undefined;
    return row ? roundOf(row) : undefined;
  }

  /** The workspace's rounds, oldest first. */
  async rounds(workspaceId: string): Promise<HealthRoundRecord[]> {
    return (
      (await this.#db
        .prepare('SELECT * FROM health_rounds WHERE workspace_id = ? ORDER BY opened_at, id')
        .all(workspaceId)) as RoundRow[]
    ).map(roundOf);
  }

  /** Records (or replaces) `userId`'s answer to an open round. */
  answer(
    workspaceId: string,
    roundId: string,
    who: { userId: string; memberId: string | null },
    answer: HealthAnswer,
    at = new Date().toISOString(),
  ): Promise<HealthAnswerRecord> {
    return this.#db.transaction(async () => {
      const round = await this.#require(workspaceId, roundId);
      if (round.closedAt)
        throw new ApiError(
          'conflict',
          `the round "${round.title}" is closed; answers can no longer be given or changed`,
        );
      await this.#db
        .prepare(
          `INSERT INTO health_answers (round_id, user_id, member_id, scores, comments, share_comments, answered_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (round_id, user_id) DO UPDATE SET member_id = excluded.member_id,
           scores = excluded.scores, comments = excluded.comments,
           share_comments = excluded.share_comments, updated_at = excluded.updated_at`,
        )
        .run(
          roundId,
          who.userId,
          who.memberId,
          JSON.stringify(answer.scores),
          JSON.stringify(answer.comments ?? {}),
          answer.shareComments ? 1 : 0,
          at,
          at,
        );
      return (await this.answerBy(roundId, who.userId)) as HealthAnswerRecord;
    });
  }

  /** Removes `userId`'s answer to an open round ("withdraw my answer"). */
  withdraw(workspaceId: string, roundId: string, userId: string): Promise<void> {
    return this.#db.transaction(async () => {
      const round = await this.#require(workspaceId, roundId);
      if (round.closedAt)
        throw new ApiError(
          'conflict',
          `the round "${round.title}" is closed; its answers are kept`,
        );
      await this.#db
        .prepare('DELETE FROM health_answers WHERE round_id = ? AND user_id = ?')
        .run(roundId, userId);
    });
  }

  /** `userId`'s own answer to a round, or undefined. */
  async answerBy(roundId: string, userId: string): Promise<HealthAnswerRecord | undefined> {
    const row = (await this.#db
      .prepare('SELECT * FROM health_answers WHERE round_id = ? AND user_id = ?')
      .get(roundId, userId)) as AnswerRow | undefined;
    return row ? answerOf(row) : undefined;
  }

  /** Every answer to a round: for aggregating on the server only, never to send as they are. */
  async answers(roundId: string): Promise<HealthAnswerRecord[]> {
    return (
      (await this.#db
        .prepare('SELECT * FROM health_answers WHERE round_id = ? ORDER BY user_id')
        .all(roundId)) as AnswerRow[]
    ).map(answerOf);
  }

  async #require(workspaceId: string, roundId: string): Promise<HealthRoundRecord> {
    const round = await this.round(workspaceId, roundId);
    if (!round) throw new ApiError('not_found', 'no such health-check round in this workspace');
    return round;
  }
}
