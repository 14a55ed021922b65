import { API_VERSION, type PluginContext, type PluginModule } from '@repertoire/plugin-api';
import { describe, expect, it } from 'vitest';
import { manifest, pkg, testbed } from './testbed.ts';

const memberKind = {
  kind: 'member',
  label: 'Member',
  pluralLabel: 'Members',
  icon: 'person',
  colour: '#2a6f97',
  fields: [{ name: 'role', label: 'Role', type: 'enum' as const, options: ['member', 'guest'] }],
};

describe('plugin host: contributions and activation', () => {
  it('reads contributions and registers kinds without running plugin code', async () => {
    let activations = 0;
    const { host, workspace, loads } = testbed({
      'repertoire.people': { activate: () => void activations++ },
    });
    await host.add([
      pkg(
        manifest('repertoire.people', {
          activationEvents: ['onCommand:people.add'],
          contributes: {
            entityKinds: [memberKind],
            commands: [{ id: 'people.add', title: 'Add person' }],
            views: [{ id: 'people.list', name: 'People', location: 'sidebar' }],
            graphStyles: [{ kind: 'member', colour: '#2a6f97', shape: 'ellipse' }],
          },
        }),
      ),
    ]);
    await host.start();
    expect(host.contributions.commands().map((c) => c.id)).toEqual(['people.add']);
    expect(host.contributions.views('sidebar').map((v) => v.id)).toEqual(['people.list']);
    expect(host.contributions.graphStyles()[0]).toMatchObject({
      kind: 'member',
      pluginId: 'repertoire.people',
    });
    expect(workspace.kinds.entityKind('member')).toBeDefined();
    expect(activations).toBe(0);
    expect(loads).toEqual([]);
    expect(host.state('repertoire.people')).toBe('inactive');
  });

  it('activates lazily: on its command, on its view, at startup', async () => {
    const log: string[] = [];
    const mk = (name: string): PluginModule => ({
      activate(ctx) {
        log.push(name);
        ctx.subscriptions.push(ctx.commands.registerCommand(`${name}.run`, () => `${name} ran`));
        if (name === 'viewer')
          ctx.subscriptions.push(
            ctx.views.registerViewProvider('viewer.main', {
              resolve: () => ({ type: 'markdown', markdown: '# hello' }),
            }),
          );
      },
    });
    const { host } = testbed({
      'a.cmd': mk('cmd'),
      'a.viewer': mk('viewer'),
      'a.boot': mk('boot'),
    });
    await host.add([
      pkg(
        manifest('a.cmd', {
          activationEvents: ['onCommand:cmd.run'],
          contributes: { commands: [{ id: 'cmd.run', title: 'Run' }] },
        }),
      ),
      pkg(
        manifest('a.viewer', {
          activationEvents: ['onView:viewer.main'],
          contributes: { views: [{ id: 'viewer.main', name: 'Main', location: 'panel' }] },
        }),
      ),
      pkg(manifest('a.boot', { activationEvents: ['onStartup'] })),
    ]);
    expect(log).toEqual([]);
    await host.start();
    expect(log).toEqual(['boot']);
    expect(await host.executeCommand('cmd.run')).toBe('cmd ran');
    expect(log).toEqual(['boot', 'cmd']);
    expect(await host.resolveView('viewer.main')).toEqual({
      type: 'markdown',
      markdown: '# hello',
    });
    expect(log).toEqual(['boot', 'cmd', 'viewer']);
  });

  it('activates on an entity kind when such an entity appears', async () => {
    const log: string[] = [];
    const { host, workspace } = testbed({
      'repertoire.kinds': { activate: () => void log.push('kinds') },
    });
    await host.add([
      pkg(
        manifest('repertoire.kinds', {
          activationEvents: ['onEntityKind:member'],
          contributes: { entityKinds: [memberKind] },
        }),
      ),
    ]);
    await host.start();
    expect(log).toEqual([]);
    workspace.createEntity({ kind: 'member', title: 'Ana' });
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual(['kinds']);
  });

  it('activates dependencies first, in order, each once', async () => {
    const log: string[] = [];
    const mod = (name: string): PluginModule => ({ activate: () => void log.push(name) });
    const { host } = testbed({ 'x.a': mod('a'), 'x.b': mod('b'), 'x.c': mod('c') });
    await host.add([
      pkg(manifest('x.a', { dependencies: ['x.b', 'x.c'], activationEvents: ['onStartup'] })),
      pkg(manifest('x.b', { dependencies: ['x.c'] })),
      pkg(manifest('x.c')),
    ]);
    await host.start();
    expect(log).toEqual(['c', 'b', 'a']);
    expect(host.state('x.b')).toBe('active');
  });

  it('refuses a dependency cycle and a missing dependency with clear messages', async () => {
    const ok: PluginModule = { activate: () => {} };
    const { host } = testbed({ 'y.a': ok, 'y.b': ok, 'y.c': ok });
    await host.add([
      pkg(manifest('y.a', { dependencies: ['y.b'] })),
      pkg(manifest('y.b', { dependencies: ['y.a'] })),
      pkg(manifest('y.c', { dependencies: ['y.missing'] })),
    ]);
    await expect(host.activate('y.a')).rejects.toThrow(/cycle: y\.a → y\.b → y\.a/);
    await expect(host.activate('y.c')).rejects.toThrow(
      /needs plugin y\.missing, which is not installed/,
    );
    expect(host.state('y.c')).toBe('failed');
  });

  it('refuses a plugin built for another API version, and an invalid manifest, naming why', async () => {
    const { host } = testbed();
    const problems: string[] = [];
    host.onDidReportProblem((p) => problems.push(p.message));
    const refused = await host.add([
      pkg(manifest('old.plugin', { engines: { repertoire: '^2.0.0' } })),
      { packageJson: { name: 'broken', repertoire: { id: 'nodot', version: 'x' } } },
    ]);
    expect(refused.map((r) => r.name)).toEqual(['old.plugin', 'broken']);
    expect(problems[0]).toContain(
      `built for Repertoire API ^2.0.0, but this is API ${API_VERSION}`,
    );
    expect(problems[1]).toMatch(/repertoire\.id: /);
    expect(host.plugins()).toEqual([]);
  });
});

