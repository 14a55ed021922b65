import {
  currentGraphState,
  DocumentRegistry,
  GraphIndex,
  readGraphState,
  type Workspace,
} from '@repertoire/core';
import {
  type Disposable,
  Emitter,
  type EntityInfo,
  type EntityQuery,
  type GraphChange,
  type GraphEdit,
  type GraphSearchHit,
  type JsonObject,
  type JsonValue,
  type RelationInfo,
  type RelationQuery,
  type TransactionResult,
} from '@repertoire/plugin-api';
import type { Entity, FieldValue, Relation } from '@repertoire/schema';
import * as Y from 'yjs';
import { type GraphHistory, pastGraphState } from './graphHistory.ts';
import type { DocumentBackend, GraphBackend, SettingsBackend, SettingsChange } from './services.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The plugin API's view of a core entity: plain data with ISO dates. */
export function toEntityInfo(entity: Entity): EntityInfo {
  return {
    id: entity.id,
    kind: entity.kind,
    title: entity.title,
    ...(entity.document ? { document: true } : {}),
    fields: { ...(entity.fields as JsonObject) },
    createdBy: entity.createdBy,
    createdAt: iso(entity.createdAt),
    updatedBy: entity.updatedBy,
    updatedAt: iso(entity.updatedAt),
  };
}

/** The plugin API's view of a core relation. */
export function toRelationInfo(relation: Relation): RelationInfo {
  return {
    id: relation.id,
    from: relation.from,
    type: relation.type,
    to: relation.to,
    attributes: { ...relation.attributes },
    createdBy: relation.createdBy,
    createdAt: iso(relation.createdAt),
    source: relation.source,
  };
}

const asFields = (fields: JsonObject | undefined): Record<string, FieldValue> =>
  (fields ?? {}) as Record<string, FieldValue>;

/** Options of {@link workspaceGraphBackend}. */
export interface WorkspaceGraphBackendOptions {
  /**
   * Where the host keeps the graph's past (the server's snapshots in the web app, a
   * `SnapshotHistory` in tests). Without it, `graph.at` answers from creation stamps alone,
   * so what was deleted never comes back.
   */
  readonly history?: GraphHistory;
}

/**
 * The graph backend over the core's {@link Workspace}: what plugins read and write goes through
 * the core's validation. A batch of edits is atomic: when one fails, the ones before it are rolled
 * back, so a plugin's bad transaction changes nothing. The past (`at`) is the latest state
 * `options.history` kept at or before the date plus what was created after it, or creation stamps
 * alone without history ({@link pastGraphState}).
 */
