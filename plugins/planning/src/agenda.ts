import { readableDate } from './dates.ts';

/** The agenda a meeting starts from when the community has written no template. */
export const DEFAULT_AGENDA = [
  'Welcome and check-in',
  'Focus: {focus}',
  'Sharing practice: what we tried since last time',
  'Next steps and who does what',
].join('\n');

/** What a template's `{…}` placeholders stand for. */
export interface AgendaContext {
  readonly date: string;
  readonly term?: string;
  readonly focus?: string;
  /** 1-based number of the meeting within its term. */
  readonly number?: number;
}

/**
 * A meeting's agenda from the community's template: `{date}`, `{term}`, `{focus}` and
 * `{number}` are filled in; a placeholder with nothing to say becomes "to be decided", and an
 * unknown one stays as written (so a typo shows instead of vanishing).
 */
export function fillAgenda(template: string, context: AgendaContext): string {
  const values: Record<string, string | undefined> = {
    date: readableDate(context.date),
    term: context.term,
    focus: context.focus,
    number: context.number === undefined ? undefined : String(context.number),
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? values[name] || 'to be decided' : whole,
  );
}