describe('plugin host: permissions', () => {
  it('a plugin without graph.write cannot write, and nothing changes', async () => {
    let ctx: PluginContext | undefined;
    const { host, workspace } = testbed({
      'repertoire.reader': {
        activate: (c) => {
          ctx = c;
        },
      },
    });
    await host.add([
      pkg(
        manifest('repertoire.reader', {
          permissions: ['graph.read'],
          contributes: { entityKinds: [memberKind] },
        }),
      ),
    ]);
    await host.activate('repertoire.reader');
    await expect(
      ctx!.graph.transact((tx) => tx.createEntity({ kind: 'member', title: 'Eve' })),
    ).rejects.toMatchObject({ name: 'PermissionDeniedError', permission: 'graph.write' });
    expect(workspace.entities()).toEqual([]);
    expect(await ctx!.graph.entities()).toEqual([]);
  });

  it('a plugin without graph.read cannot read or subscribe', async () => {
    let ctx: PluginContext | undefined;
    const { host } = testbed({
      'p.none': {
        activate: (c) => {
          ctx = c;
        },
      },
    });
    await host.add([pkg(manifest('p.none'))]);
    await host.activate('p.none');
    await expect(ctx!.graph.entities()).rejects.toThrow(/lacks the "graph.read" permission/);
    expect(() => ctx!.graph.onDidChange(() => {})).toThrow(/graph.read/);
    await expect(ctx!.documents.list()).rejects.toThrow(/documents.read/);
  });

  it('a transaction with one bad edit changes nothing', async () => {
    let ctx: PluginContext | undefined;
    const { host, workspace } = testbed({
      'repertoire.writer': {
        activate: (c) => {
          ctx = c;
        },
      },
    });
    await host.add([
      pkg(
        manifest('repertoire.writer', {
          permissions: ['graph.read', 'graph.write'],
          contributes: {
            entityKinds: [memberKind],
            relationKinds: [
              { type: 'mentors', label: 'mentors', from: ['member'], to: ['member'] },
            ],
          },
        }),
      ),
    ]);
    await host.activate('repertoire.writer');
    await expect(
      ctx!.graph.transact((tx) => {
        const a = tx.createEntity({ kind: 'member', title: 'Ana', fields: { role: 'member' } });
        const b = tx.createEntity({ kind: 'member', title: 'Ben' });
        tx.link(a, 'mentors', b);
        tx.createEntity({ kind: 'member', title: 'Cy', fields: { role: 'boss' } });
      }),
    ).rejects.toThrow(/edits\[3\] \(createEntity\).*role/);
    expect(workspace.entities()).toEqual([]);
    expect(workspace.relations()).toEqual([]);
    const done = await ctx!.graph.transact((tx) => {
      const a = tx.createEntity({ kind: 'member', title: 'Ana' });
      const b = tx.createEntity({ kind: 'member', title: 'Ben' });
      tx.link(a, 'mentors', b);
      return a;
    });
    expect(done.created).toHaveLength(2);
    expect(workspace.relations({ from: done.refs[done.value] as never })).toHaveLength(1);
  });
});

