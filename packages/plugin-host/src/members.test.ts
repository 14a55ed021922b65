import {
  Emitter,
  type InvitationLinkInfo,
  type MemberInfo,
  type PluginContext,
} from '@repertoire/plugin-api';
import type { PluginPermission } from '@repertoire/schema';
import { afterEach, describe, expect, it } from 'vitest';
import type { PluginHost } from './pluginHost.ts';
import type { MembersBackend } from './services.ts';
import { activatedIn, manifest, pkg, sandboxModule, serviceHost } from './testbed.ts';

const ANA: MemberInfo = {
  userId: 'ana',
  name: 'Ana',
  email: 'ana@school.test',
  role: 'owner',
  joinedAt: '2026-01-05T09:00:00.000Z',
  here: true,
  colour: '#0d74ce',
  you: true,
};
const BEN: MemberInfo = { ...ANA, userId: 'ben', name: 'Ben', role: 'editor', you: false };
const LINK: InvitationLinkInfo = {
  token: 't1',
  url: 'https://repertoire.test/invite/t1',
  role: 'viewer',
  expiresAt: '2026-02-01T00:00:00.000Z',
  usesLeft: 20,
  createdBy: 'ana',
};

/** A backend that records what reaches it: the host's gate is what is under test. */
function recordingBackend(calls: string[]): MembersBackend & { changed: Emitter<void> } {
  const changed = new Emitter<void>();
  return {
    changed,
    onDidChange: changed.event,
    list: async () => {
      calls.push('list');
      return [ANA, BEN];
    },
    setRole: async (userId, role) => {
      calls.push(`setRole ${userId} ${role}`);
      return { ...BEN, role };
    },
    remove: async (userId) => {
      calls.push(`remove ${userId}`);
    },
    invite: async (invitation) => {
      calls.push(`invite ${invitation.role} ${invitation.maxUses ?? '-'}`);
      return LINK;
    },
    invitations: async () => {
      calls.push('invitations');
      return [LINK];
    },
    revokeInvitation: async (token) => {
      calls.push(`revoke ${token}`);
    },
  };
}

const hosts: PluginHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.shutdown();
});

function hostWith(members: MembersBackend | undefined, sandboxed = false) {
  const made = serviceHost(members ? { members } : {}, sandboxed);
  hosts.push(made.host);
  return made;
}

function activated(
  permissions: PluginPermission[],
  members?: MembersBackend,
): Promise<PluginContext> {
  return activatedIn(hostWith(members), 'acme.roster', permissions);
}

