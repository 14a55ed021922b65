import { Icon } from '@repertoire/icons';
import type { PluginContext } from '@repertoire/plugin-api';
import { type ReactNode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { type JoinedFacts, joinedFacts, ROLE_SAYS } from './startingPoints.ts';
import { WELCOME_CSS } from './welcomeStyles.ts';

/** Renders one of the pages, with its styles, into `container`; returns how to unmount it. */
export function renderPage(
  container: HTMLElement,
  page: 'WelcomePage' | 'JoinedPage',
  context: PluginContext,
): () => void {
  const Page = page === 'WelcomePage' ? WelcomePage : JoinedPage;
  const root = createRoot(container);
  root.render(
    <>
      <style>{WELCOME_CSS}</style>
      <Page context={context} />
    </>,
  );
  return () => root.unmount();
}

/** One thing to do next: a button with its icon and, when a key runs it, the key. */
function Action(props: {
  context: PluginContext;
  icon: string;
  run: () => unknown;
  command?: string;
  children: ReactNode;
}) {
  const { context, command } = props;
  const [key, setKey] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    // Read when shown: the member may have changed the key since.
    if (command)
      void context.commands.getKeybinding(command).then((k) => {
        if (live) setKey(k);
      });
    return () => {
      live = false;
    };
  }, [context, command]);
  return (
    <li>
      <button
        type="button"
        className="rp-welcome-action"
        onClick={() => {
          Promise.resolve(props.run()).catch((error: Error) => context.log.warn(error.message));
        }}
      >
        <Icon name={props.icon} />
        <span>{props.children}</span>
        {key ? <kbd>{key}</kbd> : null}
      </button>
    </li>
  );
}

/** Runs one of the workbench's navigation commands. */
const run = (context: PluginContext, command: string) => () =>
  context.commands.executeCommand(command);

/** What the editor area shows when nothing is open: what to do next, with the keys for it. */
export function WelcomePage(props: { context: PluginContext }) {
  const { context } = props;
  const hint = (command: string, label: string, icon: string) => (
    <Action context={context} icon={icon} run={run(context, command)} command={command}>
      {label}
    </Action>
  );
  return (
    <div className="rp-welcome">
      <div className="rp-welcome-mark" aria-hidden="true">
        <Icon name="sparkles" size={48} />
      </div>
      <h1>Repertoire</h1>
      <p>
        Your community's shared repertoire: its members, problems of practice, practices and
        artifacts.
      </p>
      <ul>
        {hint('workbench.quickOpen', 'Go to a member, practice or artifact', 'search')}
        {hint('workbench.showCommands', 'Show all commands', 'command')}
        {hint('workbench.toggleSidebar', 'Show or hide the side bar', 'panel-left')}
        {hint('workbench.togglePanel', 'Show or hide the panel', 'panel-bottom')}
      </ul>
    </div>
  );
}

/** "You joined <community>": who the new member is here, and where to start. */
export function JoinedPage(props: { context: PluginContext }) {
  const { context } = props;
  const [facts, setFacts] = useState<JoinedFacts | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    joinedFacts(context).then(
      (f) => live && setFacts(f),
      (error: Error) => live && setFailed(error.message),
    );
    return () => {
      live = false;
    };
  }, [context]);
  if (failed)
    return (
      <p className="rp-empty" role="alert">
        This page could not read the community: {failed}
      </p>
    );
  if (!facts) return <p className="rp-view-loading">Loading…</p>;
  const { latestMeeting, mostConnected } = facts;
  const open = (id: string) => () => context.window.openEntity(id);
  return (
    <section className="rp-welcome rp-joined" aria-labelledby="joined-title">
      <div className="rp-welcome-mark" aria-hidden="true">
        <Icon name="sparkles" size={48} />
      </div>
      <h1 id="joined-title">You joined {facts.community}</h1>
      <p>
        Welcome, {facts.member}. {facts.role ? `${ROLE_SAYS[facts.role]} ` : ''}
        {facts.members > 0
          ? `The community has ${facts.members} member${facts.members === 1 ? '' : 's'}.`
          : 'You are among its first members.'}
      </p>
      <h2 className="rp-joined-subtitle">Where to start</h2>
      <ul>
        {latestMeeting ? (
          <Action context={context} icon="calendar" run={open(latestMeeting.id)}>
            Read the latest meeting: <strong>{latestMeeting.title}</strong>
          </Action>
        ) : null}
        {mostConnected ? (
          <Action context={context} icon="network" run={open(mostConnected.id)}>
            See what connects most: <strong>{mostConnected.title}</strong>
          </Action>
        ) : null}
        {facts.canShowMembers ? (
          <Action context={context} icon="users" run={run(context, 'members.show')}>
            Meet the members
          </Action>
        ) : null}
        <Action
          context={context}
          icon="folder-tree"
          run={() => context.window.showView('explorer.entities')}
        >
          Browse everything in the Explorer
        </Action>
        <Action
          context={context}
          icon="search"
          run={run(context, 'workbench.quickOpen')}
          command="workbench.quickOpen"
        >
          Go to a member, practice or artifact
        </Action>
        <Action
          context={context}
          icon="command"
          run={run(context, 'workbench.showCommands')}
          command="workbench.showCommands"
        >
          Show all commands
        </Action>
      </ul>
    </section>
  );
}