export function workspaceGraphBackend(
  workspace: Workspace,
  options: WorkspaceGraphBackendOptions = {},
): GraphBackend {
  let feed: Disposable | undefined;
  const onDidChange: Emitter<GraphChange> = new Emitter<GraphChange>({
    onFirstListener: () => {
      feed = workspace.onDidChange((e) => {
        if (
          e.entities.added.length +
            e.entities.updated.length +
            e.entities.removed.length +
            e.relations.added.length +
            e.relations.updated.length +
            e.relations.removed.length ===
          0
        )
          return;
        const entitiesAdded = [...e.entities.added];
        const entitiesUpdated = [...e.entities.updated];
        const entityValues: EntityInfo[] = [];
        for (const id of [...entitiesAdded, ...entitiesUpdated]) {
          const entity = workspace.getEntity(id);
          if (entity) entityValues.push(toEntityInfo(entity));
        }
        // A relation whose end is gone is not shown, so it is reported as removed.
        const relationsAdded: string[] = [];
        const relationsRemoved = [...e.relations.removed];
        const relationValues: RelationInfo[] = [];
        for (const id of [...e.relations.added, ...e.relations.updated]) {
          const relation = workspace.getRelation(id);
          if (relation) {
            relationsAdded.push(id);
            relationValues.push(toRelationInfo(relation));
          } else relationsRemoved.push(id);
        }
        onDidChange.fire({
          entitiesAdded,
          entitiesUpdated,
          entitiesRemoved: [...e.entities.removed],
          relationsAdded,
          relationsRemoved,
          entities: entityValues,
          relations: relationValues,
        });
      });
    },
    onLastListener: () => {
      feed?.dispose();
      feed = undefined;
    },
  });
  const entities = (query: EntityQuery = {}): EntityInfo[] => {
    let list = workspace.entities(query.kind);
    if (query.ids) {
      const ids = new Set(query.ids);
      list = list.filter((e) => ids.has(e.id));
    }
    if (query.text) {
      const needle = query.text.toLowerCase();
      list = list
        .filter((e) => e.title.toLowerCase().includes(needle))
        .sort(
          (a, b) => a.title.toLowerCase().indexOf(needle) - b.title.toLowerCase().indexOf(needle),
        );
    }
    if (query.limit !== undefined) list = list.slice(0, query.limit);
    return list.map(toEntityInfo);
  };

  const relations = (query: RelationQuery = {}): RelationInfo[] =>
    workspace.relations(query as Parameters<Workspace['relations']>[0]).map(toRelationInfo);

  const applyEdits = (edits: GraphEdit[]): TransactionResult<undefined> => {
    const { entities: entityMap, relations: relationMap } = workspace.graphMaps;
    // Records exactly this batch so a failure part-way can be undone without touching the
    // user's own undo history beyond it.
    const rollback = new Y.UndoManager([entityMap, relationMap], {
      trackedOrigins: new Set([workspace]),
      captureTimeout: Number.POSITIVE_INFINITY,
    });
    const refs: Record<string, string> = {};
    const created: string[] = [];
    const resolve = (id: string, at: string): string => {
      if (!id.startsWith('new:')) return id;
      const real = refs[id];
      if (!real)
        throw new Error(`${at}: ${id} refers to no entity created earlier in this transaction`);
      return real;
    };
    // A plugin's transaction is exactly one step of the member's undo history (the API says so):
    // never merged with a change just before or after it.
    workspace.stopCapturing();
    try {
      workspace.transact(() => {
        edits.forEach((edit, i) => {
          const at = `edits[${i}]`;
          try {
            switch (edit.op) {
              case 'createEntity': {
                if (edit.entity.id !== undefined && workspace.hasEntity(edit.entity.id as never))
                  throw new Error(`an entity with id ${edit.entity.id} already exists`);
                const entity = workspace.createEntity({
                  ...(edit.entity.id !== undefined ? { id: edit.entity.id } : {}),
                  kind: edit.entity.kind,
                  title: edit.entity.title,
                  fields: asFields(edit.entity.fields),
                  ...(edit.entity.document ? { document: true } : {}),
                });
                refs[edit.ref] = entity.id;
                created.push(entity.id);
                break;
              }
              case 'updateEntity':
                workspace.updateEntity(resolve(edit.id, at) as never, {
                  ...(edit.patch.title !== undefined ? { title: edit.patch.title } : {}),
                  ...(edit.patch.fields
                    ? { fields: edit.patch.fields as Record<string, FieldValue | null> }
                    : {}),
                });
                break;
              case 'deleteEntity':
                workspace.deleteEntity(resolve(edit.id, at) as never);
                break;
              case 'link':
                workspace.link(
                  resolve(edit.from, at) as never,
                  edit.type,
                  resolve(edit.to, at) as never,
                  edit.attributes
                    ? {
                        attributes: edit.attributes as Record<
                          string,
                          string | number | boolean | null
                        >,
                      }
                    : {},
                );
                break;
              case 'unlink':
                workspace.unlink(
                  resolve(edit.from, at) as never,
                  edit.type,
                  resolve(edit.to, at) as never,
                );
                break;
              default:
                throw new Error(`unknown edit ${(edit as { op: unknown }).op}`);
            }
          } catch (error) {
            const text = error instanceof Error ? error.message : String(error);
            throw new Error(`${at} (${edit.op}): ${text}`);
          }
        });
      });
    } catch (error) {
      rollback.undo();
      throw error;
    } finally {
      rollback.destroy();
      workspace.stopCapturing();
    }
    return { value: undefined, created, refs };
  };

  // The title index is built on the first search only: most sessions never search through the API.
  let index: GraphIndex | undefined;
  const search: GraphBackend['search'] = (text, options = {}) => {
    index ??= new GraphIndex(workspace.doc);
    const hits: GraphSearchHit[] = [];
    for (const hit of index.search(text, {
      ...(options.kinds
        ? { kinds: options.kinds.map((k) => workspace.kinds.entityKindName(k)) }
        : {}),
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
    })) {
      const entity = workspace.getEntity(hit.id);
      if (entity) hits.push({ entity: toEntityInfo(entity), score: hit.score });
    }
    return hits;
  };

  return {
    search,
    getEntity: (id) => {
      const entity = workspace.getEntity(id as never);
      return entity ? toEntityInfo(entity) : undefined;
    },
    entities,
    relations,
    neighbourhood(id, depth) {
      const seen = new Set<string>([id]);
      let frontier = [id];
      for (let d = 0; d < depth; d++) {
        const next: string[] = [];
        for (const at of frontier)
          for (const r of workspace.relations({ entity: at as never })) {
            const other = r.from === at ? r.to : r.from;
            if (!seen.has(other)) {
              seen.add(other);
              next.push(other);
            }
          }
        frontier = next;
      }
      const ids = [...seen];
      return {
        entities: entities({ ids }),
        relations: relations().filter((r) => seen.has(r.from) && seen.has(r.to)),
      };
    },
    async at(date) {
      // Both read in the current kinds' shape: what an older plugin version wrote, then or now,
      // shows migrated, as every other read does.
      const live = readGraphState(workspace.doc, workspace.kinds);
      // The live graph is the exact answer for now and later; history only for the past.
      const kept = date.getTime() >= Date.now() ? undefined : await options.history?.stateAt(date);
      const past =
        date.getTime() >= Date.now()
          ? live
          : pastGraphState(
              live,
              kept && { at: kept.at, state: currentGraphState(kept.state, workspace.kinds) },
              date,
            );
      return {
        entities: [...past.entities.values()].map(toEntityInfo),
        relations: [...past.relations.values()].map(toRelationInfo),
      };
    },
    entityKinds: () =>
      workspace.kinds.entityKinds().map((k) => ({
        ...k,
        fields: k.fields.map((f) => ({ ...f }) as JsonObject),
      })),
    relationKinds: () => workspace.kinds.relationKinds().map((k) => ({ ...k })),
    applyEdits,
    registerEntityKind: (kind, owner) => workspace.registerEntityKind(kind, owner),
    registerRelationKind: (kind, owner) => workspace.registerRelationKind(kind, owner),
    onDidChange: onDidChange.event,
  };
}

