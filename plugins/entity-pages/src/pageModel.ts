import {
  compareEntities,
  type EntityInfo,
  type EntityKindInfo,
  type FieldDefinition,
  fieldDefinitionOf,
  type GraphApi,
  type GraphChange,
  type RelationInfo,
  type RelationKindInfo,
} from '@repertoire/plugin-api';

/** One group of an entity's relations: one relation type, one direction. */
export interface RelationGroup {
  readonly type: string;
  /** `out`: this entity is the relation's subject; `in`: another entity points here. */
  readonly direction: 'out' | 'in';
  /** What the heading says, e.g. "practises" or "attended this". */
  readonly label: string;
  /** Each relation with the entity at its other end (undefined when that was deleted). */
  readonly items: readonly { relation: RelationInfo; other: EntityInfo | undefined }[];
}

/** Everything an entity's page shows, read through the plugin API in one go. */
export interface PageModel {
  /** The entity, or undefined when it was deleted (or has not reached this device yet). */
  readonly entity: EntityInfo | undefined;
  /** Its kind, or undefined when the plugin defining it is off. */
  readonly kind: EntityKindInfo | undefined;
  /** Every entity kind, by name (icons and colours of related entries). */
  readonly kinds: ReadonlyMap<string, EntityKindInfo>;
  /** Its relations, grouped by type. */
  readonly out: readonly RelationGroup[];
  /** Relations pointing here, grouped by type. */
  readonly back: readonly RelationGroup[];
  /** The documents mentioning it, with their entities. */
  readonly mentions: readonly { relation: RelationInfo; from: EntityInfo | undefined }[];
  /** Whether others of its kind have a document: then a missing one is worth pointing out. */
  readonly documentsUsual: boolean;
  /** The field definitions of its kind that are valid, in order. */
  readonly fields: readonly FieldDefinition[];
  /** For each `entityRef` field, the entities it may point to. */
  readonly refOptions: ReadonlyMap<string, readonly { value: string; label: string }[]>;
  /** Ids of every entity shown, so a change to one of them refreshes the page. */
  readonly shown: ReadonlySet<string>;
}

/**
 * Groups relations by type, in the order the kinds were declared (then by label), each group's
 * entries in list order (meetings newest first, titles in natural order).
 */
export function groupRelations(
  relationKinds: readonly RelationKindInfo[],
  relations: readonly RelationInfo[],
  direction: 'out' | 'in',
  entityOf: (id: string) => EntityInfo | undefined,
): RelationGroup[] {
  const byType = new Map<string, { relation: RelationInfo; other: EntityInfo | undefined }[]>();
  for (const relation of relations) {
    const other = entityOf(direction === 'out' ? relation.to : relation.from);
    byType.set(relation.type, [...(byType.get(relation.type) ?? []), { relation, other }]);
  }
  const declared = relationKinds.map((k) => k.type);
  const rank = (type: string) => {
    const i = declared.indexOf(type);
    return i < 0 ? declared.length : i;
  };
  return [...byType.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([type, items]) => {
      const label = relationKinds.find((k) => k.type === type)?.label ?? type;
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

/** Reads what the page of entity `id` shows. */
export async function loadPage(graph: GraphApi, id: string): Promise<PageModel> {
  const [entity, entityKinds, relationKinds, touching] = await Promise.all([
    graph.getEntity(id),
    graph.entityKinds(),
    graph.relationKinds(),
    graph.relations({ entity: id }),
  ]);
  const kinds = new Map(entityKinds.map((k) => [k.kind, k]));
  const others = [...new Set(touching.flatMap((r) => [r.from, r.to]))].filter((o) => o !== id);
  const [related, sameKind] = await Promise.all([
    others.length ? graph.entities({ ids: others }) : Promise.resolve([]),
    entity ? graph.entities({ kind: entity.kind }) : Promise.resolve([]),
  ]);
  const byId = new Map(related.map((e) => [e.id, e]));
  const kind = entity ? kinds.get(entity.kind) : undefined;
  const fields = (kind?.fields ?? []).flatMap((f) => fieldDefinitionOf(f) ?? []);
  const refFields = fields.filter((f) => f.type === 'entityRef');
  const everyone = refFields.length ? [...(await graph.entities())].sort(compareEntities) : [];
  const refOptions = new Map(
    refFields.map((f) => [
      f.name,
      everyone
        .filter((e) => !f.refKinds || f.refKinds.includes(e.kind))
        .map((e) => ({ value: e.id, label: e.title })),
    ]),
  );
  const entityOf = (other: string) => byId.get(other);
  const out = touching.filter((r) => r.from === id && r.type !== 'mentions');
  const back = touching.filter((r) => r.to === id && r.from !== id && r.type !== 'mentions');
  const mentions = touching.filter((r) => r.to === id && r.type === 'mentions');
  return {
    entity,
    kind,
    kinds,
    fields,
    refOptions,
    out: groupRelations(relationKinds, out, 'out', entityOf),
    back: groupRelations(relationKinds, back, 'in', entityOf),
    mentions: mentions.map((relation) => ({ relation, from: entityOf(relation.from) })),
    documentsUsual: sameKind.some((e) => e.document),
    shown: new Set([
      id,
      ...others,
      ...refFields.flatMap((f) => (refOptions.get(f.name) ?? []).map((o) => o.value)),
    ]),
  };
}

/** Whether a change of the graph alters what a page showing `model` (of entity `id`) shows. */
export function changesPage(
  change: GraphChange,
  id: string,
  model: PageModel | undefined,
): boolean {
  const shown = model?.shown ?? new Set([id]);
  const ends = (relationId: string) => relationId.split('|');
  return (
    [...change.entitiesAdded, ...change.entitiesUpdated, ...change.entitiesRemoved].some((e) =>
      shown.has(e),
    ) ||
    [...change.relationsAdded, ...change.relationsRemoved].some((r) => {
      const parts = ends(r);
      return parts[0] === id || parts[parts.length - 1] === id;
    }) ||
    // A new entity of the kind may be the first with a document ("Start the document" goes).
    change.entities.some((e) => e.kind === model?.entity?.kind && e.document === true)
  );
}
