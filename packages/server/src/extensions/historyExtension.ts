import type { Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { ServerServices } from '../services.ts';
import { parseDocumentName } from '../sync/documentName.ts';
import { memberOf } from '../sync/syncContext.ts';

/**
 * Keeps graph snapshots as members work: after a member's change to a workspace graph, at most
 * one snapshot per `intervalMs`.
 */
export function historyExtension(services: ServerServices, intervalMs = 5 * 60_000): Extension {
  const { history } = services;
  const last = new Map<string, number>();
  return {
    extensionName: 'repertoire-history',
    async onChange({ document, documentName, transactionOrigin }) {
      const name = parseDocumentName(documentName);
      if (name?.kind !== 'graph' || !memberOf(transactionOrigin)) return;
      const now = Date.now();
      const previous =
        last.get(name.workspaceId) ?? (await history.lastSnapshotTime(name.workspaceId));
      if (now - previous < intervalMs) {
        last.set(name.workspaceId, previous);
        return;
      }
      last.set(name.workspaceId, now);
      await history.addSnapshot(name.workspaceId, Y.encodeStateAsUpdate(document), 'auto');
    },
  };
}