/** Workspace settings (enabled plugins, plugin settings) over the core's settings store. */
export function workspaceSettingsBackend(workspace: Workspace): SettingsBackend {
  let feed: Disposable | undefined;
  const changes: Emitter<SettingsChange> = new Emitter<SettingsChange>({
    onFirstListener: () => {
      feed = workspace.onDidChange((e) => {
        for (const key of e.settings) {
          if (key.startsWith('enabled:')) changes.fire({ enabled: key.slice(8) });
          else if (key.startsWith('plugin:')) changes.fire({ pluginId: key.slice(7) });
        }
      });
    },
    onLastListener: () => {
      feed?.dispose();
      feed = undefined;
    },
  });
  return {
    isPluginEnabled(pluginId) {
      const value = workspace.graphMaps.settings.get(`enabled:${pluginId}`);
      return typeof value === 'boolean' ? value : undefined;
    },
    setPluginEnabled: (pluginId, enabled) => workspace.settings.setPluginEnabled(pluginId, enabled),
    getPluginSetting: (pluginId, key) =>
      workspace.settings.get().pluginSettings[pluginId]?.[key] as JsonValue | undefined,
    setPluginSetting(pluginId, key, value) {
      const current = { ...(workspace.settings.get().pluginSettings[pluginId] ?? {}) };
      if (value === undefined) delete current[key];
      else current[key] = value;
      workspace.settings.setPluginSettings(pluginId, current);
    },
    onDidChange: changes.event,
  };
}

/**
 * Documents over the core's document registry: listing and creating them. Their text lives in each
 * document's own Y.Doc, which the editor loads; pass `getText` to read it (the workbench does).
 */
export function workspaceDocumentsBackend(
  workspace: Workspace,
  getText?: (id: string) => Promise<string>,
): DocumentBackend {
  const registry = new DocumentRegistry(workspace);
  const info = (e: { id: string; title: string }, ownerId?: string) => ({
    id: e.id,
    title: e.title,
    ...(ownerId ? { ownerId } : {}),
  });
  return {
    list: () => registry.list().map((e) => info(e)),
    create({ title, ownerId }) {
      if (ownerId) return info(registry.attach(ownerId as never), ownerId);
      if (!workspace.kinds.entityKind('artifact'))
        throw new Error('A document without an owner is an artifact; enable the artifacts plugin.');
      return info(registry.create({ kind: 'artifact', title, fields: { type: 'document' } }));
    },
    getText: async (id) => {
      if (!registry.isDocument(id as never)) throw new Error(`"${id}" has no co-edited document.`);
      if (!getText) throw new Error('Document text is only available where the editor runs.');
      return getText(id);
    },
  };
}
