import type { Event } from '@repertoire/base';
import type { JsonObject } from './json.ts';

/** An entity of the community's graph (a member, practice, meeting…), as plugins see it. */
export interface EntityInfo {
  /** Whether it owns a co-edited document (open it with `documents.open(id)`). */
  readonly document?: boolean;
  /** Stable id, unique in the workspace. */
  readonly id: string;
  /** The entity kind, e.g. `member`; contributed by a plugin's `entityKinds`. */
  readonly kind: string;
  /** What people call it: a member's name, a practice's short title. */
  readonly title: string;
  /** The kind's fields, validated by the kind's schema. */
  readonly fields: JsonObject;
  /** Id of the user who created it. */
  readonly createdBy: string;
  /** When it was created (ISO 8601). */
  readonly createdAt: string;
  /** Id of the user who last changed it. */
  readonly updatedBy: string;
  /** When it was last changed (ISO 8601). */
  readonly updatedAt: string;
}

/** Where a relation came from: made by hand, or derived from a document's mentions. */
export type RelationSource = { kind: 'manual' } | { kind: 'document'; docId: string };

/** A typed, directed relation between two entities, e.g. member *mentors* member. */
export interface RelationInfo {
  /** `${from}|${type}|${to}`: the same link made twice is one relation. */
  readonly id: string;
  /** The entity the relation starts at. */
  readonly from: string;
  /** The relation type, e.g. `mentors`; contributed by a plugin's `relationKinds`. */
  readonly type: string;
  /** The entity the relation points to. */
  readonly to: string;
  /** Extra data on the relation (e.g. `since`). */
  readonly attributes: JsonObject;
  /** Id of the user who made it. */
  readonly createdBy: string;
  /** When it was made (ISO 8601). */
  readonly createdAt: string;
  /** Where it came from. */
  readonly source: RelationSource;
}

/** A registered entity kind, as plugins see it. */
export interface EntityKindInfo {
  /**
   * The kind: a built-in's short name (`member`), or another plugin's, qualified by its id
   * (`acme.reading-circle/reading`). Since 1.5 every non-built-in kind is qualified.
   */
  readonly kind: string;
  /** Singular label for the UI, e.g. `Member`. */
  readonly label: string;
  /** Plural label, e.g. `Members`. */
  readonly pluralLabel: string;
  /** Icon name. */
  readonly icon: string;
  /** CSS colour. */
  readonly colour: string;
  /** The kind's field definitions (serializable data). */
  readonly fields: readonly JsonObject[];
  /**
   * The command that opens an entity of this kind (called with its id) where a list would
   * open its page, as the manifest declares it; since 1.4.
   */
  readonly openCommand?: string;
  /** The version of its fields (absent: 1); entities are read migrated to it. Since API 1.5. */
  readonly version?: number;
}

/** A registered relation kind, as plugins see it. */
export interface RelationKindInfo {
  /** The type: short for a built-in (`mentors`), `<plugin id>/<name>` otherwise (since 1.5). */
  readonly type: string;
  /** Label for the UI, e.g. `mentors`. */
  readonly label: string;
  /** Kinds a relation of this type may start at. */
  readonly from: readonly string[];
  /** Kinds it may point to. */
  readonly to: readonly string[];
  /**
   * The version of its attributes (absent: 1); relations are read with their attributes migrated
   * to it. Since API 1.5.
   */
  readonly version?: number;
}

/**
 * How the graph draws one entity kind or relation type, as an enabled plugin's manifest declares
 * it (`contributes.graphStyles`). Exactly one of `kind` and `relation` is set.
 */
export interface GraphStyleInfo {
  /** The entity kind styled, e.g. `meeting`. */
  readonly kind?: string;
  /** The relation type styled, e.g. `mentors`. */
  readonly relation?: string;
  /** CSS colour of the node or the line. */
  readonly colour: string;
  /** Node shape: ellipse, round-rectangle, rectangle, diamond, hexagon, triangle or star. */
  readonly shape?: string;
  /** Icon name for the kind. */
  readonly icon?: string;
  /** Node size in pixels at zoom 1. */
  readonly size?: number;
  /** Line style of a relation. */
  readonly lineStyle?: 'solid' | 'dashed' | 'dotted';
  /** Id of the plugin that contributed it. */
  readonly pluginId: string;
}

