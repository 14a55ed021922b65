import { describe, expect, it } from 'vitest';
import { entitySchema } from './entity.ts';
import { entityKindDefinitionSchema } from './entityKind.ts';
import { compileField, type FieldDefinition } from './field.ts';
import { asEntityId, parseRelationId, relationId } from './ids.ts';
import { relationSchema } from './relation.ts';
import { relationKindDefinitionSchema } from './relationKind.ts';
import { workspaceSettingsSchema } from './settings.ts';
import { parseOrThrow, ValidationError } from './validationError.ts';

describe('field definitions compile to validators', () => {
  const ok = (def: FieldDefinition, value: unknown) => compileField(def).safeParse(value).success;
  it.each([
    [{ name: 'a', label: 'A', type: 'string' }, 'one line', true],
    [{ name: 'a', label: 'A', type: 'string' }, 'two\nlines', false],
    [{ name: 'a', label: 'A', type: 'text' }, 'two\nlines', true],
    [{ name: 'a', label: 'A', type: 'number', min: 0, max: 5 }, 5, true],
    [{ name: 'a', label: 'A', type: 'number', min: 0, max: 5 }, 6, false],
    [{ name: 'a', label: 'A', type: 'number' }, Number.NaN, false],
    [{ name: 'a', label: 'A', type: 'boolean' }, 'yes', false],
    [{ name: 'a', label: 'A', type: 'date' }, '2025-09-01', true],
    [{ name: 'a', label: 'A', type: 'date' }, '2025-09-01T10:00:00Z', true],
    [{ name: 'a', label: 'A', type: 'date' }, 'next week', false],
    [{ name: 'a', label: 'A', type: 'enum', options: ['x', 'y'] }, 'y', true],
    [{ name: 'a', label: 'A', type: 'enum', options: ['x', 'y'] }, 'z', false],
    [{ name: 'a', label: 'A', type: 'entityRef' }, 'abc_1', true],
    [{ name: 'a', label: 'A', type: 'entityRef' }, 'a|b', false],
    [{ name: 'a', label: 'A', type: 'stringList' }, ['x', 'y'], true],
    [{ name: 'a', label: 'A', type: 'stringList' }, ['x', ''], false],
  ] as const)('%j accepts %j: %s', (def, value, expected) => {
    expect(ok(def as FieldDefinition, value)).toBe(expected);
  });
});

describe('entity kind definitions', () => {
  const base = {
    kind: 'practice',
    label: 'Practice',
    pluralLabel: 'Practices',
    icon: 'i',
    colour: '#fff',
  };
  it('refuse an enum without options and duplicate field names', () => {
    expect(
      entityKindDefinitionSchema.safeParse({
        ...base,
        fields: [{ name: 'a', label: 'A', type: 'enum' }],
      }).success,
    ).toBe(false);
    const dup = { name: 'a', label: 'A', type: 'text' };
    expect(entityKindDefinitionSchema.safeParse({ ...base, fields: [dup, dup] }).success).toBe(
      false,
    );
    expect(entityKindDefinitionSchema.safeParse({ ...base, fields: [dup] }).success).toBe(true);
  });
});

describe('entity ids', () => {
  it('refuse the names every object inherits, which would reach Object.prototype', () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])
      expect(() => asEntityId(id), id).toThrow(/every JavaScript object has/);
    expect(asEntityId('proto')).toBe('proto');
    expect(asEntityId('__proto')).toBe('__proto');
  });
});

describe('relation ids', () => {
  it('are from|type|to and split back', () => {
    const id = relationId(asEntityId('a1'), 'mentions', asEntityId('b2'));
    expect(id).toBe('a1|mentions|b2');
    expect(parseRelationId(id)).toEqual({ from: 'a1', type: 'mentions', to: 'b2' });
    expect(parseRelationId('nope')).toBeUndefined();
  });
  it('a relation from a document names it', () => {
    const r = {
      id: 'a|mentions|b',
      from: 'a',
      type: 'mentions',
      to: 'b',
      attributes: {},
      createdBy: 'u',
      createdAt: 1,
      source: { kind: 'document', docId: 'a' },
    };
    expect(relationSchema.parse(r)).toEqual(r);
    expect(relationSchema.safeParse({ ...r, source: { kind: 'document' } }).success).toBe(false);
  });
});

describe('ValidationError', () => {
  it('names the first offending field with its prefix', () => {
    try {
      parseOrThrow(entityKindDefinitionSchema, { kind: 'Bad' }, 'kinds.0');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('kinds.0.kind');
      expect((error as ValidationError).message).toMatch(/^kinds\.0\.kind: /);
    }
  });
});

describe('entities, relation kinds and settings', () => {
  const entity = {
    id: 'e_1',
    kind: 'practice',
    title: 'Learning walks',
    fields: { status: 'emerging', tags: ['a'] },
    createdBy: 'ada',
    createdAt: 1,
    updatedBy: 'bo',
    updatedAt: 2,
  };
  it('an entity parses back to itself and refuses a bad title, id or time', () => {
    expect(entitySchema.parse(entity)).toEqual(entity);
    const field = (value: object) => {
      try {
        parseOrThrow(entitySchema, { ...entity, ...value });
      } catch (error) {
        return (error as ValidationError).field;
      }
      return undefined;
    };
    expect(field({ title: 'two\nlines' })).toBe('title');
    expect(field({ title: ' ' })).toBe('title');
    expect(field({ id: 'a|b' })).toBe('id');
    expect(field({ createdAt: -1 })).toBe('createdAt');
    expect(field({ fields: { x: { nested: true } } })).toBe('fields.x');
  });

  it('a relation kind names the kinds it joins, `*` for any, and at least one each way', () => {
    const def = { type: 'mentions', label: 'mentions', from: ['*'], to: ['member', 'practice'] };
    expect(relationKindDefinitionSchema.parse(def)).toEqual(def);
    expect(relationKindDefinitionSchema.safeParse({ ...def, from: [] }).success).toBe(false);
    expect(relationKindDefinitionSchema.safeParse({ ...def, type: 'a|b' }).success).toBe(false);
  });

  it('workspace settings hold a name, enabled plugins and JSON plugin settings', () => {
    const settings = {
      name: 'Maths leaders',
      enabledPlugins: ['repertoire.meetings'],
      pluginSettings: {
        'repertoire.meetings': { cadence: 'weekly', weeks: 2, nested: { a: [1] } },
      },
    };
    expect(workspaceSettingsSchema.parse(settings)).toEqual(settings);
    expect(workspaceSettingsSchema.safeParse({ ...settings, name: '' }).success).toBe(false);
    expect(
      workspaceSettingsSchema.safeParse({ ...settings, pluginSettings: { p: { f: () => 1 } } })
        .success,
    ).toBe(false);
  });
});