describe('plugin host: failures', () => {
  it('a plugin that throws on activation is reported; the others and the workspace keep working', async () => {
    const { host, ui, workspace } = testbed({
      'repertoire.bad': {
        activate() {
          throw new Error('boom');
        },
      },
      'f.good': {
        activate: (c) =>
          void c.subscriptions.push(c.commands.registerCommand('good.ping', () => 'pong')),
      },
    });
    await host.add([
      pkg(
        manifest('repertoire.bad', {
          activationEvents: ['onStartup'],
          contributes: { entityKinds: [memberKind] },
        }),
      ),
      pkg(
        manifest('f.good', {
          activationEvents: ['onStartup'],
          contributes: { commands: [{ id: 'good.ping', title: 'Ping' }] },
        }),
      ),
    ]);
    await host.start();
    expect(host.state('repertoire.bad')).toBe('failed');
    expect(host.plugins().find((p) => p.id === 'repertoire.bad')?.error).toBe('boom');
    expect(
      ui.notifications.some(
        (n) => n.severity === 'error' && /repertoire\.bad.*boom/.test(n.message),
      ),
    ).toBe(true);
    expect(await host.executeCommand('good.ping')).toBe('pong');
    // Its kinds are data, so the community's members stay editable.
    expect(workspace.createEntity({ kind: 'member', title: 'Ana' }).title).toBe('Ana');
  });

  it('a plugin whose activation never finishes is stopped after the timeout', async () => {
    const { host } = testbed({
      'f.hang': {
        activate: (c) => {
          c.subscriptions.push(c.commands.registerCommand('hang.x', () => 1));
          return new Promise(() => {});
        },
      },
    });
    await host.add([pkg(manifest('f.hang'))]);
    await expect(host.activate('f.hang')).rejects.toThrow(/did not finish activate within 500 ms/);
    expect(host.state('f.hang')).toBe('failed');
    expect(host.commands.size).toBe(0);
  });
});

