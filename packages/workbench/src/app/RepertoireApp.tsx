import type { ApiClient, User, WorkspaceSummary } from '@repertoire/sync';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { AccountSettings } from '../account/AccountSettings.tsx';
import { AuthScreen, Card } from '../account/AuthScreen.tsx';
import { WorkspaceChooser } from '../account/WorkspaceChooser.tsx';
import { WorkspaceSession } from '../account/workspaceSession.ts';
import { CommunityProvider } from '../community/communityContext.tsx';
import { EntityCatalog } from '../community/entityCatalog.ts';
import {
  type AccountActions,
  openStartingPage,
  registerCommunity,
} from '../community/registerCommunity.ts';
import type { Disposable } from '../services/disposable.ts';
import { localSettingsStorage } from '../services/settings.ts';
import { createWorkbenchServices, type WorkbenchServices } from '../services/workbenchServices.ts';
import { registerShellContributions } from '../shell/shellContributions.ts';
import { Workbench } from '../shell/Workbench.tsx';

/** What the app adds to each opened workspace, e.g. the plugin host and its contributions. */
export type WorkspaceSetup = (
  services: WorkbenchServices,
  session: WorkspaceSession,
  /** `joined`: the member accepted an invitation just now (plugins may greet them). */
  opened?: { readonly joined: boolean },
) => Disposable | Promise<Disposable>;

type Screen =
  | { name: 'loading' }
  | { name: 'signedOut'; note?: string }
  | { name: 'choose'; user: User; workspaces: WorkspaceSummary[] }
  | { name: 'account'; user: User; workspaces: WorkspaceSummary[] }
  | { name: 'opening'; user: User; workspace: WorkspaceSummary; joined?: boolean }
  | { name: 'open'; user: User; session: WorkspaceSession; joined?: boolean }
  | { name: 'error'; message: string };

const LAST = 'repertoire.lastWorkspace';
const inviteToken = () => /^\/invite\/([^/]+)/.exec(location.pathname)?.[1];

/**
 * The whole web app: sign in or up, accept an invitation link, choose or create a workspace, then
 * the workbench over it. `setup` wires what the app composes (plugins) into each workspace.
 */
