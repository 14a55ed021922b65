import { Icon } from '@repertoire/icons';
import type { ApiClient, User, WorkspaceSummary } from '@repertoire/sync';
import { type FormEvent, useState } from 'react';
import { Card, TextField } from './AuthScreen.tsx';

/** Lists the user's workspaces to open one, and creates a new one. */
export function WorkspaceChooser(props: {
  api: ApiClient;
  user: User;
  workspaces: readonly WorkspaceSummary[];
  onOpen: (workspace: WorkspaceSummary) => void;
  onSignOut: () => void;
  /** Opens the account page (password, other sessions). */
  onAccount?: () => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError('Give the workspace a name, e.g. your community’s.');
    setBusy(true);
    try {
      props.onOpen(await props.api.createWorkspace(name.trim()));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const none = props.workspaces.length === 0;
  return (
    <Card
      wide
      title={none ? `Welcome, ${props.user.name}` : 'Your workspaces'}
      subtitle={
        none
          ? 'A workspace holds one community: its members, problems of practice, practices and artifacts. Create one, or open an invitation link someone sent you.'
          : 'Open a community, or start a new one.'
      }
    >
      {none ? null : (
        <ul className="rp-workspace-list" aria-label="Workspaces">
          {props.workspaces.map((w) => (
            <li key={w.id}>
              <button type="button" className="rp-workspace-item" onClick={() => props.onOpen(w)}>
                <span className="rp-workspace-icon" aria-hidden="true">
                  {w.name.slice(0, 1).toUpperCase()}
                </span>
                <span className="rp-workspace-name">{w.name}</span>
                <span className="rp-role" data-role={w.role}>
                  {w.role}
                </span>
                <Icon name="chevron-right" size={16} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={create} className="rp-auth-form rp-create-workspace" noValidate>
        <TextField
          name="workspace"
          label="New workspace"
          value={name}
          error={error}
          autoFocus={none}
          onChange={(v) => {
            setName(v);
            setError(undefined);
          }}
        />
        <button type="submit" className="rp-button" disabled={busy}>
          <Icon name="plus" size={14} /> Create workspace
        </button>
      </form>
      <p className="rp-auth-switch">
        Signed in as {props.user.email}.{' '}
        {props.onAccount ? (
          <>
            <button type="button" className="rp-link-button" onClick={props.onAccount}>
              Your account
            </button>{' '}
            ·{' '}
          </>
        ) : null}
        <button type="button" className="rp-link-button" onClick={props.onSignOut}>
          Sign out
        </button>
      </p>
    </Card>
  );
}
