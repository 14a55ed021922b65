import type { Workspace } from '@repertoire/core';
import { compareEntities } from '@repertoire/plugin-api';
import type { Entity, Relation } from '@repertoire/schema';
import { useState } from 'react';
import { useServices } from '../shell/context.tsx';
import { Icon } from '../shell/Icon.tsx';

/** Groups longer than this start collapsed, so a member's 19 meetings do not bury the rest. */
export const COLLAPSE_AFTER = 6;

/** One group of an entity's relations: one relation type, one direction. */
export interface RelationGroup {
  readonly type: string;
  /** `out`: this entity is the relation's subject; `in`: another entity points here. */
  readonly direction: 'out' | 'in';
  /** What the heading says, e.g. "practises" or "attended this". */
  readonly label: string;
  /** Each relation with the entity at its other end (undefined when that was deleted). */
  readonly items: readonly { relation: Relation; other: Entity | undefined }[];
}

/**
 * Groups relations by type, in the order the kinds were declared (then by label), each group's
 * entries in list order (meetings newest first, titles in natural order).
 */
export function groupRelations(
  ws: Workspace,
  relations: readonly Relation[],
  direction: 'out' | 'in',
): RelationGroup[] {
  const byType = new Map<string, { relation: Relation; other: Entity | undefined }[]>();
  for (const relation of relations) {
    const other = ws.getEntity(direction === 'out' ? relation.to : relation.from);
    byType.set(relation.type, [...(byType.get(relation.type) ?? []), { relation, other }]);
  }
  const declared = ws.kinds.relationKinds().map((k) => k.type);
  const rank = (type: string) => {
    const i = declared.indexOf(type);
    return i < 0 ? declared.length : i;
  };
  return [...byType.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([type, items]) => {
      const label = ws.kinds.relationKind(type)?.label ?? type;
      return {
        type,
        direction,
        label: direction === 'out' ? label : `${label} this`,
        items: [...items].sort((a, b) =>
          a.other && b.other ? compareEntities(a.other, b.other) : a.other ? -1 : b.other ? 1 : 0,
        ),
      };
    });
}

/** An entity's relations in one direction, grouped by relation with counts; long groups fold. */
export function RelationGroups(props: {
  ws: Workspace;
  groups: readonly RelationGroup[];
  readOnly: boolean;
}) {
  return (
    <div className="rp-relation-groups">
      {props.groups.map((g) => (
        <RelationGroupList key={`${g.direction}:${g.type}`} {...props} group={g} />
      ))}
    </div>
  );
}

function RelationGroupList(props: { ws: Workspace; group: RelationGroup; readOnly: boolean }) {
  const services = useServices();
  const { group, ws } = props;
  const [open, setOpen] = useState(group.items.length <= COLLAPSE_AFTER);
  const listId = `relations-${group.type}-${group.direction}`;
  return (
    <section className="rp-relation-group" aria-label={`${group.label} (${group.items.length})`}>
      <button
        type="button"
        className="rp-relation-group-header"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        <Icon name={open ? 'chevron-down' : 'chevron-right'} size={14} />
        <span className="rp-relation-type">{group.label}</span>
        <span className="rp-count">{group.items.length}</span>
      </button>
      {open ? (
        <ul className="rp-relations" id={listId}>
          {group.items.map(({ relation, other }) => {
            const otherId = group.direction === 'in' ? relation.from : relation.to;
            const otherKind = other ? ws.kinds.entityKind(other.kind)?.definition : undefined;
            const name = other?.title ?? 'Someone deleted this';
            const date = typeof other?.fields.date === 'string' ? other.fields.date : undefined;
            return (
              <li key={relation.id}>
                <button
                  type="button"
                  className="rp-chip"
                  onClick={() => services.editors.open(`entity:${otherId}`)}
                  disabled={!other}
                >
                  <span style={{ color: otherKind?.colour, display: 'inline-flex' }}>
                    <Icon name={otherKind?.icon ?? 'circle'} size={14} />
                  </span>
                  {name}
                </button>
                {date ? (
                  <span className="rp-muted rp-relation-date">{date.slice(0, 10)}</span>
                ) : null}
                {props.readOnly ? null : (
                  <button
                    type="button"
                    className="rp-icon-button rp-unlink"
                    aria-label={`Remove the link to ${name}`}
                    title="Remove this link"
                    onClick={() => ws.unlink(relation.id)}
                  >
                    <Icon name="x" size={14} />
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
