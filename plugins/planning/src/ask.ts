import type { JsonValue, PluginContext, WindowApi } from '@repertoire/plugin-api';
import { isCalendarDate } from './dates.ts';

/** Thrown when a command was given, or typed, something it cannot use. */
export class PlanInputError extends Error {
  override readonly name = 'PlanInputError';
}

/** Asks for text until some is typed; undefined when the member cancels. */
export async function askText(
  window: WindowApi,
  title: string,
  options: { placeholder?: string; value?: string; optional?: boolean } = {},
): Promise<string | undefined> {
  let prompt = title;
  for (;;) {
    const answer = await window.showInputBox({
      title: prompt,
      ...(options.placeholder ? { placeholder: options.placeholder } : {}),
      ...(options.value ? { value: options.value } : {}),
    });
    if (answer === undefined) return undefined;
    if (answer.trim() || options.optional) return answer.trim();
    prompt = `${title} (it cannot be empty: type it, or press Escape to cancel)`;
  }
}

/** Asks for a `YYYY-MM-DD` date until a real one (or, when optional, nothing) is typed. */
export async function askDate(
  window: WindowApi,
  title: string,
  options: { value?: string; optional?: boolean; notBefore?: string } = {},
): Promise<string | undefined> {
  let prompt = title;
  let value = options.value ?? '';
  for (;;) {
    const answer = await window.showInputBox({ title: prompt, placeholder: 'YYYY-MM-DD', value });
    if (answer === undefined) return undefined;
    const date = answer.trim();
    if (date === '' && options.optional) return '';
    if (isCalendarDate(date) && (!options.notBefore || date >= options.notBefore)) return date;
    prompt =
      isCalendarDate(date) && options.notBefore
        ? `${title} It cannot be before ${options.notBefore}.`
        : `“${date}” is not a date: type it as YYYY-MM-DD. ${title}`;
    value = date;
  }
}

/** A string argument, or undefined when none was given. */
export const given = (value: JsonValue | undefined): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/** A date argument: checked, so a bad one refuses the command instead of storing nonsense. */
export function givenDate(value: JsonValue | undefined, what: string): string | undefined {
  const text = given(value);
  if (text !== undefined && !isCalendarDate(text))
    throw new PlanInputError(`${what}: “${text}” is not a date (YYYY-MM-DD).`);
  return text;
}

/**
 * Whether this member may change the year plan and the community's own description: owners,
 * coordinators and facilitators (the server's rule for `editableBy: 'stewards'` kinds, which it
 * enforces whatever this says). The activity API answers `all` to exactly those members; a host
 * without it (tests, scripts) is trusted, and the server still decides.
 */
export async function mayPlan(context: Pick<PluginContext, 'activity'>): Promise<boolean> {
  try {
    return (await context.activity.access()) === 'all';
  } catch {
    return true;
  }
}

/** What a member who may not plan is told. */
export const NOT_A_STEWARD =
  'Only the community’s owners, coordinators and facilitators can change its description and year plan. Ask one of them, or ask an owner to make you a facilitator.';
