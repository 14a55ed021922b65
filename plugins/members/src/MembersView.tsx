import { Icon } from '@repertoire/icons';
import type { MemberInfo, MemberRole, PluginContext } from '@repertoire/plugin-api';
import { useCallback, useEffect, useState } from 'react';
import { InvitationLinks } from './InvitationLinks.tsx';
import { MEMBERS_CSS } from './membersStyles.ts';
import { ROLE_HELP, ROLES } from './roles.ts';

/**
 * Who belongs to the workspace, with roles (owners change them), who is here now, and the
 * owner's invitation links; everything through the plugin API's `members`.
 */
export function MembersView(props: { plugin: PluginContext }) {
  const { members, window, commands } = props.plugin;
  const [list, setList] = useState<MemberInfo[]>();
  const [error, setError] = useState<string>();
  // Bumped when the list changed through the API, so the owner's list of links follows.
  const [version, setVersion] = useState(0);
  const load = useCallback(() => {
    members.list().then(
      (m) => {
        setList(m);
        setError(undefined);
        setVersion((n) => n + 1);
      },
      (e: Error) => setError(`Could not read the members: ${e.message}`),
    );
  }, [members]);
  useEffect(() => {
    load();
    const changes = members.onDidChange(load);
    return () => changes.dispose();
  }, [members, load]);

  const me = list?.find((m) => m.you);
  const isOwner = me?.role === 'owner';
  const setRole = async (m: MemberInfo, role: MemberRole) => {
    try {
      await members.setRole(m.userId, role);
    } catch (e) {
      await window.showNotification(`Could not change ${m.name}'s role: ${(e as Error).message}`, {
        severity: 'error',
      });
      load();
    }
  };

  return (
    <div className="rp-members">
      <style>{MEMBERS_CSS}</style>
      {isOwner ? (
        <div className="rp-members-invite">
          <button
            type="button"
            className="rp-button rp-button-small"
            onClick={() => void commands.executeCommand('members.invite')}
          >
            <Icon name="user-plus" size={14} /> Invite people
          </button>
        </div>
      ) : null}
      {error ? <p className="rp-empty rp-error">{error}</p> : null}
      {!list && !error ? <p className="rp-empty">Loading members…</p> : null}
      <ul className="rp-member-list" aria-label="Members">
        {list?.map((m) => (
          <li key={m.userId} className="rp-member">
            <span className="rp-avatar" style={{ background: m.colour }} aria-hidden="true">
              {m.name.slice(0, 1).toUpperCase()}
              {m.here ? <span className="rp-online" title="Here now" /> : null}
            </span>
            <span className="rp-member-name">
              {m.name}
              {m.you ? <span className="rp-muted"> (you)</span> : null}
              {m.here && !m.you ? <span className="rp-visually-hidden"> (here now)</span> : null}
              <span className="rp-member-email">{m.email}</span>
            </span>
            {isOwner && !m.you ? (
              <select
                className="rp-role-select"
                aria-label={`Role of ${m.name}`}
                value={m.role}
                onChange={(e) => void setRole(m, e.target.value as MemberRole)}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            ) : (
              <span className="rp-role" data-role={m.role} title={ROLE_HELP[m.role]}>
                {m.role}
              </span>
            )}
          </li>
        ))}
      </ul>
      {isOwner ? (
        <InvitationLinks plugin={props.plugin} version={version} members={list ?? []} />
      ) : null}
    </div>
  );
}
