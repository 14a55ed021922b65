import {
  SAMPLE_HEALTH_ELEMENT_ORDER,
  SAMPLE_HEALTH_ROUNDS,
  type SampleDates,
} from '@repertoire/plugin-sample-community';
import { type HealthElementId, roundQuestions } from '@repertoire/schema';
import { HealthCheckStore, type RepertoireServer } from '@repertoire/server';

/**
 * Loads the sample community's two closed health-check rounds into the server's own store (answers
 * are private, so they never enter the graph). The sample members have no accounts: each answer is
 * recorded under `sample:<member>` and linked to the member entity, dated as the rest of the
 * sample (`dates`). Returns how many rounds.
 */
export async function loadSampleHealthChecks(
  server: RepertoireServer,
  workspaceId: string,
  openedBy: string,
  dates: SampleDates,
): Promise<number> {
  const store = new HealthCheckStore(server.services.db);
  for (const round of SAMPLE_HEALTH_ROUNDS) {
    await store.open({
      id: round.id,
      workspaceId,
      title: dates.text(round.title),
      questions: roundQuestions(),
      threshold: round.threshold,
      openedBy,
      at: dates.day(round.openedAt),
    });
    for (const answer of round.answers) {
      const scores = Object.fromEntries(
        SAMPLE_HEALTH_ELEMENT_ORDER.map((id, i) => [id, answer.scores[i] as number]),
      ) as Record<HealthElementId, number>;
      await store.answer(
        workspaceId,
        round.id,
        { userId: `sample:${answer.member}`, memberId: `sample-member-${answer.member}` },
        {
          scores,
          comments: (answer.comments ?? {}) as Partial<Record<HealthElementId, string>>,
          shareComments: answer.shareComments ?? false,
        },
        dates.day(answer.at),
      );
    }
    await store.close(workspaceId, round.id, openedBy, round.invited, dates.day(round.closedAt));
  }
  return SAMPLE_HEALTH_ROUNDS.length;
}
