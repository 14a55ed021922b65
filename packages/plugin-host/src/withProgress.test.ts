import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Emitter } from '@repertoire/plugin-api';
import { describe, expect, it } from 'vitest';
import type { HeadlessUi } from './headless.ts';
import { createNodeSandbox } from './sandbox/nodeSandbox.ts';
import type { ProgressHandle } from './services.ts';
import { manifest, pkg, testbed } from './testbed.ts';

/** A screen's progress bars, as the workbench would show them; `cancel` is the member's click. */
function withBars(ui: HeadlessUi) {
  const bars: { title: string; reports: object[]; open: boolean; cancel(): void }[] = [];
  ui.showProgress = (_source, options): ProgressHandle => {
    const cancelled = new Emitter<void>();
    const bar = {
      title: options.title,
      reports: [] as object[],
      open: true,
      cancel: () => cancelled.fire(undefined),
    };
    bars.push(bar);
    return {
      report: (value) => bar.reports.push(value),
      onDidCancel: cancelled.event,
      close: () => {
        bar.open = false;
      },
    };
  };
  return bars;
}

const commands = { commands: [{ id: 'long.run', title: 'Run' }] };

describe('window.withProgress', () => {
  it('shows the bar, hands Cancel to the task, and closes the bar however the task ends', async () => {
    let bars: ReturnType<typeof withBars> = [];
    const { host, ui } = testbed({
      'builtin.long': {
        activate(ctx) {
          ctx.subscriptions.push(
            ctx.commands.registerCommand('long.run', (fail) =>
              ctx.window.withProgress({ title: 'Working', cancellable: true }, async (p, token) => {
                p.report({ increment: 50, message: 'half way' });
                bars[0]?.cancel();
                if (fail) throw new Error('broke');
                return token.isCancellationRequested ? 'stopped' : 'finished';
              }),
            ),
          );
        },
      },
    });
    bars = withBars(ui);
    await host.add([pkg(manifest('builtin.long', { contributes: commands }))]);
    await host.start();
    expect(await host.executeCommand('long.run', false)).toBe('stopped');
    expect(bars[0]).toMatchObject({
      title: 'Working',
      open: false,
      reports: [{ increment: 50, message: 'half way' }],
    });
    await expect(host.executeCommand('long.run', true)).rejects.toThrow('broke');
    expect(bars[1]?.open).toBe(false);
  });

  it('runs the task without a bar where the host has no screen', async () => {
    const { host } = testbed({
      'builtin.long': {
        activate(ctx) {
          ctx.subscriptions.push(
            ctx.commands.registerCommand('long.run', () =>
              ctx.window.withProgress({ title: 'Working' }, async (p, token) => {
                p.report({ increment: 10 });
                return token.isCancellationRequested;
              }),
            ),
          );
        },
      },
    });
    await host.add([pkg(manifest('builtin.long', { contributes: commands }))]);
    await host.start();
    expect(await host.executeCommand('long.run')).toBe(false);
  });

  it('reaches a sandboxed task, which learns of Cancel at its next report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repertoire-progress-'));
    writeFileSync(
      join(dir, 'long.js'),
      `export function activate(ctx) {
        ctx.subscriptions.push(ctx.commands.registerCommand('long.run', () =>
          ctx.window.withProgress({ title: 'Counting', cancellable: true }, async (p, token) => {
            for (let i = 0; i < 500; i++) {
              if (token.isCancellationRequested) return 'stopped after ' + i;
              p.report({ increment: 0.1, message: 'step ' + i });
              await new Promise((r) => setTimeout(r, 5));
            }
            return 'never stopped';
          })));
      }`,
    );
    const { host, ui } = testbed({}, { createSandbox: createNodeSandbox, timeoutMs: 5000 });
    const bars = withBars(ui);
    await host.add([
      pkg(
        manifest('third.long', { main: './long.js', contributes: commands }),
        false,
        `${pathToFileURL(dir).href}/`,
      ),
    ]);
    await host.setEnabled('third.long', true);
    await host.start();
    const run = host.executeCommand('long.run');
    await expect.poll(() => bars[0]?.reports.length ?? 0).toBeGreaterThan(2);
    bars[0]?.cancel();
    expect(await run).toMatch(/^stopped after \d+$/);
    await expect.poll(() => bars[0]?.open).toBe(false);
    await host.shutdown();
  });

  it('shows only views the plugin declares, and says so where there is no screen', async () => {
    const { host, ui } = testbed({
      'builtin.views': {
        activate(ctx) {
          ctx.subscriptions.push(
            ctx.commands.registerCommand('long.run', async (viewId) => {
              try {
                await ctx.window.showView(String(viewId));
                return 'shown';
              } catch (error) {
                return (error as Error).message;
              }
            }),
          );
        },
      },
    });
    await host.add([
      pkg(
        manifest('builtin.views', {
          contributes: {
            ...commands,
            views: [{ id: 'views.main', name: 'Main', location: 'editor' }],
          },
        }),
      ),
    ]);
    await host.start();
    expect(await host.executeCommand('long.run', 'other.view')).toMatch(
      /cannot show view other\.view: its manifest does not declare it/,
    );
    expect(await host.executeCommand('long.run', 'views.main')).toMatch(/no screen/);
    const opened: string[] = [];
    ui.openView = async (viewId) => {
      opened.push(viewId);
    };
    expect(await host.executeCommand('long.run', 'views.main')).toBe('shown');
    expect(opened).toEqual(['views.main']);
  });
});
