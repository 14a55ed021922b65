import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CustomViewContext, CustomViewElement } from '@repertoire/plugin-api';
import { describe, expect, it } from 'vitest';
import { createNodeSandbox } from './sandbox/nodeSandbox.ts';
import { manifest, pkg, testbed } from './testbed.ts';

const views = {
  views: [{ id: 'canvas.main', name: 'Canvas', location: 'editor' as const }],
};

describe('custom views', () => {
  it('an in-page plugin mounts its own view, and disabling the plugin removes it', async () => {
    const mounted: string[] = [];
    const { host } = testbed({
      'builtin.canvas': {
        activate(ctx) {
          ctx.subscriptions.push(
            ctx.views.registerCustomView('canvas.main', {
              documentEditor: true,
              mount(_element, context) {
                mounted.push(context.entityId ?? 'none');
                return { dispose: () => mounted.push('gone') };
              },
            }),
          );
        },
      },
    });
    await host.add([
      pkg(manifest('builtin.canvas', { activationEvents: ['onStartup'], contributes: views })),
    ]);
    await host.start();
    const entry = host.customViews.get('canvas.main');
    expect(entry?.pluginId).toBe('builtin.canvas');
    expect(host.customViews.documentEditor()?.viewId).toBe('canvas.main');
    const view = entry?.provider.mount(
      { nodeType: 1 } as CustomViewElement,
      {
        entityId: 'doc-1',
      } as CustomViewContext,
    );
    view?.dispose();
    expect(mounted).toEqual(['doc-1', 'gone']);
    await host.setEnabled('builtin.canvas', false);
    expect(host.customViews.size).toBe(0);
  });

  it('a home section is a declared view with location "home", activated by its view and gone when disabled', async () => {
    const { host } = testbed({
      'builtin.phase': {
        activate(ctx) {
          ctx.views.registerCustomView('phase.home', { mount: () => ({ dispose() {} }) });
        },
      },
    });
    await host.add([
      pkg(
        manifest('builtin.phase', {
          activationEvents: ['onView:phase.home'],
          contributes: { views: [{ id: 'phase.home', name: 'Phase', location: 'home', order: 5 }] },
        }),
      ),
    ]);
    await host.start();
    expect(host.contributions.views('home').map((v) => [v.id, v.order])).toEqual([
      ['phase.home', 5],
    ]);
    expect(host.customViews.get('phase.home')).toBeUndefined();
    // The home page asks for its sections by their views' activation events.
    await host.activateByEvent('onView:phase.home');
    expect(host.customViews.get('phase.home')?.pluginId).toBe('builtin.phase');
    await host.setEnabled('builtin.phase', false);
    expect(host.contributions.views('home')).toEqual([]);
    expect(host.customViews.size).toBe(0);
  });

  it('a plugin cannot render a view its manifest does not declare', async () => {
    const { host } = testbed({
      'builtin.rogue': {
        activate(ctx) {
          ctx.views.registerCustomView('canvas.main', { mount: () => ({ dispose() {} }) });
        },
      },
    });
    await host.add([pkg(manifest('builtin.rogue', { activationEvents: ['onStartup'] }))]);
    await host.start();
    expect(host.state('builtin.rogue')).toBe('failed');
    expect(host.plugins()[0]?.error).toMatch(/does not declare it in contributes.views/);
    expect(host.customViews.size).toBe(0);
  });

  it('a sandboxed plugin that tries gets a clear error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repertoire-custom-view-'));
    writeFileSync(
      join(dir, 'canvas.js'),
      `export async function activate(ctx) {
        ctx.views.registerCustomView('canvas.main', { mount: () => ({ dispose() {} }) });
      }`,
    );
    const { host } = testbed({}, { createSandbox: createNodeSandbox, timeoutMs: 2000 });
    try {
      await host.add([
        pkg(
          manifest('third.canvas', {
            main: './canvas.js',
            activationEvents: ['onStartup'],
            contributes: views,
          }),
          false,
          `${pathToFileURL(dir).href}/`,
        ),
      ]);
      await host.setEnabled('third.canvas', true);
      await host.start();
      expect(host.state('third.canvas')).toBe('failed');
      expect(host.plugins()[0]?.error).toMatch(
        /runs in the sandbox and cannot render custom view canvas\.main: only trusted built-in plugins may/,
      );
      expect(host.customViews.size).toBe(0);
    } finally {
      await host.shutdown();
    }
  });
});