/** Which entities to return. All criteria must hold. */
export interface EntityQuery {
  /** Only entities of this kind. */
  kind?: string;
  /** Fuzzy title search. */
  text?: string;
  /** Only these ids. */
  ids?: string[];
  /** At most this many (default: all). */
  limit?: number;
}

/** Which relations to return. All criteria must hold. */
export interface RelationQuery {
  /** Relations starting at this entity. */
  from?: string;
  /** Relations pointing to this entity. */
  to?: string;
  /** Relations of this type. */
  type?: string;
  /** Relations touching this entity at either end. */
  entity?: string;
}

/**
 * What changed in one transaction of the graph (local or from another member): a delta a view can
 * apply to what it shows without reading the graph again. The id lists say what happened; the
 * value lists carry the new values of everything added or changed.
 */
export interface GraphChange {
  /** Ids of entities created. */
  readonly entitiesAdded: readonly string[];
  /** Ids of entities whose title or fields changed. */
  readonly entitiesUpdated: readonly string[];
  /** Ids of entities deleted. */
  readonly entitiesRemoved: readonly string[];
  /** Ids of relations made (or whose attributes changed). */
  readonly relationsAdded: readonly string[];
  /**
   * Ids of relations removed, or hidden because an end was deleted (a view never shows a dangling
   * relation). A relation id is `from|type|to`, so its ends are known without a read.
   */
  readonly relationsRemoved: readonly string[];
  /** The new values of the entities in `entitiesAdded` and `entitiesUpdated`, in that order. */
  readonly entities: readonly EntityInfo[];
  /** The new values of the relations in `relationsAdded`. */
  readonly relations: readonly RelationInfo[];
}

/** Options of {@link GraphApi.search}. */
export interface GraphSearchOptions {
  /** Only entities of these kinds. */
  kinds?: readonly string[];
  /** At most this many hits (default 20). */
  limit?: number;
}

/** One hit of {@link GraphApi.search}, best first. */
export interface GraphSearchHit {
  /** The entity found. */
  readonly entity: EntityInfo;
  /** How well its title matches; higher is better, comparable only within one search. */
  readonly score: number;
}

/** Input to create an entity. */
export interface NewEntity {
  /**
   * A chosen id (1-64 letters, digits, `_`, `-`): importers derive it from the source's own id,
   * so importing the same source again finds and updates what it made instead of duplicating it.
   * A random id otherwise; an id already in use is refused.
   */
  id?: string;
  /** The kind; it must be registered. */
  kind: string;
  /** The title. */
  title: string;
  /** Field values; checked against the kind's schema. */
  fields?: JsonObject;
  /** Whether the entity owns a co-edited document (an artifact's text, a meeting's notes). */
  document?: boolean;
}

/** A change to an entity: only the given properties change. */
export interface EntityPatch {
  /** New title. */
  title?: string;
  /** Fields to set (others keep their values). */
  fields?: JsonObject;
}

/**
 * One serializable edit of the graph. Plugins normally build these with
 * {@link GraphApi.transact}; ids starting with `new:` refer to entities created earlier in the same
 * batch.
 */
export type GraphEdit =
  | { op: 'createEntity'; ref: string; entity: NewEntity }
  | { op: 'updateEntity'; id: string; patch: EntityPatch }
  | { op: 'deleteEntity'; id: string }
  | { op: 'link'; from: string; type: string; to: string; attributes?: JsonObject }
  | { op: 'unlink'; from: string; type: string; to: string };

/**
 * Records edits inside {@link GraphApi.transact}. Methods are synchronous: nothing is applied until
 * the transaction commits, all at once or not at all.
 */
