import { type Entity, type EntityId, ValidationError } from '@repertoire/schema';
import * as Y from 'yjs';
import { documentDocName, isEntityMap } from './graphDoc.ts';
import type { CreateEntityInput, Workspace } from './workspace.ts';

/**
 * The co-edited documents of a workspace. A document is an entity (usually an artifact) flagged
 * `document: true`; its rich-text content is a separate Y.Doc named `<workspace>/doc/<id>`,
 * loaded only when opened, so the graph stays small.
 */
export class DocumentRegistry {
  private readonly workspace: Workspace;

  constructor(workspace: Workspace) {
    this.workspace = workspace;
  }

  /** Creates an entity that has a co-edited document (validated like any entity). */
  create(input: Omit<CreateEntityInput, 'document'>): Entity {
    return this.workspace.createEntity({ ...input, document: true });
  }

  /** Gives an existing entity a co-edited document. */
  attach(id: EntityId): Entity {
    const map = this.workspace.graphMaps.entities.get(id);
    if (!isEntityMap(map)) throw new ValidationError('id', `no entity "${id}"`);
    if (map.get('document') !== true) this.workspace.transact(() => map.set('document', true));
    return this.workspace.getEntity(id) as Entity;
  }

  /** Whether `id` is an entity with a co-edited document. */
  isDocument(id: EntityId): boolean {
    const map = this.workspace.graphMaps.entities.get(id);
    return isEntityMap(map) && map.get('document') === true;
  }

  /** Every entity with a co-edited document. */
  list(): Entity[] {
    return this.workspace.entities().filter((e) => e.document === true);
  }

  /** The sync name of `id`'s content document: `<workspace>/doc/<id>`. */
  docName(id: EntityId): string {
    if (this.workspace.id === undefined) {
      throw new Error('docName: the workspace was opened without an id');
    }
    return documentDocName(this.workspace.id, id);
  }

  /**
   * A fresh, empty Y.Doc for `id`'s content, named for sync and keeping deleted content so named
   * versions can be rebuilt; a provider then fills it.
   */
  createContentDoc(id: EntityId): Y.Doc {
    if (!this.isDocument(id)) throw new ValidationError('id', `"${id}" has no co-edited document`);
    return new Y.Doc({ guid: this.docName(id), gc: false });
  }
}
