import {
  HEALTH_DEFAULT_THRESHOLD,
  HEALTH_ELEMENTS,
  type HealthElementId,
  type SettingsApi,
} from '@repertoire/plugin-api';

/** What a new round starts with: the community's questions and threshold. */
export interface QuestionSettings {
  readonly threshold: number;
  readonly questions: Record<HealthElementId, string>;
}

/** The community's questions (the seed's unless reworded in settings) and default threshold. */
export async function readQuestionSettings(settings: SettingsApi): Promise<QuestionSettings> {
  const [threshold, ...texts] = await Promise.all([
    settings.get<number>('healthCheck.threshold'),
    ...HEALTH_ELEMENTS.map((e) => settings.get<string>(`healthCheck.questions.${e.id}`)),
  ]);
  const questions = {} as Record<HealthElementId, string>;
  HEALTH_ELEMENTS.forEach((e, i) => {
    const text = texts[i];
    questions[e.id] = typeof text === 'string' && text.trim() !== '' ? text.trim() : e.question;
  });
  return {
    threshold:
      typeof threshold === 'number' && Number.isInteger(threshold) && threshold >= 2
        ? threshold
        : HEALTH_DEFAULT_THRESHOLD,
    questions,
  };
}
