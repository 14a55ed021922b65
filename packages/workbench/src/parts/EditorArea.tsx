import { Icon } from '@repertoire/icons';
import { Fragment, type KeyboardEvent } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import type { EditorGroup } from '../services/editors.ts';
import { useRegistry, useServices, useValue } from '../shell/context.tsx';
import { CustomViewMount } from './CustomViewMount.tsx';

function schemeOf(uri: string): string {
  const i = uri.indexOf(':');
  return i < 0 ? uri : uri.slice(0, i);
}

/** The editor area: one or more groups side by side, each with a tab strip. */
export function EditorArea() {
  const services = useServices();
  const state = useValue(services.editors.state);
  // No tab open: the welcome a plugin registered (`editorFor: { welcome: true }`), else nothing.
  const welcome = useRegistry(services.customViews).find((v) => v.welcome);
  if (state.groups.length === 1 && state.groups[0]?.tabs.length === 0)
    return welcome ? (
      <div className="rp-custom-editor rp-editor-welcome">
        <CustomViewMount view={welcome} />
      </div>
    ) : null;
  return (
    <Group orientation="horizontal" className="rp-editor-groups">
      {state.groups.map((group, i) => (
        <Fragment key={group.id}>
          {i > 0 ? <Separator className="rp-sash rp-sash-v" /> : null}
          <Panel id={`group-${group.id}`} minSize="15%">
            <EditorGroupView group={group} active={group.id === state.activeGroup} />
          </Panel>
        </Fragment>
      ))}
    </Group>
  );
}

function EditorGroupView(props: { group: EditorGroup; active: boolean }) {
  const services = useServices();
  const providers = useRegistry(services.editorProviders);
  const { group } = props;
  const activeTab = group.active;
  const provider = activeTab ? providers.find((p) => p.id === schemeOf(activeTab)) : undefined;

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const uris = group.tabs.map((t) => t.uri);
    const i = uris.indexOf(activeTab ?? '');
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      const next = uris[(i + (event.key === 'ArrowRight' ? 1 : -1) + uris.length) % uris.length];
      if (next) {
        services.editors.focus(group.id, next);
        requestAnimationFrame(() =>
          event.currentTarget?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus(),
        );
      }
      event.preventDefault();
    } else if (event.key === 'Delete' && activeTab) {
      services.editors.close(activeTab, group.id);
      event.preventDefault();
    }
  };

  return (
    <section
      className="rp-editor-group"
      data-active={props.active || undefined}
      aria-label="Editor group"
      onFocus={() => !props.active && services.editors.focus(group.id)}
      onMouseDown={() => !props.active && services.editors.focus(group.id)}
    >
      <div className="rp-tabs">
        <div className="rp-tabs-list" role="tablist" aria-label="Open editors" onKeyDown={onTabKey}>
          {group.tabs.map((tab) => {
            const p = providers.find((x) => x.id === schemeOf(tab.uri));
            const info = p?.describe(tab.uri) ?? { title: tab.uri };
            const selected = tab.uri === activeTab;
            return (
              <div
                key={tab.uri}
                role="tab"
                tabIndex={selected ? 0 : -1}
                aria-selected={selected}
                aria-controls={`editor-${group.id}`}
                className="rp-tab"
                data-preview={tab.preview || undefined}
                title={info.title}
                onClick={() => services.editors.focus(group.id, tab.uri)}
                onDoubleClick={() => services.editors.open(tab.uri, { group: group.id })}
                onAuxClick={(e) => e.button === 1 && services.editors.close(tab.uri, group.id)}
                onKeyDown={(e) => e.key === 'Enter' && services.editors.focus(group.id, tab.uri)}
                aria-keyshortcuts="Delete"
              >
                <Icon name={info.icon ?? 'file-text'} size={14} />
                <span className="rp-tab-label">{info.title}</span>
                {/* Not a button: a control inside a tab is unreachable for assistive technology.
                  The keyboard closes the focused tab with Delete (or Alt+W). */}
                <span
                  className="rp-tab-close"
                  aria-hidden="true"
                  title={`Close ${info.title} (Delete)`}
                  onClick={(e) => {
                    e.stopPropagation();
                    services.editors.close(tab.uri, group.id);
                  }}
                >
                  <Icon name="x" size={14} />
                </span>
              </div>
            );
          })}
        </div>
        <div className="rp-tabs-fill" />
        <button
          type="button"
          className="rp-icon-button rp-tabs-action"
          title="Split editor right"
          aria-label="Split editor right"
          onClick={() => {
            services.editors.focus(group.id);
            services.editors.splitRight();
          }}
        >
          <Icon name="columns" />
        </button>
      </div>
      <div className="rp-editor-pane" role="tabpanel" id={`editor-${group.id}`}>
        {activeTab && provider ? (
          <provider.component key={activeTab} uri={activeTab} />
        ) : activeTab ? (
          <p className="rp-empty">
            Nothing can open “{activeTab}” yet; its plugin may still be starting.
          </p>
        ) : (
          <p className="rp-empty">
            This group is empty. Open something from the side bar or with Ctrl+P.
          </p>
        )}
      </div>
    </section>
  );
}
