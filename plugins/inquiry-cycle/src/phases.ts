// The inquiry cycle as data: teacher teams plan a change, act on it in their classrooms, observe
// what it does to students' learning, and reflect before the next cycle (DOMAIN.md, "problem").

/** The phases of one cycle, in order; `complete` ends it. */
export const PHASES = ['plan', 'act', 'observe', 'reflect', 'complete'] as const;

/** One phase of an inquiry cycle. */
export type Phase = (typeof PHASES)[number];

/** The field of an `inquiry` entity that holds each working phase's notes. */
export const NOTES_FIELD = {
  plan: 'plan',
  act: 'action',
  observe: 'observation',
  reflect: 'reflection',
} as const satisfies Record<Exclude<Phase, 'complete'>, string>;

/** What the team writes down in each working phase, as a prompt. */
export const NOTES_PROMPT: Record<Exclude<Phase, 'complete'>, string> = {
  plan: 'What will you try, and what evidence will tell you whether it helped?',
  act: 'What did you do in your classrooms?',
  observe: "What did you see in students' learning?",
  reflect: 'What did you learn, and what will you change next cycle?',
};

/** Whether `value` is a phase. */
export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

/** The phase after `phase`, or undefined once the cycle is complete. */
export function nextPhase(phase: Phase): Phase | undefined {
  return PHASES[PHASES.indexOf(phase) + 1];
}

/** The phase an inquiry is in (a new one without a phase is planning). */
export function phaseOf(fields: Readonly<Record<string, unknown>>): Phase {
  return isPhase(fields.phase) ? fields.phase : 'plan';
}
