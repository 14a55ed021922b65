import { describe, expect, it } from 'vitest';
import { NOTES_FIELD, nextPhase, PHASES, phaseOf } from './phases.ts';

describe('the inquiry cycle', () => {
  it('goes plan → act → observe → reflect → complete, and stops there', () => {
    const walked: string[] = ['plan'];
    for (let p = nextPhase('plan'); p; p = nextPhase(p)) walked.push(p);
    expect(walked).toEqual([...PHASES]);
    expect(nextPhase('complete')).toBeUndefined();
  });

  it('keeps notes for every working phase in its own field', () => {
    expect(Object.keys(NOTES_FIELD)).toEqual(['plan', 'act', 'observe', 'reflect']);
    expect(new Set(Object.values(NOTES_FIELD)).size).toBe(4);
  });

  it('reads a missing or unknown phase as planning', () => {
    expect(phaseOf({})).toBe('plan');
    expect(phaseOf({ phase: 'dreaming' })).toBe('plan');
    expect(phaseOf({ phase: 'observe' })).toBe('observe');
  });
});
