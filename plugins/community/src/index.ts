import {
  argOrAsk,
  type JsonValue,
  naturalCompare,
  type PluginContext,
  pickEntity,
  type TreeItem,
} from '@repertoire/plugin-api';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };

/** Roles a member can have, in the order the Community roles view lists them. */
export const ROLES = ['coordinator', 'facilitator', 'member', 'sponsor', 'guest'] as const;

/** Activates the community plugin: member commands and the Community roles view (the workspace's own Members view, with accounts and permissions, is the shell's). */
export function activate(context: PluginContext): void {
  const { commands, graph, window, views, subscriptions } = context;

  subscriptions.push(
    commands.registerCommand('community.addMember', async (name?: JsonValue, role?: JsonValue) => {
      const title = await argOrAsk(name, () =>
        window.showInputBox({ title: 'Add member', placeholder: 'Full name' }),
      );
      if (!title) return undefined;
      const chosen = await argOrAsk(
        role,
        async () =>
          (
            await window.showQuickPick(
              ROLES.map((r) => ({ label: r })),
              { title: `Role of ${title}` },
            )
          )?.label,
      );
      const { created } = await graph.transact((tx) =>
        tx.createEntity({
          kind: 'member',
          title,
          fields: {
            role: chosen ?? 'member',
            joined: new Date().toISOString().slice(0, 10),
          },
        }),
      );
      return created[0];
    }),
    commands.registerCommand(
      'community.linkMentor',
      async (mentor?: JsonValue, mentee?: JsonValue) => {
        const from = await argOrAsk(mentor, () =>
          pickEntity(context, { kind: 'member', title: 'Who mentors?' }),
        );
        if (!from) return false;
        const to = await argOrAsk(mentee, () =>
          pickEntity(context, { kind: 'member', title: 'Whom do they mentor?', exclude: [from] }),
        );
        if (!to) return false;
        await graph.transact((tx) => tx.link(from, 'mentors', to));
        return true;
      },
    ),
    commands.registerCommand('community.setRole', async (member?: JsonValue, role?: JsonValue) => {
      const id = await argOrAsk(member, () => pickEntity(context, { kind: 'member' }));
      if (!id) return false;
      const next = await argOrAsk(
        role,
        async () =>
          (
            await window.showQuickPick(
              ROLES.map((r) => ({ label: r })),
              { title: 'New role' },
            )
          )?.label,
      );
      if (!next) return false;
      await graph.transact((tx) => tx.updateEntity(id, { fields: { role: next } }));
      return true;
    }),
    views.registerViewProvider('community.roles', {
      resolve: async () => ({
        type: 'tree',
        items: membersByRole(await graph.entities({ kind: 'member' })),
      }),
      onDidChange: (listener) => graph.onDidChange(() => listener()),
    }),
  );
}

/** Groups members by role for the Community roles view. */
export function membersByRole(
  members: readonly { id: string; title: string; fields: Record<string, JsonValue> }[],
): TreeItem[] {
  return ROLES.map((role) => ({
    id: `role:${role}`,
    label: `${role[0]?.toUpperCase()}${role.slice(1)}s`,
    children: members
      .filter((m) => (m.fields.role ?? 'member') === role)
      .sort((a, b) => naturalCompare(a.title, b.title))
      .map((m) => ({ id: m.id, label: m.title, entityId: m.id, icon: 'person' })),
  })).filter((group) => (group.children?.length ?? 0) > 0);
}
