import { Icon } from '@repertoire/icons';
import type { CustomViewContext, EntityInfo, PluginContext } from '@repertoire/plugin-api';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type DragEvent,
  type KeyboardEvent,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { createEntity, deleteEntity, linkEntities, renameEntity } from './entityFlows.ts';
import type { EntityList } from './entityList.ts';
import { EXPLORER_CSS } from './explorerStyles.ts';

/** The drag payload type of an Explorer entry (its entity id). */
const DRAG_TYPE = 'application/x-repertoire-entity';

type Row =
  | {
      type: 'group';
      kind: string;
      label: string;
      icon: string;
      colour: string;
      count: number;
      /** Made elsewhere (a saved graph view): no `+`. */
      ownCommand: boolean;
    }
  | { type: 'entity'; entity: EntityInfo; icon: string; colour: string };

/** The day a dated entity (a meeting) is about, `YYYY-MM-DD`, if it has one. */
function dateOf(entity: EntityInfo): string | undefined {
  const date = entity.fields.date;
  return typeof date === 'string' && date ? date.slice(0, 10) : undefined;
}

/**
 * The Explorer: the community's entities grouped by kind in a virtualized tree, with a filter,
 * keyboard navigation (arrows, Enter, F2 to rename, Delete), a context menu, `+` per kind and
 * drag one entry onto another to link them. Everything goes through the plugin API.
 */
