import {
  asUserId,
  type Entity,
  type EntityId,
  type EntityKindDefinition,
  entityIdSchema,
  type FieldValue,
  parseOrThrow,
  parseRelationId,
  type Relation,
  type RelationAttributes,
  type RelationId,
  type RelationKindDefinition,
  relationAttributesSchema,
  relationId,
  relationTypeSchema,
  titleSchema,
  type UserId,
  ValidationError,
} from '@repertoire/schema';
import * as Y from 'yjs';
import { type Disposable, Emitter, type Event } from './disposable.ts';
import { newEntityId } from './entityId.ts';
import {
  currentEntity,
  kindVersion,
  type OutdatedEntity,
  refuseFuture,
  storedVersion,
  upgradeWrites,
  VERSION_KEY,
} from './entityVersions.ts';
import {
  FIELD_PREFIX,
  type GraphMaps,
  graphMaps,
  isEntityMap,
  isStamp,
  readEntity,
  readRelation,
  type Stamp,
  type StoredRelation,
} from './graphDoc.ts';
import { findInvalidGraphValues, type InvalidGraphValue, repairGraph } from './graphProblems.ts';
import { Incidence } from './incidence.ts';
import { type CompiledEntityKind, KindRegistry } from './kindRegistry.ts';
import {
  currentAttributes,
  currentRelation,
  type OutdatedRelation,
  RELATION_VERSION_KEY,
  refuseFutureRelation,
  relationKindVersion,
  storedRelationVersion,
} from './relationVersions.ts';
import { SettingsStore } from './settingsStore.ts';

/** How a {@link Workspace} is opened. */
export interface WorkspaceOptions {
  /** Who is editing: stamped on what they create and change, and whose undo stack is theirs. */
  user: string;
  /** The workspace (community) id; names the documents (`<id>/graph`, `<id>/doc/<entity>`). */
  id?: string;
  /** The clock, in ms since the epoch (tests pass a fixed one). */
  now?: () => number;
  /** Edits closer together than this (ms) undo as one step. Default 500. */
  captureTimeout?: number;
}

/** What to create: the kind, a title and the kind's fields. */
export interface CreateEntityInput {
  /** A chosen id (imports keep theirs); a random one otherwise. */
  id?: string;
  kind: string;
  title: string;
  fields?: Record<string, FieldValue>;
  /** Whether the entity has a co-edited document (see `DocumentRegistry`). */
  document?: boolean;
}

/** What to change: a new title and/or field values (`null` clears a field). */
export interface UpdateEntityInput {
  title?: string;
  fields?: Record<string, FieldValue | null>;
}

/** What {@link Workspace.upgradeEntities} did. */
export interface EntityUpgrade {
  /** The entities now stored at their kind's current version. */
  upgraded: OutdatedEntity[];
  /** The entities left as they were, and why (a field the migrated shape lacks, a newer version…). */
  failed: (OutdatedEntity & { reason: string })[];
}

/** What {@link Workspace.upgradeRelations} did. */
export interface RelationUpgrade {
  /** The relations now stored at their kind's current version. */
  upgraded: OutdatedRelation[];
  /** The relations left as they were, and why. */
  failed: (OutdatedRelation & { reason: string })[];
}

/** Options of {@link Workspace.link}. */
export interface LinkOptions {
  attributes?: RelationAttributes;
  /** The document a derived relation comes from (mentions); manual when absent. */
  docId?: EntityId;
}

/** Which relations {@link Workspace.relations} returns; every given criterion must hold. */
export interface RelationQuery {
  from?: EntityId;
  to?: EntityId;
  /** Either end. */
  entity?: EntityId;
  type?: string;
}

/** Ids added, updated and removed by one transaction. */
export interface ChangeSet<Id> {
  added: Id[];
  updated: Id[];
  removed: Id[];
}

/** What one transaction changed in the graph, local or from a peer. */
export interface WorkspaceChangeEvent {
  entities: ChangeSet<EntityId>;
  relations: ChangeSet<RelationId>;
  settings: string[];
  /** True when this workspace (its user, or its undo/redo) made the change. */
  local: boolean;
}