export interface GraphTransaction {
  /** Creates an entity; returns a reference (`new:…`) usable in later edits of this transaction. */
  createEntity(entity: NewEntity): string;
  /** Changes an entity's title or fields. */
  updateEntity(id: string, patch: EntityPatch): void;
  /** Deletes an entity and the relations touching it. */
  deleteEntity(id: string): void;
  /** Makes the relation `from —type→ to` (idempotent). */
  link(from: string, type: string, to: string, attributes?: JsonObject): void;
  /** Removes the relation `from —type→ to` if it exists. */
  unlink(from: string, type: string, to: string): void;
}

/** What a committed transaction did. */
export interface TransactionResult<T = void> {
  /** What the transaction's function returned. */
  readonly value: T;
  /** Real ids of the entities created, in creation order. */
  readonly created: readonly string[];
  /** Maps a `new:…` reference from the transaction to the created entity's real id. */
  readonly refs: Readonly<Record<string, string>>;
}

/**
 * The community's graph. Reading needs the `graph.read` permission, writing `graph.write`.
 * Every read returns plain data (a copy): change the graph through {@link GraphApi.transact}.
 */
export interface GraphApi {
  /** One entity, or undefined when there is none with this id. */
  getEntity(id: string): Promise<EntityInfo | undefined>;
  /** Entities matching the query (all entities without one). */
  entities(query?: EntityQuery): Promise<EntityInfo[]>;
  /** Relations matching the query (all relations without one). Never returns a dangling one. */
  relations(query?: RelationQuery): Promise<RelationInfo[]>;
  /** The entities within `depth` hops of `id` (default 1) and the relations among them. */
  neighbourhood(
    id: string,
    depth?: number,
  ): Promise<{ entities: EntityInfo[]; relations: RelationInfo[] }>;
  /**
   * The graph as it was on a date (ISO 8601): for a time slider, or to see what changed since.
   * Entities and relations deleted since come back, with the titles they had then, when the host
   * keeps history: the web app reads the server's graph snapshots (the latest one taken at or
   * before the date, plus what still exists and was created after it up to the date); a headless
   * host reads the snapshots it was given (`createHeadlessHost(workspace, { history })`). Without
   * history (or before its first snapshot) the answer comes from creation stamps alone: what exists
   * now and was created by then, so nothing deleted comes back. A date not before now is the live
   * graph. Like every read it needs `graph.read`; an invalid date rejects.
   */
  at(date: string): Promise<{ entities: EntityInfo[]; relations: RelationInfo[] }>;
  /**
   * Ranked title search over the graph's index: every word of `text` must match a title word, the
   * last as a prefix (for type-ahead), with small typos forgiven; best first. Empty text finds
   * nothing. Needs `graph.read`.
   */
  search(text: string, options?: GraphSearchOptions): Promise<GraphSearchHit[]>;
  /** Every registered entity kind. */
  entityKinds(): Promise<EntityKindInfo[]>;
  /** Every registered relation kind. */
  relationKinds(): Promise<RelationKindInfo[]>;
  /**
   * The graph styles the enabled plugins declare (`contributes.graphStyles`), in plugin order: a
   * later style for the same kind or relation wins. What a graph view draws kinds and relations
   * with. Needs `graph.read`.
   */
  styles(): Promise<GraphStyleInfo[]>;
  /**
   * Fires after every change to the graph, local or remote, with the delta (ids and new values).
   * Subscribing needs `graph.read`.
   */
  readonly onDidChange: Event<GraphChange>;
  /**
   * Runs `build` to record edits, then applies them in one transaction (one undo step). If any edit
   * is invalid (unknown kind, a field failing its schema, a link the relation kind forbids) nothing
   * changes and the promise rejects with an error naming the problem.
   */
  transact<T>(build: (tx: GraphTransaction) => T | Promise<T>): Promise<TransactionResult<T>>;
  /** The primitive under {@link GraphApi.transact}: applies recorded edits atomically. */
  applyEdits(edits: GraphEdit[]): Promise<TransactionResult<undefined>>;
}
