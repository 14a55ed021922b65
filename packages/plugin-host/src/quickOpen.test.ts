import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PluginContext } from '@repertoire/plugin-api';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeSandbox } from './sandbox/nodeSandbox.ts';
import { manifest, pkg, testbed } from './testbed.ts';

const hosts: { shutdown(): Promise<void> }[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.shutdown();
});

describe('quickOpen.registerProvider (since 1.4)', () => {
  it("asks an in-page plugin's provider and hands the palette only well-formed, bounded results", async () => {
    const opened: string[] = [];
    const { host } = testbed({
      'acme.places': {
        activate(ctx: PluginContext) {
          ctx.subscriptions.push(
            ctx.quickOpen.registerProvider('acme.places', {
              title: 'Places',
              search: (query) => [
                { id: 'p1', label: `Library ${query}`, description: 'room', icon: 'book' },
                { id: '', label: 'no id' },
                { id: 'p2' } as never,
                'garbage' as never,
                { id: 'p3', label: 'Hall', description: 42 as never },
                { id: 'p4', label: 'Yard' },
              ],
              open: (id) => {
                opened.push(id);
              },
            }),
          );
        },
      },
    });
    hosts.push(host);
    await host.add([pkg(manifest('acme.places'))]);
    await host.activate('acme.places');
    const [entry, ...more] = host.quickOpen.all();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ id: 'acme.places', pluginId: 'acme.places' });
    expect(entry?.provider.title).toBe('Places');
    expect(await entry?.provider.search('west', 2)).toEqual([
      { id: 'p1', label: 'Library west', description: 'room', icon: 'book' },
      { id: 'p3', label: 'Hall' },
    ]);
    await entry?.provider.open('p3');
    expect(opened).toEqual(['p3']);
    await host.deactivate('acme.places');
    expect(host.quickOpen.size).toBe(0);
  });

  it('refuses a second provider under the same id, naming both plugins', async () => {
    const provider = { title: 'Things', search: () => [], open: () => undefined };
    let refusal: unknown;
    const { host } = testbed({
      'acme.first': {
        activate: (ctx: PluginContext) => {
          ctx.subscriptions.push(ctx.quickOpen.registerProvider('things', provider));
        },
      },
      'acme.second': {
        activate: (ctx: PluginContext) => {
          try {
            ctx.quickOpen.registerProvider('things', provider);
          } catch (error) {
            refusal = error;
          }
        },
      },
    });
    hosts.push(host);
    await host.add([pkg(manifest('acme.first')), pkg(manifest('acme.second'))]);
    await host.activate('acme.first');
    await host.activate('acme.second');
    expect(refusal).toMatchObject({ name: 'DuplicateContributionError' });
    expect((refusal as Error).message).toBe(
      'Plugin acme.second cannot contribute the quick open provider "things": plugin acme.first already contributes it.',
    );
    expect(host.quickOpen.all().map((e) => e.pluginId)).toEqual(['acme.first']);
  });

  it('answers from a sandboxed plugin over the bridge, and opens what the member picks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repertoire-quickopen-'));
    writeFileSync(
      join(dir, 'places.js'),
      `const opened = [];
      export function activate(ctx) {
        ctx.subscriptions.push(ctx.quickOpen.registerProvider('third.places', {
          title: 'Places',
          search: async (query, limit) => [{ id: 'p1', label: 'Library ' + query + ' ' + limit }],
          open: (id) => { opened.push(id); },
        }));
        ctx.subscriptions.push(ctx.commands.registerCommand('places.opened', () => opened));
      }`,
    );
    const { host } = testbed({}, { createSandbox: createNodeSandbox, timeoutMs: 5000 });
    hosts.push(host);
    await host.add([
      pkg(
        manifest('third.places', {
          main: './places.js',
          activationEvents: ['onStartup'],
          contributes: { commands: [{ id: 'places.opened', title: 'Opened' }] },
        }),
        false,
        `${pathToFileURL(dir).href}/`,
      ),
    ]);
    await host.setEnabled('third.places', true);
    await host.start();
    await expect.poll(() => host.quickOpen.size).toBe(1);
    const entry = host.quickOpen.all()[0];
    expect(entry?.pluginId).toBe('third.places');
    expect(await entry?.provider.search('west', 5)).toEqual([
      { id: 'p1', label: 'Library west 5' },
    ]);
    await entry?.provider.open('p1');
    expect(await host.executeCommand('places.opened')).toEqual(['p1']);
    await host.setEnabled('third.places', false);
    expect(host.quickOpen.size).toBe(0);
  });
});
