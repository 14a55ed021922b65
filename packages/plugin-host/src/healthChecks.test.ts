import type { HealthCheckOverview, HealthRoundInfo, PluginContext } from '@repertoire/plugin-api';
import type { PluginPermission } from '@repertoire/schema';
import { afterEach, describe, expect, it } from 'vitest';
import type { PluginHost } from './pluginHost.ts';
import type { HealthChecksBackend } from './services.ts';
import { activatedIn, manifest, pkg, sandboxModule, serviceHost } from './testbed.ts';

/** A backend that records what reaches it: the host's gate is what is under test. */
function recordingBackend(calls: string[]): HealthChecksBackend {
  const round = { id: 'r1', title: 'Term 2 check' } as HealthRoundInfo;
  return {
    rounds: async () => {
      calls.push('rounds');
      return { canOpen: false, canAnswer: true, rounds: [round] } as HealthCheckOverview;
    },
    open: async (input) => {
      calls.push(`open ${input.title}`);
      return round;
    },
    close: async (id) => {
      calls.push(`close ${id}`);
      return round;
    },
    answer: async (id) => {
      calls.push(`answer ${id}`);
      return round;
    },
    withdraw: async (id) => {
      calls.push(`withdraw ${id}`);
      return round;
    },
  };
}

const hosts: PluginHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.shutdown();
});

function activated(
  permissions: PluginPermission[],
  healthChecks?: HealthChecksBackend,
): Promise<PluginContext> {
  const made = serviceHost(healthChecks ? { healthChecks } : {});
  hosts.push(made.host);
  return activatedIn(made, 'acme.pulse', permissions);
}

describe('healthChecks in the plugin API', () => {
  it('reads with healthChecks.read and refuses every write without healthChecks.write', async () => {
    const calls: string[] = [];
    const ctx = await activated(['healthChecks.read'], recordingBackend(calls));
    expect((await ctx.healthChecks.rounds()).rounds).toHaveLength(1);
    await expect(ctx.healthChecks.open({ title: 'Term 3 check' })).rejects.toMatchObject({
      name: 'PermissionDeniedError',
      permission: 'healthChecks.write',
    });
    await expect(ctx.healthChecks.answer('r1', { scores: {} as never })).rejects.toMatchObject({
      permission: 'healthChecks.write',
    });
    await expect(ctx.healthChecks.close('r1')).rejects.toMatchObject({
      permission: 'healthChecks.write',
    });
    expect(calls).toEqual(['rounds']);
  });

  it('refuses reading without healthChecks.read', async () => {
    const calls: string[] = [];
    const ctx = await activated(['graph.read'], recordingBackend(calls));
    await expect(ctx.healthChecks.rounds()).rejects.toMatchObject({
      permission: 'healthChecks.read',
    });
    expect(calls).toEqual([]);
  });

  it('passes writes through with healthChecks.write, and refuses a round id that is not one', async () => {
    const calls: string[] = [];
    const ctx = await activated(
      ['healthChecks.read', 'healthChecks.write'],
      recordingBackend(calls),
    );
    await ctx.healthChecks.open({ title: 'Term 3 check' });
    await ctx.healthChecks.answer('r1', { scores: {} as never });
    await ctx.healthChecks.withdraw('r1');
    await ctx.healthChecks.close('r1');
    await expect(ctx.healthChecks.close('' as string)).rejects.toThrow(
      'healthChecks.close: give the id of a health-check round.',
    );
    expect(calls).toEqual(['open Term 3 check', 'answer r1', 'withdraw r1', 'close r1']);
  });

  it('says so clearly when the workspace has no health checks', async () => {
    const ctx = await activated(['healthChecks.read']);
    await expect(ctx.healthChecks.rounds()).rejects.toThrow(
      'Health checks are not available in this workspace.',
    );
  });
});

describe('healthChecks in the Worker sandbox', () => {
  it('reaches a third-party plugin over messages, with the same permission checks', async () => {
    const baseUrl = sandboxModule(
      'pulse.js',
      `export function activate(ctx) {
        ctx.subscriptions.push(ctx.commands.registerCommand('pulse.titles', async () =>
          (await ctx.healthChecks.rounds()).rounds.map((r) => r.title)));
        ctx.subscriptions.push(ctx.commands.registerCommand('pulse.answer', async () => {
          try {
            await ctx.healthChecks.answer('r1', { scores: {} });
            return 'answered';
          } catch (error) {
            return error.message;
          }
        }));
      }`,
    );
    const calls: string[] = [];
    const { host } = serviceHost({ healthChecks: recordingBackend(calls) }, true);
    hosts.push(host);
    await host.add([
      pkg(
        manifest('third.pulse', {
          main: './pulse.js',
          activationEvents: ['onCommand:pulse.titles', 'onCommand:pulse.answer'],
          permissions: ['healthChecks.read'],
          contributes: {
            commands: [
              { id: 'pulse.titles', title: 'Titles' },
              { id: 'pulse.answer', title: 'Answer' },
            ],
          },
        }),
        false,
        baseUrl,
      ),
    ]);
    await host.setEnabled('third.pulse', true);
    expect(await host.executeCommand('pulse.titles')).toEqual(['Term 2 check']);
    expect(await host.executeCommand('pulse.answer')).toMatch(/healthChecks\.write/);
    expect(calls).toEqual(['rounds']);
  });
});
