import { z } from 'zod';
import { ApiError } from './errors.ts';
import { newId } from './ids.ts';
import {
  changePluginState,
  type PluginStateRecord,
  parsePluginStates,
  serializePluginStates,
} from './pluginStates.ts';
import type { SqlDatabase } from './sqlDatabase.ts';
import { parseInput } from './validate.ts';
import {
  enabledPluginsSchema,
  invitationInputSchema,
  roleSchema,
  workspaceNameSchema,
} from './workspaceInput.ts';

/** A member's role in one workspace, from most to least powerful. */
export type Role = 'owner' | 'editor' | 'viewer';

const RANK: Record<Role, number> = { owner: 3, editor: 2, viewer: 1 };

/** Whether `role` is at least `needed`. */
export function atLeast(role: Role | null, needed: Role): boolean {
  return role !== null && RANK[role] >= RANK[needed];
}

export interface WorkspaceSummary {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** A member's new role in a workspace, or `null` when they were removed. */
export interface MemberChange {
  workspaceId: string;
  userId: string;
  role: Role | null;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
}

export interface InvitationRecord {
  token: string;
  workspaceId: string;
  workspaceName: string;
  role: 'editor' | 'viewer';
  expiresAt: string;
  usesLeft: number;
}

function checkName(name: unknown): string {
  return parseInput(z.object({ name: workspaceNameSchema }), { name }).name;
}

/** Workspaces, their members with roles, and invitation links. */
export class WorkspaceStore {
  readonly #db: SqlDatabase;
  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  /** Creates a workspace owned by `ownerId` (or with no member, for the CLI's import). */
  async create(
    name: unknown,
    ownerId: string | null,
    id: string = newId('w'),
  ): Promise<WorkspaceSummary> {
    const checked = checkName(name);
    const createdAt = new Date().toISOString();
    await this.#db.transaction(async () => {
      await this.#db
        .prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)')
        .run(id, checked, createdAt);
      if (ownerId)
        await this.#db
          .prepare(
            'INSERT INTO members (workspace_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)',
          )
          .run(id, ownerId, 'owner', createdAt);
    });
    return { id, name: checked, role: 'owner', createdAt };
  }

  async exists(id: string): Promise<boolean> {
    return (await this.#db.prepare('SELECT 1 FROM workspaces WHERE id = ?').get(id)) !== undefined;
  }

  /** Every workspace (for the CLI), with the member count. */
  async all(): Promise<{ id: string; name: string; createdAt: string; members: number }[]> {
    return (await this.#db
      .prepare(
        'SELECT w.id, w.name, w.created_at AS createdAt, (SELECT COUNT(*) FROM members m WHERE m.workspace_id = w.id) AS members FROM workspaces w ORDER BY w.created_at',
      )
      .all()) as { id: string; name: string; createdAt: string; members: number }[];
  }

  /** The workspaces `userId` belongs to, with their role in each. */
  async forUser(userId: string): Promise<WorkspaceSummary[]> {
    return (await this.#db
      .prepare(
        'SELECT w.id, w.name, m.role, w.created_at AS createdAt FROM members m JOIN workspaces w ON w.id = m.workspace_id WHERE m.user_id = ? ORDER BY w.created_at',
      )
      .all(userId)) as unknown as WorkspaceSummary[];
  }

  /** The role of `userId` in `workspaceId`, or null when not a member. */
  async role(workspaceId: string, userId: string): Promise<Role | null> {
    const row = (await this.#db
      .prepare('SELECT role FROM members WHERE workspace_id = ? AND user_id = ?')
      .get(workspaceId, userId)) as { role: Role } | undefined;
    return row?.role ?? null;
  }

  async summary(workspaceId: string, userId: string): Promise<WorkspaceSummary | null> {
    const row = (await this.#db
      .prepare(
        'SELECT w.id, w.name, m.role, w.created_at AS createdAt FROM members m JOIN workspaces w ON w.id = m.workspace_id WHERE w.id = ? AND m.user_id = ?',
      )
      .get(workspaceId, userId)) as WorkspaceSummary | undefined;
    return row ?? null;
  }

  async name(workspaceId: string): Promise<string | null> {
    const row = (await this.#db
      .prepare('SELECT name FROM workspaces WHERE id = ?')
      .get(workspaceId)) as { name: string } | undefined;
    return row?.name ?? null;
  }

  async members(workspaceId: string): Promise<Member[]> {
    return (await this.#db
      .prepare(
        'SELECT m.user_id AS userId, u.email, u.name, m.role, m.joined_at AS joinedAt FROM members m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ? ORDER BY m.joined_at',
      )
      .all(workspaceId)) as unknown as Member[];
  }

  readonly #memberListeners = new Set<(change: MemberChange) => void>();

  /**
   * Calls `listener` after each committed role change or removal (the server applies it to open
   * connections at once); returns the function that stops calling it.
   */
  onDidChangeMember(listener: (change: MemberChange) => void): () => void {
    this.#memberListeners.add(listener);
    return () => this.#memberListeners.delete(listener);
  }

  #memberChanged(change: MemberChange): void {
    for (const listener of this.#memberListeners) listener(change);
  }

  /** Adds or changes a member; refuses to leave a workspace without an owner. */
  async setRole(workspaceId: string, userId: string, input: unknown): Promise<void> {
    const { role } = parseInput(z.object({ role: roleSchema }), { role: input });
    await this.#db.transaction(async () => {
      const current = await this.role(workspaceId, userId);
      if (current === 'owner' && role !== 'owner' && (await this.#owners(workspaceId)) <= 1)
        throw new ApiError('conflict', 'the last owner cannot be demoted', 'role');
      await this.#db
        .prepare(
          'INSERT INTO members (workspace_id, user_id, role, joined_at) VALUES (?, ?, ?, ?) ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role',
        )
        .run(workspaceId, userId, role, new Date().toISOString());
    });
    this.#memberChanged({ workspaceId, userId, role });
  }

  async removeMember(workspaceId: string, userId: string): Promise<void> {
    await this.#db.transaction(async () => {
      if (
        (await this.role(workspaceId, userId)) === 'owner' &&
        (await this.#owners(workspaceId)) <= 1
      )
        throw new ApiError('conflict', 'the last owner cannot leave', 'userId');
      await this.#db
        .prepare('DELETE FROM members WHERE workspace_id = ? AND user_id = ?')
        .run(workspaceId, userId);
    });
    this.#memberChanged({ workspaceId, userId, role: null });
  }

  async #owners(workspaceId: string): Promise<number> {
    return (
      (await this.#db
        .prepare("SELECT COUNT(*) AS n FROM members WHERE workspace_id = ? AND role = 'owner'")
        .get(workspaceId)) as { n: number }
    ).n;
  }

  /** Every plugin with a recorded state in the workspace (see `pluginStates.ts`). */
  async pluginStates(workspaceId: string): Promise<PluginStateRecord[]> {
    return [...(await this.#readPluginStates(workspaceId)).values()];
  }

  /** The ids of the plugins recorded as on, or `null` when none is recorded (all defaults). */
  async enabledPlugins(workspaceId: string): Promise<string[] | null> {
    const states = await this.pluginStates(workspaceId);
    return states.length === 0 ? null : states.filter((s) => s.enabled).map((s) => s.pluginId);
  }

  /** One member's change to one plugin, checked against their role and the plugin's lock. */
  changePlugin(
    workspaceId: string,
    pluginId: unknown,
    change: unknown,
    actor: { userId: string; role: 'owner' | 'editor' | 'viewer' },
  ): Promise<PluginStateRecord> {
    return this.#db.transaction(async () => {
      const states = await this.#readPluginStates(workspaceId);
      const record = changePluginState(states, pluginId, change, actor, new Date().toISOString());
      await this.#writePluginStates(workspaceId, states);
      return record;
    });
  }

  /**
   * An owner's whole list at once: the listed plugins on, every other recorded one off; `null`
   * forgets every record (each plugin back to its default). Locks are kept.
   */
  setEnabledPlugins(workspaceId: string, input: unknown, userId: string): Promise<string[] | null> {
    const { enabled } = parseInput(z.object({ enabled: enabledPluginsSchema }), {
      enabled: input,
    });
    return this.#db.transaction(async () => {
      if (enabled === null) {
        await this.#writePluginStates(workspaceId, new Map());
        return null;
      }
      const states = await this.#readPluginStates(workspaceId);
      const on = new Set(enabled);
      const actor = { userId, role: 'owner' as const };
      const now = new Date().toISOString();
      for (const id of new Set([...states.keys(), ...on]))
        changePluginState(states, id, { enabled: on.has(id) }, actor, now);
      await this.#writePluginStates(workspaceId, states);
      return [...on];
    });
  }

  async #readPluginStates(workspaceId: string): Promise<Map<string, PluginStateRecord>> {
    const row = (await this.#db
      .prepare('SELECT enabled_plugins FROM workspaces WHERE id = ?')
      .get(workspaceId)) as { enabled_plugins: string | null } | undefined;
    return parsePluginStates(row?.enabled_plugins);
  }

  async #writePluginStates(
    workspaceId: string,
    states: ReadonlyMap<string, PluginStateRecord>,
  ): Promise<void> {
    await this.#db
      .prepare('UPDATE workspaces SET enabled_plugins = ? WHERE id = ?')
      .run(states.size === 0 ? null : serializePluginStates(states), workspaceId);
  }

  /** Makes an invitation link for `role`. */
  async invite(
    workspaceId: string,
    createdBy: string,
    input: { role?: unknown; expiresInHours?: unknown; maxUses?: unknown },
  ): Promise<InvitationRecord> {
    const { role, expiresInHours, maxUses } = parseInput(invitationInputSchema, input);
    const token = newId('i', 24);
    const expiresAt = new Date(Date.now() + expiresInHours * 3_600_000).toISOString();
    await this.#db
      .prepare(
        'INSERT INTO invitations (token, workspace_id, role, created_by, expires_at, uses_left) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(token, workspaceId, role, createdBy, expiresAt, maxUses);
    return {
      token,
      workspaceId,
      workspaceName: (await this.name(workspaceId)) ?? '',
      role,
      expiresAt,
      usesLeft: maxUses,
    };
  }

  /** The invitation behind `token`; `not_found` or `invitation_expired` when it cannot be used. */
  async invitation(token: string): Promise<InvitationRecord> {
    const row = (await this.#db
      .prepare(
        'SELECT i.token, i.workspace_id AS workspaceId, w.name AS workspaceName, i.role, i.expires_at AS expiresAt, i.uses_left AS usesLeft FROM invitations i JOIN workspaces w ON w.id = i.workspace_id WHERE i.token = ?',
      )
      .get(token)) as InvitationRecord | undefined;
    if (!row) throw new ApiError('not_found', 'no such invitation');
    if (row.usesLeft < 1 || row.expiresAt <= new Date().toISOString())
      throw new ApiError('invitation_expired', 'this invitation has expired or was used up');
    return row;
  }

  /** The invitation links of a workspace that can still be used, newest first. */
  async invitations(workspaceId: string): Promise<(InvitationRecord & { createdBy: string })[]> {
    return (await this.#db
      .prepare(
        'SELECT i.token, i.workspace_id AS workspaceId, w.name AS workspaceName, i.role, i.expires_at AS expiresAt, i.uses_left AS usesLeft, i.created_by AS createdBy FROM invitations i JOIN workspaces w ON w.id = i.workspace_id WHERE i.workspace_id = ? AND i.uses_left > 0 AND i.expires_at > ? ORDER BY i.expires_at DESC',
      )
      .all(workspaceId, new Date().toISOString())) as (InvitationRecord & {
      createdBy: string;
    })[];
  }

  /** Revokes an invitation link of `workspaceId`; `not_found` when it has no such link. */
  async revokeInvitation(workspaceId: string, token: string): Promise<void> {
    const { changes } = await this.#db
      .prepare('DELETE FROM invitations WHERE workspace_id = ? AND token = ?')
      .run(workspaceId, token);
    if (Number(changes) === 0) throw new ApiError('not_found', 'no such invitation');
  }

  /** Uses an invitation for `userId`; an existing member keeps the higher of the two roles. */
  accept(token: string, userId: string): Promise<WorkspaceSummary> {
    return this.#db.transaction(async () => {
      const invitation = await this.invitation(token);
      const current = await this.role(invitation.workspaceId, userId);
      if (!atLeast(current, invitation.role)) {
        await this.#db
          .prepare(
            'INSERT INTO members (workspace_id, user_id, role, joined_at) VALUES (?, ?, ?, ?) ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role',
          )
          .run(invitation.workspaceId, userId, invitation.role, new Date().toISOString());
      }
      await this.#db
        .prepare('UPDATE invitations SET uses_left = uses_left - 1 WHERE token = ?')
        .run(token);
      return (await this.summary(invitation.workspaceId, userId)) as WorkspaceSummary;
    });
  }
}