export function RepertoireApp(props: { api: ApiClient; setup?: WorkspaceSetup }) {
  const { api } = props;
  const [screen, setScreen] = useState<Screen>({ name: 'loading' });

  const afterSignIn = useCallback(
    async (user: User) => {
      const token = inviteToken();
      if (token) {
        try {
          const joined = await api.acceptInvitation(token);
          history.replaceState(null, '', `/w/${joined.id}`);
          setScreen({ name: 'opening', user, workspace: joined, joined: true });
          return;
        } catch (e) {
          history.replaceState(null, '', '/');
          setScreen({
            name: 'error',
            message: `This invitation cannot be used: ${(e as Error).message}`,
          });
          return;
        }
      }
      const workspaces = await api.workspaces();
      const wanted = /^\/w\/([^/]+)/.exec(location.pathname)?.[1] ?? localStorage.getItem(LAST);
      // With a single workspace there is nothing to choose: open it (a newcomer meets it at once).
      const found =
        workspaces.find((w) => w.id === wanted) ??
        (workspaces.length === 1 ? workspaces[0] : undefined);
      if (found) setScreen({ name: 'opening', user, workspace: found });
      else setScreen({ name: 'choose', user, workspaces });
    },
    [api],
  );

  useEffect(() => {
    (async () => {
      const me = await api.me();
      if (me) return afterSignIn(me.user);
      const token = inviteToken();
      if (token) {
        const invitation = await api.invitation(token).catch(() => undefined);
        return setScreen({
          name: 'signedOut',
          note: invitation
            ? `You are invited to join ${invitation.workspaceName} as ${invitation.role === 'editor' ? 'an editor' : 'a viewer'}. Sign in or create an account to accept.`
            : 'This invitation link has expired or was already used. Ask for a new one.',
        });
      }
      setScreen({ name: 'signedOut' });
    })().catch((e: Error) =>
      setScreen({ name: 'error', message: `Cannot reach the server: ${e.message}` }),
    );
  }, [api, afterSignIn]);

  useEffect(() => {
    if (screen.name !== 'opening') return;
    let live = true;
    localStorage.setItem(LAST, screen.workspace.id);
    if (!location.pathname.startsWith(`/w/${screen.workspace.id}`))
      history.replaceState(null, '', `/w/${screen.workspace.id}`);
    WorkspaceSession.open({ api, user: screen.user, workspace: screen.workspace }).then(
      (session) =>
        live
          ? setScreen({
              name: 'open',
              user: screen.user,
              session,
              ...(screen.joined ? { joined: true } : {}),
            })
          : session.dispose(),
      (e: Error) => live && setScreen({ name: 'error', message: e.message }),
    );
    return () => {
      live = false;
    };
  }, [screen, api]);

  const signOut = useCallback(async () => {
    if (screen.name === 'open') screen.session.dispose();
    await api.signOut().catch(() => undefined);
    localStorage.removeItem(LAST);
    history.replaceState(null, '', '/');
    setScreen({ name: 'signedOut' });
  }, [api, screen]);

  switch (screen.name) {
    case 'loading':
    case 'opening':
      return (
        <main className="rp-auth" aria-busy="true">
          <p className="rp-loading">
            {screen.name === 'opening' ? `Opening ${screen.workspace.name}…` : 'Loading…'}
          </p>
        </main>
      );
    case 'signedOut':
      return (
        <AuthScreen
          api={api}
          onSignedIn={(u) => void afterSignIn(u)}
          {...(screen.note ? { note: screen.note } : {})}
        />
      );
    case 'error':
      return (
        <Card title="Something went wrong" subtitle={screen.message}>
          <button type="button" className="rp-button" onClick={() => location.assign('/')}>
            Start again
          </button>
        </Card>
      );
    case 'choose':
      return (
        <WorkspaceChooser
          api={api}
          user={screen.user}
          workspaces={screen.workspaces}
          onOpen={(workspace) => setScreen({ name: 'opening', user: screen.user, workspace })}
          onSignOut={() => void signOut()}
          onAccount={() => setScreen({ ...screen, name: 'account' })}
        />
      );
    case 'account':
      return (
        <AccountSettings
          api={api}
          user={screen.user}
          onBack={() => setScreen({ ...screen, name: 'choose' })}
        />
      );
    case 'open':
      return (
        <OpenWorkspace
          key={screen.session.summary.id}
          session={screen.session}
          joined={screen.joined === true}
          {...(props.setup ? { setup: props.setup } : {})}
          account={{
            signOut: () => void signOut(),
            switchWorkspace: () => {
              screen.session.dispose();
              history.replaceState(null, '', '/');
              localStorage.removeItem(LAST);
              void api
                .workspaces()
                .then((workspaces) => setScreen({ name: 'choose', user: screen.user, workspaces }));
            },
            createWorkspace: () => {
              screen.session.dispose();
              localStorage.removeItem(LAST);
              history.replaceState(null, '', '/');
              void api
                .workspaces()
                .then((workspaces) => setScreen({ name: 'choose', user: screen.user, workspaces }));
            },
          }}
        />
      );
  }
}

function OpenWorkspace(props: {
  session: WorkspaceSession;
  /** Just accepted an invitation: the plugins are told, so one may greet them ("You joined …"). */
  joined: boolean;
  setup?: WorkspaceSetup;
  account: AccountActions;
}) {
  const { session } = props;
  const services = useMemo(
    () => createWorkbenchServices({ settingsStorage: localSettingsStorage() }),
    [],
  );
  const catalog = useMemo(() => new EntityCatalog(session.workspace), [session]);
  const community = useMemo(() => ({ session, catalog }), [session, catalog]);
  useEffect(() => {
    const shell = registerShellContributions(services);
    const own = registerCommunity(services, community, props.account);
    let extra: Disposable | undefined;
    let live = true;
    Promise.resolve(props.setup?.(services, session, { joined: props.joined })).then(
      (d) => {
        if (live) extra = d;
        else d?.dispose();
        // A plugin's greeting of a new member ("You joined …") has opened by now, and wins.
        if (live) openStartingPage(services, session);
      },
      (e: Error) => services.notifications.error('Plugins could not start', e.message),
    );
    // Exposed for end-to-end tests and the browser console: the services and the session.
    (window as unknown as { repertoire?: unknown }).repertoire = { services, session };
    return () => {
      live = false;
      extra?.dispose();
      own.dispose();
      shell.dispose();
      catalog.dispose();
    };
  }, [services, session, community, catalog, props.setup, props.account, props.joined]);
  return (
    <CommunityProvider community={community}>
      <Workbench services={services} />
    </CommunityProvider>
  );
}
