import type { Entity } from '@repertoire/schema';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type DragEvent, type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useServices, useValue } from '../shell/context.tsx';
import { Icon } from '../shell/Icon.tsx';
import { useCatalogVersion, useCommunity } from './communityContext.tsx';
import { createEntityFlow, deleteEntityFlow, linkFlow, renameEntityFlow } from './entityActions.ts';

type Row =
  | { type: 'group'; kind: string; label: string; icon: string; colour: string; count: number }
  | { type: 'entity'; entity: Entity; icon: string; colour: string };

const DRAG_TYPE = 'application/x-repertoire-entity';

/**
 * The Explorer: the community's entities grouped by kind, virtualized so thousands scroll
 * smoothly. Click opens a page (preview), double click keeps it; F2 renames, Delete deletes (with
 * undo); drag one entity onto another to link them.
 */
export function ExplorerView() {
  const services = useServices();
  const { catalog, session } = useCommunity();
  const version = useCatalogVersion(catalog);
  const readOnly = useValue(services.readOnly).readOnly;
  const [filter, setFilter] = useState('');
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({});
  const [selected, setSelected] = useState<string>();
  const [dropTarget, setDropTarget] = useState<string>();
  const scrollRef = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the catalog's change signal
  const rows = useMemo<Row[]>(() => {
    const f = filter.trim().toLowerCase();
    const out: Row[] = [];
    for (const g of catalog.groups()) {
      const icon = g.definition?.icon ?? 'circle';
      const colour = g.definition?.colour ?? 'var(--rp-fg-muted)';
      const list = f ? g.entities.filter((e) => e.title.toLowerCase().includes(f)) : g.entities;
      if (f && list.length === 0) continue;
      out.push({
        type: 'group',
        kind: g.kind,
        label: g.definition?.pluralLabel ?? g.kind,
        icon,
        colour,
        count: list.length,
      });
      if (!collapsed[g.kind] || f)
        for (const entity of list) out.push({ type: 'entity', entity, icon, colour });
    }
    return out;
  }, [catalog, version, filter, collapsed]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 26,
    overscan: 12,
  });

  const entityRows = rows.filter((r): r is Extract<Row, { type: 'entity' }> => r.type === 'entity');
  const total = catalog.size();

  const open = (id: string, preview: boolean) => {
    setSelected(id);
    services.editors.open(`entity:${id}`, { preview });
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
    else if (event.key === 'Enter' && selected) open(selected, false);
    else if (event.key === 'F2' && selected && !readOnly)
      void renameEntityFlow(services, session.workspace, selected);
    else if (event.key === 'Delete' && selected && !readOnly)
      deleteEntityFlow(services, session.workspace, selected);
    else return;
    event.preventDefault();
  };

  const onDrop = (event: DragEvent, target: Entity) => {
    event.preventDefault();
    setDropTarget(undefined);
    const from = event.dataTransfer.getData(DRAG_TYPE);
    if (from && from !== target.id) void linkFlow(services, session.workspace, from, target.id);
  };

  const contextMenu = async (entity: Entity) => {
    setSelected(entity.id);
    const actions = [
      { label: 'Open', icon: 'file-text', run: () => open(entity.id, false) },
      {
        label: 'Open to the side',
        icon: 'columns',
        run: () => services.editors.open(`entity:${entity.id}`, { side: true }),
      },
      ...(readOnly
        ? []
        : [
            {
              label: 'Link to…',
              icon: 'link',
              run: () => linkFlow(services, session.workspace, entity.id),
            },
            {
              label: 'Rename…',
              icon: 'pencil',
              run: () => renameEntityFlow(services, session.workspace, entity.id),
            },
            {
              label: 'Delete',
              icon: 'trash',
              run: () => deleteEntityFlow(services, session.workspace, entity.id),
            },
          ]),
    ];
    const picked = await services.quickInput.pick(actions, { title: entity.title });
    await picked?.run();
  };

  return (
    <div className="rp-explorer">
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
      {total === 0 ? (
        <div className="rp-empty-state">
          <Icon name="sparkles" size={28} />
          <p>
            <strong>Nothing here yet.</strong>
          </p>
          <p>Add the community's members, its problems of practice, practices and artifacts.</p>
          {readOnly ? null : (
            <button
              type="button"
              className="rp-button"
              onClick={() => createEntityFlow(services, session.workspace)}
            >
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
            const row = rows[item.index]!;
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
                  {readOnly ? null : (
                    <button
                      type="button"
                      className="rp-icon-button rp-group-add"
                      aria-label={`New ${row.kind}`}
                      title={`New ${row.kind}`}
                      tabIndex={-1}
                      onClick={(e) => {
                        e.stopPropagation();
                        void createEntityFlow(services, session.workspace, row.kind);
                      }}
                    >
                      <Icon name="plus" size={14} />
                    </button>
                  )}
                </div>
              );
            const e = row.entity;
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
                onClick={() => open(e.id, true)}
                onDoubleClick={() => open(e.id, false)}
                onContextMenu={(ev) => {
                  ev.preventDefault();
                  void contextMenu(e);
                }}
                onKeyDown={() => undefined}
                title={dateOf(e) ? `${e.title} · ${dateOf(e)}` : e.title}
              >
                <span style={{ color: row.colour, display: 'inline-flex' }}>
                  <Icon name={row.icon} size={14} />
                </span>
                <span className="rp-row-label">{e.title}</span>
                {/* Dated kinds (meetings) list newest first; the date says why. */}
                {dateOf(e) ? (
                  <span className="rp-row-meta" aria-hidden="true">
                    {dateOf(e)}
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

/** The day a dated entity (a meeting) is about, `YYYY-MM-DD`, if it has one. */
function dateOf(entity: Entity): string | undefined {
  const date = entity.fields.date;
  return typeof date === 'string' && date ? date.slice(0, 10) : undefined;
}