describe('members in the plugin API (since 1.4)', () => {
  it('lists with members.read and refuses every change without members.manage', async () => {
    const calls: string[] = [];
    const ctx = await activated(['members.read'], recordingBackend(calls));
    expect((await ctx.members.list()).map((m) => [m.name, m.role, m.here, m.you])).toEqual([
      ['Ana', 'owner', true, true],
      ['Ben', 'editor', true, false],
    ]);
    for (const refused of [
      ctx.members.setRole('ben', 'viewer'),
      ctx.members.remove('ben'),
      ctx.members.invite({ role: 'editor' }),
      ctx.members.invitations(),
      ctx.members.revokeInvitation('t1'),
    ])
      await expect(refused).rejects.toMatchObject({
        name: 'PermissionDeniedError',
        permission: 'members.manage',
      });
    expect(calls).toEqual(['list']);
  });

  it('refuses reading and listening without members.read', async () => {
    const calls: string[] = [];
    const backend = recordingBackend(calls);
    const ctx = await activated(['members.manage'], backend);
    await expect(ctx.members.list()).rejects.toMatchObject({ permission: 'members.read' });
    expect(() => ctx.members.onDidChange(() => undefined)).toThrow(/members\.read/);
    expect(calls).toEqual([]);
  });

  it('passes changes through with members.manage, and refuses malformed ones changing nothing', async () => {
    const calls: string[] = [];
    const ctx = await activated(['members.read', 'members.manage'], recordingBackend(calls));
    expect((await ctx.members.setRole('ben', 'viewer')).role).toBe('viewer');
    await ctx.members.remove('ben');
    expect(await ctx.members.invite({ role: 'viewer', maxUses: 20 })).toEqual(LINK);
    expect(await ctx.members.invitations()).toEqual([LINK]);
    await ctx.members.revokeInvitation('t1');
    await expect(ctx.members.setRole('ben', 'admin' as never)).rejects.toThrow(
      'members.setRole: the role must be one of owner, editor, viewer.',
    );
    await expect(ctx.members.setRole('', 'viewer')).rejects.toThrow(
      'members.setRole: give the user id of a member.',
    );
    await expect(ctx.members.invite({ role: 'owner' as never })).rejects.toThrow(
      /members\.invite: the role must be editor or viewer/,
    );
    await expect(ctx.members.invite({ role: 'editor', maxUses: -1 })).rejects.toThrow(
      'members.invite: maxUses must be a positive whole number.',
    );
    await expect(ctx.members.revokeInvitation(7 as never)).rejects.toThrow(
      'members.revokeInvitation: give the token of an invitation link.',
    );
    expect(calls).toEqual([
      'setRole ben viewer',
      'remove ben',
      'invite viewer 20',
      'invitations',
      'revoke t1',
    ]);
  });

  it('tells a listener when the list changes, until the plugin is deactivated', async () => {
    const calls: string[] = [];
    const backend = recordingBackend(calls);
    const { host, context } = hostWith(backend);
    await host.add([pkg(manifest('acme.roster', { permissions: ['members.read'] }))]);
    await host.activate('acme.roster');
    let heard = 0;
    context()?.members.onDidChange(() => {
      heard += 1;
    });
    backend.changed.fire();
    expect(heard).toBe(1);
    await host.deactivate('acme.roster');
    backend.changed.fire();
    expect(heard).toBe(1);
  });

  it('says so clearly when the workspace has no server to ask', async () => {
    const ctx = await activated(['members.read']);
    await expect(ctx.members.list()).rejects.toThrow(
      'Members are not available in this workspace (it has no server).',
    );
  });
});

describe('members in the Worker sandbox', () => {
  it('reaches a third-party plugin over messages, with the same permission checks', async () => {
    const baseUrl = sandboxModule(
      'roster.js',
      `let heard = 0;
      export function activate(ctx) {
        const run = (id, fn) => ctx.subscriptions.push(ctx.commands.registerCommand(id, async (...a) => {
          try { return { ok: await fn(...a) }; } catch (e) { return { error: e.message }; }
        }));
        run('roster.names', async () => (await ctx.members.list()).map((m) => m.name + ' ' + m.role));
        run('roster.demote', async () => (await ctx.members.setRole('ben', 'viewer')).role);
        run('roster.listen', async () => { ctx.subscriptions.push(ctx.members.onDidChange(() => { heard += 1; })); return true; });
        run('roster.heard', async () => heard);
      }`,
    );
    const calls: string[] = [];
    const backend = recordingBackend(calls);
    const { host } = hostWith(backend, true);
    const commands = ['names', 'demote', 'listen', 'heard'];
    await host.add([
      pkg(
        manifest('third.roster', {
          main: './roster.js',
          activationEvents: commands.map((c) => `onCommand:roster.${c}` as const),
          permissions: ['members.read'],
          contributes: { commands: commands.map((c) => ({ id: `roster.${c}`, title: c })) },
        }),
        false,
        baseUrl,
      ),
    ]);
    await host.setEnabled('third.roster', true);
    expect(await host.executeCommand('roster.names')).toEqual({ ok: ['Ana owner', 'Ben editor'] });
    expect(await host.executeCommand('roster.demote')).toEqual({
      error: expect.stringMatching(/members\.manage/),
    });
    expect(await host.executeCommand('roster.listen')).toEqual({ ok: true });
    // The Worker's subscription lands a message after `roster.listen` returns: fire until heard.
    await expect
      .poll(async () => {
        backend.changed.fire();
        return ((await host.executeCommand('roster.heard')) as { ok: number }).ok;
      })
      .toBeGreaterThan(0);
    expect(calls).toEqual(['list']);
  });
});
