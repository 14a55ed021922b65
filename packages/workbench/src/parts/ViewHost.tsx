import { Icon } from '@repertoire/icons';
import type { TreeItem, ViewContent } from '@repertoire/plugin-api';
import { useEffect, useRef, useState } from 'react';
import { DeclarativeChart, DeclarativeForm, DeclarativeList } from '../plugins/DeclarativeView.tsx';
import type { View } from '../services/views.ts';
import { useRegistry, useServices } from '../shell/context.tsx';
import { CustomViewMount } from './CustomViewMount.tsx';

/** Renders one view: a React component, a mount function, or a plugin's data provider. */
export function ViewHost(props: { view: View }) {
  const { view } = props;
  if (view.component) {
    const Component = view.component;
    return <Component />;
  }
  if (view.mount) return <MountedView view={view} />;
  return <PluginView viewId={view.id} />;
}

/** A plugin's view: its own DOM when it registered a custom view, else its data. */
function PluginView(props: { viewId: string }) {
  const services = useServices();
  const custom = useRegistry(services.customViews).find((v) => v.id === props.viewId);
  if (custom) return <CustomViewMount view={custom} />;
  return <ProvidedView viewId={props.viewId} />;
}

function MountedView(props: { view: View }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current || !props.view.mount) return;
    const d = props.view.mount(ref.current);
    return () => d.dispose();
  }, [props.view]);
  return <div ref={ref} className="rp-view-mount" />;
}

function ProvidedView(props: { viewId: string }) {
  const services = useServices();
  const entries = useRegistry(services.viewProviders);
  const entry = entries.find((e) => e.id === props.viewId);
  const [content, setContent] = useState<ViewContent | { type: 'error'; message: string }>();

  useEffect(() => {
    if (!entry) return;
    let live = true;
    const refresh = () => {
      Promise.resolve(entry.provider.resolve()).then(
        (c) => live && setContent(c),
        (e: unknown) => live && setContent({ type: 'error', message: String(e) }),
      );
    };
    refresh();
    const d = entry.provider.onDidChange?.(refresh);
    return () => {
      live = false;
      d?.dispose();
    };
  }, [entry]);

  if (!entry) return <p className="rp-empty">This view is waiting for its plugin to start…</p>;
  if (!content) return <p className="rp-empty">Loading…</p>;
  if (content.type === 'error')
    return (
      <p className="rp-empty rp-error" role="alert">
        This view failed: {content.message}
      </p>
    );
  if (content.type === 'form') {
    const { provider } = entry;
    return (
      <DeclarativeForm
        content={content}
        submit={
          provider.submit
            ? async (values) => (await provider.submit?.(values)) ?? undefined
            : undefined
        }
      />
    );
  }
  return <StaticContent content={content} />;
}

/** View content that needs no provider to act: everything but a form. */
export function StaticContent(props: { content: ViewContent }) {
  const { content } = props;
  if (content.type === 'form')
    return <p className="rp-empty">This form can only be shown in its view.</p>;
  if (content.type === 'list') return <DeclarativeList content={content} />;
  if (content.type === 'chart') return <DeclarativeChart content={content} />;
  if (content.type === 'markdown') return <div className="rp-markdown">{content.markdown}</div>;
  if (content.type === 'table')
    return (
      <table className="rp-table">
        <thead>
          <tr>
            {content.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {content.rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows carry no id of their own
            <tr key={i}>
              {content.columns.map((c) => (
                <td key={c.key}>{String(row[c.key] ?? '')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  if (content.items.length === 0) return <p className="rp-empty">Nothing here yet.</p>;
  return (
    <ul className="rp-tree">
      {content.items.map((item) => (
        <TreeRow key={item.id} item={item} depth={0} />
      ))}
    </ul>
  );
}

function TreeRow(props: { item: TreeItem; depth: number }) {
  const services = useServices();
  const { item } = props;
  const [open, setOpen] = useState(true);
  const hasChildren = (item.children?.length ?? 0) > 0;
  const activate = () => {
    if (item.command) void services.commands.execute(item.command.id, ...(item.command.args ?? []));
    else if (item.entityId) services.editors.open(`entity:${item.entityId}`);
    else if (hasChildren) setOpen(!open);
  };
  return (
    <li>
      <button
        type="button"
        className="rp-row"
        aria-expanded={hasChildren ? open : undefined}
        style={{ paddingLeft: 8 + props.depth * 12 }}
        onClick={activate}
      >
        {hasChildren ? <Icon name={open ? 'chevron-down' : 'chevron-right'} size={14} /> : null}
        {item.icon ? <Icon name={item.icon} size={14} /> : null}
        <span className="rp-row-label">{item.label}</span>
        {item.description ? <span className="rp-row-desc">{item.description}</span> : null}
      </button>
      {hasChildren && open ? (
        <ul>
          {item.children?.map((c) => (
            <TreeRow key={c.id} item={c} depth={props.depth + 1} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
