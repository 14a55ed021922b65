import { describe, expect, it } from 'vitest';
import { entityKindDefinitionSchema } from './entityKind.ts';
import { migrateFields } from './kindMigration.ts';
import { versionedMemberKind } from './testing/index.ts';
import { parseOrThrow, ValidationError } from './validationError.ts';

const member = versionedMemberKind;

/** The field path and message of the first problem `kind` has. */
function problem(kind: unknown): { field: string; message: string } {
  try {
    parseOrThrow(entityKindDefinitionSchema, kind);
  } catch (error) {
    if (error instanceof ValidationError)
      return { field: error.field, message: error.issues[0]?.message ?? '' };
    throw error;
  }
  throw new Error('the kind was accepted');
}

describe('kind migrations in a kind definition', () => {
  it('accepts a contiguous list whose writes fit the current fields', () => {
    const parsed = parseOrThrow(entityKindDefinitionSchema, member);
    expect(parsed.version).toBe(3);
    expect(parsed.migrations).toHaveLength(2);
  });

  it('accepts a kind without versions, and version 1 without migrations', () => {
    const { version: _v, migrations: _m, ...plain } = member;
    expect(entityKindDefinitionSchema.safeParse(plain).success).toBe(true);
    expect(entityKindDefinitionSchema.safeParse({ ...plain, version: 1 }).success).toBe(true);
  });

  it.each([
    [
      'a version with no migration',
      { ...member, version: 4 },
      'migrations',
      /at version 4 lists 3 migration/,
    ],
    [
      'migrations out of order',
      { ...member, migrations: [member.migrations[1], member.migrations[0]] },
      'migrations.0.version',
      /upgrades to version 2, not 3/,
    ],
    [
      'a migration to version 1',
      { ...member, version: 2, migrations: [{ version: 1, steps: [] }] },
      'migrations.0.version',
      /start at version 2/,
    ],
    [
      'a mapped value the enum does not have',
      {
        ...member,
        version: 2,
        migrations: [
          { version: 2, steps: [{ mapValues: { field: 'role', values: { lead: 'boss' } } }] },
        ],
      },
      'migrations.0.steps.0.mapValues.values.lead',
      /"boss" is not a valid Role/,
    ],
    [
      'a default of the wrong type',
      {
        ...member,
        version: 2,
        migrations: [{ version: 2, steps: [{ default: { field: 'joined', value: 'soon' } }] }],
      },
      'migrations.0.steps.0.default.value',
      /"soon" is not a valid Joined/,
    ],
    [
      'a rename to a field the kind does not have',
      {
        ...member,
        version: 2,
        migrations: [{ version: 2, steps: [{ rename: { from: 'lead', to: 'leader' } }] }],
      },
      'migrations.0.steps.0.rename.to',
      /"leader" is not one of the kind's fields/,
    ],
    [
      'an unknown step',
      { ...member, version: 2, migrations: [{ version: 2, steps: [{ drop: 'x' }] }] },
      'migrations.0.steps.0',
      /./,
    ],
    ['a version that is not an integer', { ...member, version: 1.5 }, 'version', /./],
  ])('refuses %s, naming the field', (_what, kind, field, message) => {
    const found = problem(kind);
    expect(found.field).toBe(field);
    expect(found.message).toMatch(message);
  });

  it('checks a value through the later steps that rename and map it', () => {
    // v2 writes 'chair' to `position`; v3 renames it to `role` and maps chair → coordinator.
    const kind = {
      ...member,
      migrations: [
        { version: 2, steps: [{ default: { field: 'position', value: 'chair' } }] },
        {
          version: 3,
          steps: [
            { rename: { from: 'position', to: 'role' } },
            { mapValues: { field: 'role', values: { chair: 'coordinator' } } },
            { default: { field: 'joined', value: '2024-01-01' } },
          ],
        },
      ],
    };
    expect(entityKindDefinitionSchema.safeParse(kind).success).toBe(true);
    const [v2, v3] = kind.migrations as [(typeof kind.migrations)[0], (typeof kind.migrations)[0]];
    const unmapped = {
      ...kind,
      migrations: [v2, { ...v3, steps: v3.steps.filter((s) => !('mapValues' in s)) }],
    };
    expect(problem(unmapped)).toEqual({
      field: 'migrations.0.steps.0.default.value',
      message: expect.stringMatching(/"chair" is not a valid Role/),
    });
  });
});

describe('migrateFields', () => {
  const kind = parseOrThrow(entityKindDefinitionSchema, member);

  it('runs every migration after the stored version, in order', () => {
    expect(migrateFields(kind, { position: 'lead', nickname: 'Al', email: 'a@b.c' }, 1)).toEqual({
      role: 'coordinator',
      email: 'a@b.c',
      joined: '2024-01-01',
    });
    // From version 2 only the third migration runs: `position` is no longer renamed.
    expect(migrateFields(kind, { position: 'lead', nickname: 'Al' }, 2)).toEqual({
      position: 'lead',
      joined: '2024-01-01',
    });
  });

  it('leaves current fields and the input alone', () => {
    const current = { role: 'member', joined: '2023-05-01' };
    expect(migrateFields(kind, current, 3)).toEqual(current);
    const old = { position: 'lead' };
    migrateFields(kind, old, 1);
    expect(old).toEqual({ position: 'lead' });
  });

  it('maps each item of a list and keeps a default from overwriting a value', () => {
    const tags = {
      version: 2,
      migrations: [
        {
          version: 2,
          steps: [
            { mapValues: { field: 'tags', values: { old: 'new' } } },
            { default: { field: 'tags', value: ['none'] } },
          ],
        },
      ],
    };
    expect(migrateFields(tags, { tags: ['old', 'kept'] }, 1)).toEqual({ tags: ['new', 'kept'] });
    expect(migrateFields(tags, {}, 1)).toEqual({ tags: ['none'] });
  });

  it('refuses a version newer than the kind', () => {
    expect(() => migrateFields(kind, {}, 4)).toThrow(RangeError);
  });
});