describe('plugin host: disable, enable, reload', () => {
  it('leaves no registration or listener behind over disable/enable cycles', async () => {
    const mod: PluginModule = {
      activate(c) {
        c.commands.registerCommand('leaky.cmd', () => 1); // deliberately not pushed
        c.subscriptions.push(c.graph.onDidChange(() => {}));
        c.window.createStatusBarItem({ id: 'count', text: '0' });
        c.views.registerViewProvider('leaky.view', {
          resolve: () => ({ type: 'tree', items: [] }),
        });
        c.settings.onDidChange(() => {});
        c.window.onDidChangeSelection(() => {});
      },
    };
    const { host, workspace } = testbed({ 'repertoire.leaky': mod });
    await host.add([
      pkg(
        manifest('repertoire.leaky', {
          activationEvents: ['onStartup'],
          permissions: ['graph.read'],
          contributes: {
            entityKinds: [memberKind],
            views: [{ id: 'leaky.view', name: 'Leaky', location: 'sidebar' }],
            settings: [{ key: 'leaky.on', type: 'boolean', default: true, description: 'On' }],
          },
        }),
      ),
    ]);
    await host.start();
    const sizes = () => [host.commands.size, host.views.size, host.statusBar.size];
    expect(sizes()).toEqual([1, 1, 1]);
    const core = workspace as unknown as { changes: { hasListeners: boolean } };
    for (let i = 0; i < 20; i++) {
      await host.setEnabled('repertoire.leaky', false);
      expect(sizes()).toEqual([0, 0, 0]);
      expect(workspace.kinds.entityKind('member')).toBeUndefined();
      expect(host.contributions.has('repertoire.leaky')).toBe(false);
      await host.setEnabled('repertoire.leaky', true);
      expect(host.state('repertoire.leaky')).toBe('active');
    }
    expect(sizes()).toEqual([1, 1, 1]);
    await host.shutdown();
    expect(sizes()).toEqual([0, 0, 0]);
    expect(core.changes.hasListeners).toBe(false);
  });

  it('the enabled set is a workspace setting another member’s host follows', async () => {
    const { host, workspace } = testbed({ 's.p': { activate: () => {} } });
    const other = testbed({ 's.p': { activate: () => {} } });
    // The second host works on a replica of the same graph document.
    const { applyUpdate, encodeStateAsUpdate } = await import('yjs');
    workspace.doc.on('update', (u: Uint8Array) => applyUpdate(other.doc, u));
    applyUpdate(other.doc, encodeStateAsUpdate(workspace.doc));
    await host.add([pkg(manifest('s.p'))]);
    await other.host.add([pkg(manifest('s.p'))]);
    expect(other.host.state('s.p')).toBe('inactive');
    await host.setEnabled('s.p', false);
    await new Promise((r) => setTimeout(r, 10));
    expect(other.host.state('s.p')).toBe('disabled');
  });

  it('reloads a plugin in development: new code and new manifest, no page reload', async () => {
    let version = 1;
    const { host } = testbed({
      'r.dev': () => ({
        activate: (c) => {
          const v = version;
          c.subscriptions.push(c.commands.registerCommand('dev.version', () => v));
        },
      }),
    });
    await host.add([pkg(manifest('r.dev', { activationEvents: ['onStartup'] }))]);
    await host.start();
    expect(await host.executeCommand('dev.version')).toBe(1);
    version = 2;
    await host.reload(
      'r.dev',
      pkg(
        manifest('r.dev', {
          activationEvents: ['onStartup'],
          contributes: { commands: [{ id: 'dev.version', title: 'Version' }] },
        }),
      ),
    );
    expect(await host.executeCommand('dev.version')).toBe(2);
    expect(host.contributions.commands().map((c) => c.id)).toEqual(['dev.version']);
    expect(host.commands.size).toBe(1);
  });

  it('settings read their declared default and refuse values of the wrong type', async () => {
    let ctx: PluginContext | undefined;
    const { host } = testbed({
      'st.p': {
        activate: (c) => {
          ctx = c;
        },
      },
    });
    await host.add([
      pkg(
        manifest('st.p', {
          contributes: {
            settings: [
              {
                key: 'st.cadence',
                type: 'enum',
                default: 'fortnightly',
                options: ['weekly', 'fortnightly'],
                description: 'Meeting cadence',
              },
            ],
          },
        }),
      ),
    ]);
    await host.activate('st.p');
    const seen: unknown[] = [];
    ctx!.settings.onDidChange((e) => seen.push(e));
    expect(await ctx!.settings.get('st.cadence')).toBe('fortnightly');
    await expect(ctx!.settings.update('st.cadence', 'daily')).rejects.toThrow(
      /one of weekly, fortnightly/,
    );
    await ctx!.settings.update('st.cadence', 'weekly');
    expect(await ctx!.settings.get('st.cadence')).toBe('weekly');
    expect(seen).toEqual([{ key: 'st.cadence', value: 'weekly' }]);
    await ctx!.storage.set('last', { a: 1 });
    expect(await ctx!.storage.get('last')).toEqual({ a: 1 });
  });
});
