import { describe, expect, it } from 'vitest';
import { coerceFields } from './coerceFields.ts';

describe('coerceFields', () => {
  it('turns text from a sheet into the types the kind declares', () => {
    expect(
      coerceFields(
        {
          expertise: 'LMS; Spanish,  PD ',
          years: '12',
          active: 'yes',
          joined: '2025-02-03T15:30:00Z',
          role: 7,
        },
        [
          { name: 'expertise', type: 'stringList' },
          { name: 'years', type: 'number' },
          { name: 'active', type: 'boolean' },
          { name: 'joined', type: 'date' },
          { name: 'role', type: 'string' },
        ],
      ),
    ).toEqual({
      expertise: ['LMS', 'Spanish', 'PD'],
      years: 12,
      active: true,
      joined: '2025-02-03',
      role: '7',
    });
  });

  it('leaves a value that will not convert, for the schema to refuse with its own message', () => {
    expect(
      coerceFields({ years: 'twelve', active: 'maybe' }, [
        { name: 'years', type: 'number' },
        { name: 'active', type: 'boolean' },
      ]),
    ).toEqual({ years: 'twelve', active: 'maybe' });
  });
});
