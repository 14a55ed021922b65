import { Icon } from '@repertoire/icons';
import type { EntityKindInfo, RelationInfo } from '@repertoire/plugin-api';
import { useState } from 'react';
import type { RelationGroup } from './pageModel.ts';

/** Groups longer than this start collapsed, so a member's 19 meetings do not bury the rest. */
export const COLLAPSE_AFTER = 6;

/** What a relation list does when the member acts on it. */
export interface RelationActions {
  readonly kinds: ReadonlyMap<string, EntityKindInfo>;
  readonly readOnly: boolean;
  open(id: string): void;
  unlink(relation: RelationInfo): void;
}

/** An entity's relations in one direction, grouped by relation with counts; long groups fold. */
export function RelationGroups(props: {
  groups: readonly RelationGroup[];
  actions: RelationActions;
}) {
  return (
    <div className="rp-relation-groups">
      {props.groups.map((g) => (
        <RelationGroupList key={`${g.direction}:${g.type}`} group={g} actions={props.actions} />
      ))}
    </div>
  );
}

function RelationGroupList(props: { group: RelationGroup; actions: RelationActions }) {
  const { group, actions } = props;
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
            const otherKind = other ? actions.kinds.get(other.kind) : undefined;
            const name = other?.title ?? 'Someone deleted this';
            const date = typeof other?.fields.date === 'string' ? other.fields.date : undefined;
            return (
              <li key={relation.id}>
                <button
                  type="button"
                  className="rp-chip"
                  onClick={() => actions.open(otherId)}
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
                {actions.readOnly ? null : (
                  <button
                    type="button"
                    className="rp-icon-button rp-unlink"
                    aria-label={`Remove the link to ${name}`}
                    title="Remove this link"
                    onClick={() => actions.unlink(relation)}
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