export function ExplorerTree(props: {
  list: EntityList;
  plugin: Pick<PluginContext, 'graph' | 'window' | 'commands'>;
  view: CustomViewContext;
}) {
  const { list, plugin, view } = props;
  const version = useSyncExternalStore(
    (l) => {
      const d = list.onDidChange(l);
      return () => d.dispose();
    },
    () => list.version,
  );
  const readOnly = view.readOnly;
  const [filter, setFilter] = useState('');
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({});
  const [selected, setSelected] = useState<string>();
  const [dropTarget, setDropTarget] = useState<string>();
  const scrollRef = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the list's change signal
  const rows = useMemo<Row[]>(() => {
    const f = filter.trim().toLowerCase();
    const out: Row[] = [];
    for (const g of list.groups()) {
      const icon = g.definition?.icon ?? 'circle';
      const colour = g.definition?.colour ?? 'var(--rp-fg-muted)';
      const entities = f ? g.entities.filter((e) => e.title.toLowerCase().includes(f)) : g.entities;
      if (f && entities.length === 0) continue;
      // A kind made elsewhere (saved graph views, made with "Save view as…") shows once it has some.
      if (g.definition?.openCommand && g.entities.length === 0) continue;
      out.push({
        type: 'group',
        kind: g.kind,
        label: g.definition?.pluralLabel ?? g.kind,
        icon,
        colour,
        count: entities.length,
        ownCommand: g.definition?.openCommand !== undefined,
      });
      if (!collapsed[g.kind] || f)
        for (const entity of entities) out.push({ type: 'entity', entity, icon, colour });
    }
    return out;
  }, [list, version, filter, collapsed]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 26,
    overscan: 12,
  });
  const entityRows = rows.filter((r): r is Extract<Row, { type: 'entity' }> => r.type === 'entity');

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the list's change signal
  const openCommands = useMemo(
    () =>
      new Map(
        list
          .groups()
          .flatMap((g) => (g.definition?.openCommand ? [[g.kind, g.definition.openCommand]] : [])),
      ),
    [list, version],
  );
  const open = (id: string) => {
    setSelected(id);
    // A kind that names its own opener (a saved graph view opens in the graph, not as a page).
    const kind = entityRows.find((r) => r.entity.id === id)?.entity.kind;
    const command = kind === undefined ? undefined : openCommands.get(kind);
    if (command)
      plugin.commands
        .executeCommand(command, id)
        .catch((error: Error) =>
          plugin.window.showNotification(error.message, { severity: 'error' }),
        );
    else view.openEntity(id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const i = entityRows.findIndex((r) => r.entity.id === selected);
    const move = (to: number) => {
      const row = entityRows[Math.max(0, Math.min(entityRows.length - 1, to))];
      if (!row) return;
      setSelected(row.entity.id);
      virtualizer.scrollToIndex(rows.indexOf(row), { align: 'auto' });
    };
    if (event.key === 'ArrowDown') move(i + 1);
    else if (event.key === 'ArrowUp') move(i - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(entityRows.length - 1);
    else if (event.key === 'Enter' && selected) open(selected);
    else if (event.key === 'F2' && selected && !readOnly) void renameEntity(plugin, selected);
    else if (event.key === 'Delete' && selected && !readOnly) void deleteEntity(plugin, selected);
    else return;
    event.preventDefault();
  };

  const onDrop = (event: DragEvent, target: EntityInfo) => {
    event.preventDefault();
    setDropTarget(undefined);
    const from = event.dataTransfer.getData(DRAG_TYPE);
    if (from && from !== target.id) void linkEntities(plugin, from, target.id);
  };

  const contextMenu = async (entity: EntityInfo) => {
    setSelected(entity.id);
    const actions: { label: string; value: string; run: () => unknown }[] = [
      { label: 'Open', value: 'open', run: () => open(entity.id) },
      ...(readOnly
        ? []
        : [
            { label: 'Link to…', value: 'link', run: () => linkEntities(plugin, entity.id) },
            { label: 'Rename…', value: 'rename', run: () => renameEntity(plugin, entity.id) },
            { label: 'Delete', value: 'delete', run: () => deleteEntity(plugin, entity.id) },
          ]),
    ];
    // What the other plugins offer on this entity (their `entity/context` menus), after ours.
    const offered = readOnly ? [] : await plugin.commands.getEntityActions(entity.id);
    for (const [i, action] of offered.entries())
      actions.push({
        label: action.title,
        value: `plugin:${i}`,
        run: () => plugin.commands.executeCommand(action.command, entity.id),
      });
    const picked = await plugin.window.showQuickPick(
      actions.map(({ label, value }) => ({ label, value })),
      { title: entity.title },
    );
    await actions.find((a) => a.value === picked?.value)?.run();
  };

  return (
    <div className="rp-explorer">
      <style>{EXPLORER_CSS}</style>
      <div className="rp-explorer-filter">
        <Icon name="search" size={14} />
        <input
          type="search"
          placeholder="Filter"
          aria-label="Filter the explorer"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      {list.size() === 0 ? (
        <div className="rp-empty-state">
          <Icon name="sparkles" size={28} />
          <p>
            <strong>Nothing here yet.</strong>
          </p>
          <p>Add the community's members, its problems of practice, practices and artifacts.</p>
          {readOnly ? null : (
            <button type="button" className="rp-button" onClick={() => createEntity(plugin)}>
              <Icon name="plus" size={14} /> Add the first one
            </button>
          )}
        </div>
      ) : rows.length === 0 ? (
        <p className="rp-empty">Nothing matches “{filter}”.</p>
      ) : null}
      <div
        ref={scrollRef}
        className="rp-explorer-scroll"
        role="tree"
        aria-label="Community"
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-activedescendant={selected ? `explorer-${selected}` : undefined}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const style = {
              position: 'absolute' as const,
              top: 0,
              left: 0,
              right: 0,
              height: item.size,
              transform: `translateY(${item.start}px)`,
            };
            if (row.type === 'group')
              return (
                <div
                  key={`g-${row.kind}`}
                  style={style}
                  className="rp-explorer-group"
                  role="treeitem"
                  tabIndex={-1}
                  aria-expanded={!collapsed[row.kind]}
                  aria-selected={false}
                  aria-level={1}
                  onClick={() => setCollapsed({ ...collapsed, [row.kind]: !collapsed[row.kind] })}
                  onKeyDown={() => undefined}
                >
                  <Icon name={collapsed[row.kind] ? 'chevron-right' : 'chevron-down'} size={14} />
                  <span className="rp-kind-dot" style={{ background: row.colour }} />
                  <span className="rp-row-label">{row.label}</span>
                  <span className="rp-count">{row.count}</span>
                  {readOnly || row.ownCommand ? null : (
                    <span
                      className="rp-icon-button rp-group-add"
                      aria-hidden="true"
                      title={`New ${row.kind}`}
                      onClick={(e) => {
                        e.stopPropagation();
                        void createEntity(plugin, row.kind);
                      }}
                    >
                      <Icon name="plus" size={14} />
                    </span>
                  )}
                </div>
              );
            const e = row.entity;
            const date = dateOf(e);
            return (
              <div
                key={e.id}
                id={`explorer-${e.id}`}
                style={style}
                className="rp-row rp-explorer-row"
                role="treeitem"
                tabIndex={-1}
                aria-level={2}
                aria-selected={selected === e.id}
                data-selected={selected === e.id || undefined}
                data-drop={dropTarget === e.id || undefined}
                data-entity-id={e.id}
                draggable={!readOnly}
                onDragStart={(ev) => {
                  ev.dataTransfer.setData(DRAG_TYPE, e.id);
                  ev.dataTransfer.effectAllowed = 'link';
                }}
                onDragOver={(ev) => {
                  if (readOnly || !ev.dataTransfer.types.includes(DRAG_TYPE)) return;
                  ev.preventDefault();
                  ev.dataTransfer.dropEffect = 'link';
                  setDropTarget(e.id);
                }}
                onDragLeave={() => setDropTarget(undefined)}
                onDrop={(ev) => onDrop(ev, e)}
                onClick={() => open(e.id)}
                onContextMenu={(ev) => {
                  ev.preventDefault();
                  void contextMenu(e);
                }}
                onKeyDown={() => undefined}
                title={date ? `${e.title} · ${date}` : e.title}
              >
                <span style={{ color: row.colour, display: 'inline-flex' }}>
                  <Icon name={row.icon} size={14} />
                </span>
                <span className="rp-row-label">{e.title}</span>
                {/* Dated kinds (meetings) list newest first; the date says why. */}
                {date ? (
                  <span className="rp-row-meta" aria-hidden="true">
                    {date}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
