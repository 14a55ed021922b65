// Kinds are namespaced by plugin (kindName.ts in @repertoire/schema): the host refuses a
// third-party plugin whose kinds lack its prefix, and one claiming the built-ins' namespace.
import type { PluginContext } from '@repertoire/plugin-api';
import { describe, expect, it } from 'vitest';
import { manifest, pkg, testbed } from './testbed.ts';

const kind = (name: string) => ({
  kind: name,
  label: 'Reading',
  pluralLabel: 'Readings',
  icon: 'book',
  colour: '#3d5a80',
  fields: [],
});

describe('kind namespaces in the plugin host', () => {
  it('refuses a third-party kind without its prefix, naming the plugin and the expected name', async () => {
    const { host, workspace } = testbed();
    const problems: string[] = [];
    host.onDidReportProblem((p) => problems.push(p.message));
    const refused = await host.add([
      pkg(manifest('acme.reading', { contributes: { entityKinds: [kind('reading')] } }), false),
      pkg(
        manifest('acme.shadow', {
          contributes: { entityKinds: [kind('repertoire.knowledge/practice')] },
        }),
        false,
      ),
    ]);
    expect(refused.map((r) => r.name)).toEqual(['@test/acme.reading', '@test/acme.shadow']);
    expect(problems[0]).toMatch(
      /repertoire\.contributes\.entityKinds\[0\]\.kind: plugin acme\.reading contributes the entity kind "reading" without its namespace.*name it "acme\.reading\/reading"/,
    );
    expect(problems[1]).toMatch(
      /plugin acme\.shadow contributes the entity kind "repertoire\.knowledge\/practice" in the namespace of repertoire\.knowledge: name it "acme\.shadow\/practice"/,
    );
    expect(host.plugins()).toEqual([]);
    expect(workspace.kinds.entityKinds()).toEqual([]);
  });

  it('refuses a plugin that is not built in but has a repertoire.* id', async () => {
    const { host } = testbed();
    const refused = await host.add([
      pkg(
        manifest('repertoire.knowledge', { contributes: { entityKinds: [kind('practice')] } }),
        false,
      ),
    ]);
    expect(refused[0]?.reason).toMatch(
      /Plugin repertoire\.knowledge .*is not built in, but its id is in the "repertoire\." namespace, which is reserved/,
    );
    expect(host.plugins()).toEqual([]);
  });

  // In the page, so the test holds its context; the rule is the manifest id's, wherever it runs.
  it('a third party writes its qualified kinds and finds a built-in’s by its qualified name', async () => {
    let ctx: PluginContext | undefined;
    const { host, workspace } = testbed({
      'acme.reading': {
        activate(c) {
          ctx = c;
        },
      },
    });
    await host.add([
      pkg(manifest('repertoire.knowledge', { contributes: { entityKinds: [kind('practice')] } })),
      pkg(
        manifest('acme.reading', {
          activationEvents: ['onStartup'],
          permissions: ['graph.read', 'graph.write'],
          contributes: {
            entityKinds: [kind('acme.reading/reading')],
            relationKinds: [
              {
                type: 'acme.reading/cites',
                label: 'cites',
                from: ['acme.reading/reading'],
                to: ['repertoire.knowledge/practice'],
              },
            ],
          },
        }),
      ),
    ]);
    await host.start();
    const graph = (ctx as PluginContext).graph;
    await graph.transact((tx) => {
      const reading = tx.createEntity({ kind: 'acme.reading/reading', title: 'Wenger 1998' });
      const practice = tx.createEntity({ kind: 'repertoire.knowledge/practice', title: 'Jigsaw' });
      tx.link(reading, 'acme.reading/cites', practice);
    });
    expect(workspace.entities().map((e) => e.kind)).toEqual(['acme.reading/reading', 'practice']);
    expect((await graph.relations({ type: 'acme.reading/cites' })).length).toBe(1);
    expect((await graph.entities({ kind: 'repertoire.knowledge/practice' })).length).toBe(1);
    await host.shutdown();
  });
});