/**
 * The community's knowledge graph over its graph Y.Doc: entities, relations and settings, with
 * every write validated against the kinds registered at run time, per-user undo and redo, and
 * change events. Many `Workspace` objects (one per user session) may share one document.
 */
export class Workspace {
  /** The graph document (create it with `createGraphDoc()` so history is kept). */
  readonly doc: Y.Doc;
  /** The editing user. */
  readonly user: UserId;
  /** The workspace id, if given. */
  readonly id: string | undefined;
  /** Entity and relation kinds known to this session. */
  readonly kinds = new KindRegistry();

  /** Workspace settings (name, enabled plugins, plugin settings), shared by everyone. */
  readonly settings: SettingsStore;

  private readonly maps: GraphMaps;
  private readonly now: () => number;
  private readonly undoManager: Y.UndoManager;
  private readonly changes = new Emitter<WorkspaceChangeEvent>({ rethrowListenerErrors: true });
  private incidence: Incidence | undefined;
  private pending: WorkspaceChangeEvent | undefined;
  private readonly entityObserver = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (!this.changes.hasListeners) return;
    const change = this.pendingChange();
    for (const event of events) {
      if (event.target === this.maps.entities) {
        for (const [key, c] of event.changes.keys) {
          const id = key as EntityId;
          if (c.action === 'add') change.entities.added.push(id);
          else if (c.action === 'delete') change.entities.removed.push(id);
          else change.entities.updated.push(id);
        }
      } else {
        const id = event.path[0];
        if (typeof id === 'string') change.entities.updated.push(id as EntityId);
      }
    }
  };
  private readonly relationObserver = (event: Y.YMapEvent<StoredRelation>) => {
    if (!this.changes.hasListeners) return;
    const change = this.pendingChange();
    for (const [key, c] of event.changes.keys) {
      const id = key as RelationId;
      if (c.action === 'add') change.relations.added.push(id);
      else if (c.action === 'delete') change.relations.removed.push(id);
      else change.relations.updated.push(id);
    }
  };
  private readonly settingsObserver = (event: Y.YMapEvent<unknown>) => {
    if (!this.changes.hasListeners) return;
    this.pendingChange().settings.push(...event.keysChanged);
  };
  private readonly afterTransaction = (transaction: Y.Transaction) => {
    const change = this.pending;
    if (!change) return;
    this.pending = undefined;
    change.local = transaction.origin === this || transaction.origin === this.undoManager;
    change.entities.updated = [...new Set(change.entities.updated)].filter(
      (id) => !change.entities.added.includes(id) && !change.entities.removed.includes(id),
    );
    this.changes.fire(change);
  };

  /** Fires once per transaction that changed the graph, after it is applied. */
  readonly onDidChange: Event<WorkspaceChangeEvent> = this.changes.event;

  constructor(doc: Y.Doc, options: WorkspaceOptions) {
    this.doc = doc;
    this.user = asUserId(options.user);
    this.id = options.id;
    this.now = options.now ?? Date.now;
    this.maps = graphMaps(doc);
    this.settings = new SettingsStore(this.maps.settings, this);
    this.undoManager = new Y.UndoManager([this.maps.entities, this.maps.relations], {
      trackedOrigins: new Set([this]),
      captureTimeout: options.captureTimeout ?? 500,
    });
    // Mentions are the core's own relation: any document may mention any entity.
    this.kinds.registerRelationKind({
      type: 'mentions',
      label: 'mentions',
      from: ['*'],
      to: ['*'],
    });
    this.maps.entities.observeDeep(this.entityObserver);
    this.maps.relations.observe(this.relationObserver);
    this.maps.settings.observe(this.settingsObserver);
    doc.on('afterTransaction', this.afterTransaction);
  }

  /**
   * Registers an entity kind (plugins do this on activation), contributed by plugin `owner` when
   * given (so its qualified name resolves); dispose to remove it.
   */
  registerEntityKind(definition: EntityKindDefinition, owner?: string): Disposable {
    return this.kinds.registerEntityKind(definition, owner);
  }

  /** Registers a relation kind, contributed by plugin `owner` when given; dispose to remove it. */
  registerRelationKind(definition: RelationKindDefinition, owner?: string): Disposable {
    return this.kinds.registerRelationKind(definition, owner);
  }

  /**
   * Runs `fn` as one transaction: observers see one change, and it undoes as one step. Each write
   * inside still validates before it touches the document; a write that throws leaves the ones
   * before it in place.
   */
  transact<T>(fn: () => T): T {
    let result: T | undefined;
    this.doc.transact(() => {
      result = fn();
    }, this);
    return result as T;
  }

  /**
   * Creates an entity after validating its kind, title and fields; throws a
   * {@link ValidationError} otherwise. A built-in's qualified kind name
   * (`repertoire.knowledge/practice`) creates one of its short-named kind (`practice`).
   */
  createEntity(input: CreateEntityInput): Entity {
    const id =
      input.id === undefined ? newEntityId() : parseOrThrow(entityIdSchema, input.id, 'id');
    const title = parseOrThrow(titleSchema, input.title, 'title');
    const kind = this.kinds.entityKindName(input.kind);
    const fields = this.kinds.validateFields(kind, input.fields ?? {}, true);
    if (this.maps.entities.has(id))
      throw new ValidationError('id', `an entity "${id}" already exists`);
    this.checkRefs(kind, fields);
    const stamp: Stamp = { by: this.user, at: this.now() };
    const map = new Y.Map<unknown>();
    map.set('kind', kind);
    map.set('title', title);
    map.set('created', stamp);
    map.set('updated', stamp);
    if (input.document) map.set('document', true);
    const version = kindVersion(this.kinds.entityKind(kind) as CompiledEntityKind);
    if (version > 1) map.set(VERSION_KEY, version);
    for (const [name, value] of fields) map.set(FIELD_PREFIX + name, value);
    this.transact(() => this.maps.entities.set(id, map));
    return this.read(id, map) as Entity;
  }

  /**
   * Changes an entity's title and/or fields after validating them; nothing changes if any is
   * invalid. An entity stored at an older version of its kind is written whole in the current
   * shape (its migrated fields, with these changes), at the current version.
   */
  updateEntity(id: EntityId, input: UpdateEntityInput): Entity {
    const map = this.entityMap(id);
    const kind = map.get('kind') as string;
    const version = storedVersion(map);
    refuseFuture(this.kinds, id, kind, version);
    const title =
      input.title === undefined ? undefined : parseOrThrow(titleSchema, input.title, 'title');
    let fields = this.kinds.validateFields(kind, input.fields ?? {}, false);
    const compiled = this.kinds.entityKind(kind) as CompiledEntityKind;
    const upgrade = version < kindVersion(compiled);
    if (upgrade)
      fields = upgradeWrites(this.kinds, readEntity(id, map) as Entity, version, map, fields);
    // Only what changes: a reference the entity already holds may point to a since-deleted entity.
    this.checkRefs(
      kind,
      new Map([...fields].filter(([name, v]) => !sameValue(map.get(FIELD_PREFIX + name), v))),
    );
    this.transact(() => {
      let changed = false;
      if (upgrade) {
        map.set(VERSION_KEY, kindVersion(compiled));
        changed = true;
      }
      if (title !== undefined && map.get('title') !== title) {
        map.set('title', title);
        changed = true;
      }
      for (const [name, value] of fields) {
        const key = FIELD_PREFIX + name;
        if (value === null) {
          if (map.has(key)) {
            map.delete(key);
            changed = true;
          }
        } else if (!sameValue(map.get(key), value)) {
          map.set(key, value);
          changed = true;
        }
      }
      if (changed) map.set('updated', { by: this.user, at: this.now() } satisfies Stamp);
    });
    return this.read(id, map) as Entity;
  }

  /** Deletes an entity and, in the same transaction, every relation that touches it. */
  deleteEntity(id: EntityId): void {
    this.entityMap(id);
    const incident = [...this.incidenceIndex().of(id)];
    this.transact(() => {
      for (const key of incident) this.maps.relations.delete(key);
      this.maps.entities.delete(id);
    });
  }

  /** The entity with `id`, or `undefined`. */
  getEntity(id: EntityId): Entity | undefined {
    return this.read(id, this.maps.entities.get(id));
  }

  /** Whether an entity with `id` exists. */
  hasEntity(id: EntityId): boolean {
    return isEntityMap(this.maps.entities.get(id));
  }

  /** Every entity, or those of one kind. Reads the document; use `GraphIndex` for repeated queries. */
  entities(kindName?: string): Entity[] {
    const kind = kindName === undefined ? undefined : this.kinds.entityKindName(kindName);
    const out: Entity[] = [];
    for (const [id, map] of this.maps.entities.entries()) {
      // Any client may have written the slot; what is not an entity is skipped (see invalidValues).
      const entity = this.read(id, map);
      if (entity && (kind === undefined || entity.kind === kind)) out.push(entity);
    }
    return out;
  }

  /**
   * Values in the graph document no reader can use (an entity slot holding a string, a null
   * relation…), which every read skips. Owners remove them with {@link repair}.
   */
  invalidValues(): InvalidGraphValue[] {
    return findInvalidGraphValues(this.doc);
  }

  /** Removes every value {@link invalidValues} reports, in one transaction; returns them. */
  repair(): InvalidGraphValue[] {
    return repairGraph(this.doc, this);
  }

  /**
   * The entities stored at another version than their kind's current one (older: readers see
   * them migrated; newer: written by a newer plugin). Entities of unregistered kinds are left out.
   */
  outdatedEntities(): OutdatedEntity[] {
    const out: OutdatedEntity[] = [];
    for (const [id, map] of this.maps.entities.entries()) {
      if (!isEntityMap(map)) continue;
      const kind = map.get('kind') as string;
      const compiled = this.kinds.entityKind(kind);
      const version = storedVersion(map);
      if (compiled && version !== kindVersion(compiled))
        out.push({ id: id as EntityId, kind, version, current: kindVersion(compiled) });
    }
    return out;
  }

  /**
   * Writes every outdated entity's migrated fields into the shared graph at its kind's current
   * version, in one transaction (one undo step). An entity whose migrated fields are invalid, or
   * that is newer than its kind, is left as it is and reported.
   */
  upgradeEntities(): EntityUpgrade {
    const result: EntityUpgrade = { upgraded: [], failed: [] };
    const outdated = this.outdatedEntities();
    if (outdated.length === 0) return result;
    this.stopCapturing();
    this.transact(() => {
      for (const entry of outdated) {
        try {
          this.updateEntity(entry.id, {});
          result.upgraded.push(entry);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          result.failed.push({ ...entry, reason: error.message });
        }
      }
    });
    this.stopCapturing();
    return result;
  }

  /**
   * The relations stored at another version than their kind's current one (older: readers see
   * their attributes migrated; newer: written by a newer plugin). Unregistered types are left out.
   */
  outdatedRelations(): OutdatedRelation[] {
    const out: OutdatedRelation[] = [];
    for (const [key, value] of this.maps.relations.entries() as IterableIterator<
      [string, unknown]
    >) {
      const ends = parseRelationId(key);
      const kind = ends && this.kinds.relationKind(ends.type);
      if (!ends || !kind || !isStamp(value)) continue;
      const version = storedRelationVersion(value);
      const current = relationKindVersion(kind);
      if (version !== current)
        out.push({ id: key as RelationId, type: ends.type, version, current });
    }
    return out;
  }

  /**
   * Writes every outdated relation's migrated attributes at its kind's current version, in one
   * transaction (one undo step); one whose end is gone, or that is newer than its kind, is left
   * as it is and reported.
   */
  upgradeRelations(): RelationUpgrade {
    const result: RelationUpgrade = { upgraded: [], failed: [] };
    const outdated = this.outdatedRelations();
    if (outdated.length === 0) return result;
    this.stopCapturing();
    this.transact(() => {
      for (const entry of outdated) {
        const ends = parseRelationId(entry.id) as NonNullable<ReturnType<typeof parseRelationId>>;
        try {
          this.link(ends.from, ends.type, ends.to);
          result.upgraded.push(entry);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          result.failed.push({ ...entry, reason: error.message });
        }
      }
    });
    this.stopCapturing();
    return result;
  }

  /**
   * Links `from` to `to` with a relation of `type`, checking that both exist and that the
   * relation kind may join their kinds. Linking twice is one relation (its key is `from|type|to`);
   * relinking with other attributes updates them.
   */
  link(from: EntityId, typeName: string, to: EntityId, options: LinkOptions = {}): Relation {
    const type = this.kinds.relationTypeName(parseOrThrow(relationTypeSchema, typeName, 'type'));
    const fromMap = this.entityMap(from, 'from');
    const toMap = this.entityMap(to, 'to');
    if (from === to) throw new ValidationError('to', 'a relation joins two different entities');
    this.kinds.checkRelation(type, fromMap.get('kind') as string, toMap.get('kind') as string);
    const attrs =
      options.attributes === undefined
        ? undefined
        : parseOrThrow(relationAttributesSchema, options.attributes, 'attributes');
    if (options.docId !== undefined) parseOrThrow(entityIdSchema, options.docId, 'docId');
    const key = relationId(from, type, to);
    const stored: unknown = this.maps.relations.get(key);
    const existing = isStamp(stored) ? (stored as StoredRelation) : undefined;
    const value: StoredRelation = existing ? { ...existing } : { by: this.user, at: this.now() };
    // A relation is written in its kind's current shape: an older one's attributes migrate first.
    const current = relationKindVersion(this.kinds.relationKind(type) as RelationKindDefinition);
    if (existing) {
      const version = storedRelationVersion(existing);
      refuseFutureRelation(this.kinds, key, type, version);
      if (version < current && existing.attrs !== undefined)
        value.attrs = currentAttributes(this.kinds, type, existing.attrs, version);
    }
    if (attrs !== undefined) value.attrs = attrs;
    if (current > 1) value[RELATION_VERSION_KEY] = current;
    else delete value[RELATION_VERSION_KEY];
    if (options.docId !== undefined) value.doc = options.docId;
    if (!existing || !sameValue(existing, value)) {
      this.transact(() => this.maps.relations.set(key, value));
    }
    return readRelation(key, value) as Relation;
  }

  /** Removes the relation `from -type-> to` (or by its id); returns whether it existed. */
  unlink(from: EntityId, type: string, to: EntityId): boolean;
  unlink(id: RelationId): boolean;
  unlink(fromOrId: string, type?: string, to?: string): boolean {
    const key =
      type === undefined
        ? fromOrId
        : relationId(fromOrId as EntityId, this.kinds.relationTypeName(type), to as EntityId);
    if (!this.maps.relations.has(key)) return false;
    this.transact(() => this.maps.relations.delete(key));
    return true;
  }

  /** The relation with `id` if it exists and both its ends exist. */
  getRelation(id: RelationId): Relation | undefined {
    const relation = this.readRelation(id);
    return relation && this.visible(relation) ? relation : undefined;
  }

  /**
   * Relations matching `query`. A relation whose end was deleted (for instance by a concurrent
   * edit) is never returned.
   */
  relations(query: RelationQuery = {}): Relation[] {
    const type = query.type === undefined ? undefined : this.kinds.relationTypeName(query.type);
    const anchor = query.entity ?? query.from ?? query.to;
    const keys: Iterable<string> = anchor
      ? this.incidenceIndex().of(anchor)
      : this.maps.relations.keys();
    const out: Relation[] = [];
    for (const key of keys) {
      const ends = parseRelationId(key);
      if (!ends) continue;
      if (query.from !== undefined && ends.from !== query.from) continue;
      if (query.to !== undefined && ends.to !== query.to) continue;
      if (type !== undefined && ends.type !== type) continue;
      if (query.entity !== undefined && ends.from !== query.entity && ends.to !== query.entity) {
        continue;
      }
      const relation = this.readRelation(key);
      if (relation && this.visible(relation)) out.push(relation);
    }
    return out;
  }

  /** Undoes this user's last change (never someone else's); returns whether there was one. */
  undo(): boolean {
    return this.undoManager.undo() !== null;
  }

  /** Redoes this user's last undone change; returns whether there was one. */
  redo(): boolean {
    return this.undoManager.redo() !== null;
  }

  /** Whether {@link undo} would do something. */
  canUndo(): boolean {
    return this.undoManager.canUndo();
  }

  /** Whether {@link redo} would do something. */
  canRedo(): boolean {
    return this.undoManager.canRedo();
  }

  /** Makes the next change a separate undo step even if it comes quickly. */
  stopCapturing(): void {
    this.undoManager.stopCapturing();
  }

  /** The raw shared types, for the index, history and document registry in this package. */
  get graphMaps(): GraphMaps {
    return this.maps;
  }

  /** Stops listening to the document and drops listeners and the undo stack. */
  dispose(): void {
    this.maps.entities.unobserveDeep(this.entityObserver);
    this.maps.relations.unobserve(this.relationObserver);
    this.maps.settings.unobserve(this.settingsObserver);
    this.doc.off('afterTransaction', this.afterTransaction);
    this.undoManager.destroy();
    this.incidence?.dispose();
    this.changes.dispose();
  }

  /** An entity as stored, its fields upgraded to its kind's current version. */
  private read(id: string, map: unknown): Entity | undefined {
    const entity = readEntity(id, map);
    return entity && currentEntity(this.kinds, entity, storedVersion(map as Y.Map<unknown>));
  }

  /** A relation as stored, its attributes upgraded to its kind's current version. */
  private readRelation(key: string): Relation | undefined {
    const value: unknown = this.maps.relations.get(key);
    const relation = readRelation(key, value);
    return relation && currentRelation(this.kinds, relation, storedRelationVersion(value));
  }

  private visible(relation: { from: EntityId; to: EntityId }): boolean {
    return this.hasEntity(relation.from) && this.hasEntity(relation.to);
  }

  private entityMap(id: EntityId, field = 'id'): Y.Map<unknown> {
    const map = this.maps.entities.get(id);
    if (!isEntityMap(map)) throw new ValidationError(field, `no entity "${id}"`);
    return map;
  }

  private checkRefs(kind: string, fields: Map<string, FieldValue | null>): void {
    const compiled = this.kinds.entityKind(kind);
    for (const [name, value] of fields) {
      const def = compiled?.fields.get(name)?.definition;
      if (def?.type !== 'entityRef' || typeof value !== 'string') continue;
      const target = this.maps.entities.get(value);
      if (!isEntityMap(target)) {
        throw new ValidationError(`fields.${name}`, `no entity "${value}"`);
      }
      const targetKind = target.get('kind') as string;
      if (def.refKinds && !def.refKinds.includes(targetKind)) {
        throw new ValidationError(
          `fields.${name}`,
          `${def.label} must be a ${def.refKinds.join(' or ')}, not a ${targetKind}`,
        );
      }
    }
  }

  private incidenceIndex(): Incidence {
    this.incidence ??= new Incidence(this.maps.relations);
    return this.incidence;
  }

  private pendingChange(): WorkspaceChangeEvent {
    this.pending ??= {
      entities: { added: [], updated: [], removed: [] },
      relations: { added: [], updated: [], removed: [] },
      settings: [],
      local: false,
    };
    return this.pending;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
