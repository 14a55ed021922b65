import { documentDocName, reconcileMentions } from '@repertoire/core';
import type { DocumentBackend, LiveDocumentSource } from '@repertoire/plugin-host';
import type { EntityId } from '@repertoire/schema';
import type { WorkspaceSession } from '../account/workspaceSession.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { isDocument } from './customViewContext.ts';

/**
 * The plugin host's live documents over this window's sync session: each document opens on the
 * session's one connection (cached offline), and the host binds plugins to it through the API, so
 * no plugin ever holds the provider or the document itself. Editing follows the member's role.
 */
export function sessionLiveDocuments(
  services: WorkbenchServices,
  session: WorkspaceSession,
): Required<Pick<DocumentBackend, 'openLive'>> {
  const canEdit = () => !session.readOnly && !services.readOnly.get().readOnly;
  return {
    openLive(id): LiveDocumentSource {
      const ws = session.workspace;
      if (!isDocument(session, id)) throw new Error(`"${id}" has no co-edited document.`);
      const synced = session.sync.open(documentDocName(session.summary.id, id as EntityId));
      const awareness = synced.provider.awareness;
      let released = false;
      return {
        doc: synced.doc,
        ...(awareness ? { awareness } : {}),
        whenLoaded: synced.whenLoaded,
        whenSynced: synced.whenSynced,
        canEdit,
        setMentions(entityIds) {
          if (released || !canEdit() || !ws.hasEntity(id as EntityId)) return;
          reconcileMentions(ws, id as EntityId, entityIds as EntityId[]);
        },
        release() {
          if (released) return;
          released = true;
          synced.release();
        },
      };
    },
  };
}
