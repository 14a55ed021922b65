import {
  HEALTH_ELEMENT_IDS,
  HEALTH_SCALE,
  type HealthAnswer,
  type HealthElementId,
  type HealthElementResult,
  type HealthResults,
} from '@repertoire/schema';

const round2 = (n: number) => Math.round(n * 100) / 100;

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : round2(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

/**
 * What a round's answers may show to anyone: the counts always; per element the mean, median and
 * how many gave each score, and the comments members chose to share, only once at least
 * `threshold` answered. Below it, nothing that depends on a score leaves this function.
 */
export function aggregateAnswers(
  answers: readonly HealthAnswer[],
  threshold: number,
  invited: number,
): HealthResults {
  const responses = answers.length;
  // Someone who answered was asked, whatever the member list says now.
  const asked = Math.max(invited, responses);
  const base = {
    responses,
    invited: asked,
    responseRate: asked === 0 ? 0 : round2(responses / asked),
    threshold,
  };
  if (responses < threshold || responses === 0)
    return { ...base, visible: false, elements: null, comments: null };
  const elements: HealthElementResult[] = HEALTH_ELEMENT_IDS.map((id) => {
    const scores = answers.map((a) => a.scores[id]).sort((a, b) => a - b);
    const distribution = Array.from({ length: HEALTH_SCALE.max - HEALTH_SCALE.min + 1 }, () => 0);
    for (const s of scores)
      distribution[s - HEALTH_SCALE.min] = (distribution[s - HEALTH_SCALE.min] ?? 0) + 1;
    return {
      id,
      mean: round2(scores.reduce((sum, s) => sum + s, 0) / responses),
      median: median(scores),
      distribution,
    };
  });
  const comments: Partial<Record<HealthElementId, string[]>> = {};
  for (const id of HEALTH_ELEMENT_IDS) {
    // Alphabetical, so the order says nothing about who answered first.
    const shared = answers
      .filter((a) => a.shareComments)
      .map((a) => a.comments?.[id]?.trim() ?? '')
      .filter((text) => text !== '')
      .sort((a, b) => a.localeCompare(b));
    if (shared.length > 0) comments[id] = shared;
  }
  return { ...base, visible: true, elements, comments };
}
