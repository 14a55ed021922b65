import { describe, expect, it } from 'vitest';
import { entityKindNameSchema, parseRelationId, relationId, relationIdSchema } from './ids.ts';
import { storedKindName } from './kindName.ts';
import type { PluginManifestInput } from './manifest.ts';
import { parseManifest } from './manifestValidation.ts';
import { relationKindDefinitionSchema } from './relationKind.ts';

const kind = (name: string, extra: Record<string, unknown> = {}) => ({
  kind: name,
  label: 'Reading',
  pluralLabel: 'Readings',
  icon: 'book',
  colour: '#3d5a80',
  fields: [],
  ...extra,
});

const manifest = (id: string, contributes: PluginManifestInput['contributes'], more = {}) => ({
  id,
  displayName: 'Test',
  version: '1.0.0',
  engines: { repertoire: '^1.0.0' },
  main: './src/index.ts',
  contributes,
  ...more,
});

const errors = (raw: unknown) => {
  const result = parseManifest(raw);
  return result.ok ? [] : result.errors;
};

describe('kind names are namespaced by plugin', () => {
  it('accepts short and plugin-qualified names, never with | or an empty part', () => {
    for (const ok of ['practice', 'acme.reading-circle/reading', 'sample.inquiry-cycle/inquiry'])
      expect(entityKindNameSchema.safeParse(ok).success).toBe(true);
    for (const no of ['Practice', 'acme/reading', '/reading', 'acme.x/', 'a.b/c|d', 'a.b/c/d'])
      expect(entityKindNameSchema.safeParse(no).success).toBe(false);
  });

  it('a relation id with a qualified type splits back into its ends', () => {
    const id = relationId('a1' as never, 'acme.reading-circle/cites', 'b2' as never);
    expect(relationIdSchema.safeParse(id).success).toBe(true);
    expect(parseRelationId(id)).toEqual({
      from: 'a1',
      type: 'acme.reading-circle/cites',
      to: 'b2',
    });
    expect(relationIdSchema.safeParse('a1|acme/cites|b2').success).toBe(false);
  });

  it('a built-in keeps short names; a third party must qualify its own', () => {
    expect(errors(manifest('repertoire.knowledge', { entityKinds: [kind('practice')] }))).toEqual(
      [],
    );
    expect(
      errors(
        manifest('acme.reading-circle', { entityKinds: [kind('acme.reading-circle/reading')] }),
      ),
    ).toEqual([]);
    expect(errors(manifest('acme.reading-circle', { entityKinds: [kind('reading')] }))).toEqual([
      {
        field: 'contributes.entityKinds[0].kind',
        message: expect.stringMatching(
          /plugin acme\.reading-circle contributes the entity kind "reading" without its namespace.*name it "acme\.reading-circle\/reading"/,
        ),
      },
    ]);
  });

  it('refuses another plugin’s prefix, a built-in’s included, naming the expected name', () => {
    const relation = { label: 'cites', from: ['*'], to: ['*'] };
    expect(
      errors(
        manifest('acme.reading-circle', {
          entityKinds: [kind('repertoire.knowledge/practice')],
          relationKinds: [{ type: 'other.plugin/cites', ...relation }],
        }),
      ),
    ).toEqual([
      {
        field: 'contributes.entityKinds[0].kind',
        message: expect.stringMatching(
          /"repertoire\.knowledge\/practice" in the namespace of repertoire\.knowledge: name it "acme\.reading-circle\/practice"/,
        ),
      },
      {
        field: 'contributes.relationKinds[0].type',
        message: expect.stringMatching(
          /relation type "other\.plugin\/cites" in the namespace of other\.plugin: name it "acme\.reading-circle\/cites"/,
        ),
      },
    ]);
    expect(
      errors(
        manifest('repertoire.knowledge', { entityKinds: [kind('repertoire.knowledge/practice')] }),
      ),
    ).toEqual([
      {
        field: 'contributes.entityKinds[0].kind',
        message: expect.stringMatching(/built in.*name it "practice"/),
      },
    ]);
  });

  it('refuses a third party naming its own kind by the short name elsewhere in its manifest', () => {
    const result = errors(
      manifest(
        'acme.reading-circle',
        {
          entityKinds: [kind('acme.reading-circle/reading')],
          relationKinds: [
            {
              type: 'acme.reading-circle/cites',
              label: 'cites',
              from: ['reading'],
              to: ['practice'],
            },
          ],
          graphStyles: [{ relation: 'cites', colour: '#000' }],
        },
        { activationEvents: ['onEntityKind:reading'] },
      ),
    );
    expect(result.map((e) => e.field)).toEqual([
      'contributes.relationKinds[0].from[0]',
      'contributes.graphStyles[0].relation',
      'activationEvents[0]',
    ]);
    expect(result[0]?.message).toMatch(/this plugin's own is "acme\.reading-circle\/reading"/);
  });

  it('a built-in’s qualified name is stored as its short name; others as they are', () => {
    expect(storedKindName('repertoire.knowledge/practice')).toBe('practice');
    expect(storedKindName('practice')).toBe('practice');
    expect(storedKindName('acme.reading-circle/reading')).toBe('acme.reading-circle/reading');
  });
});

describe('relation kind versions', () => {
  const relation = { type: 'mentors', label: 'mentors', from: ['member'], to: ['member'] };

  it('accepts contiguous attribute migrations', () => {
    const parsed = relationKindDefinitionSchema.safeParse({
      ...relation,
      version: 2,
      migrations: [{ version: 2, steps: [{ rename: { from: 'since', to: 'started' } }] }],
    });
    expect(parsed.success).toBe(true);
  });

  it('refuses missing or unordered migrations and list values, naming the path', () => {
    const paths = (raw: unknown) => {
      const parsed = relationKindDefinitionSchema.safeParse(raw);
      return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    };
    expect(paths({ ...relation, version: 3, migrations: [{ version: 2, steps: [] }] })).toEqual([
      'migrations',
    ]);
    expect(paths({ ...relation, version: 2, migrations: [{ version: 3, steps: [] }] })).toEqual([
      'migrations.0.version',
    ]);
    expect(
      paths({
        ...relation,
        version: 2,
        migrations: [{ version: 2, steps: [{ default: { field: 'tags', value: ['a'] } }] }],
      }),
    ).toEqual(['migrations.0.steps.0.default.value']);
  });
});
