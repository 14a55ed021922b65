import type { Extension } from '@hocuspocus/server';
import type { ServerServices } from '../services.ts';
import { closeSocket } from '../sync/closeSocket.ts';
import { InvalidGraphUpdate } from '../sync/graphGuard.ts';
import type { SyncContext } from '../sync/syncContext.ts';

const SYNC_STEP_2 = 1;
const UPDATE = 2;

/**
 * Checks every update a member sends to a graph document (`<workspace>/graph`) against the kinds'
 * schemas right before Hocuspocus applies it (`beforeSync`, so nothing of it is stored or relayed
 * first). An update that would leave anything invalid closes the sender's socket with 4422
 * "Invalid graph update: <why>", and the document is unchanged for everyone. The y-websocket
 * endpoint runs the same check (`services.graphGuard`).
 */
export function graphValidationExtension(services: ServerServices): Extension {
  const { graphGuard, logger, metrics } = services;
  return {
    extensionName: 'repertoire-graph-validation',
    async beforeSync({ type, payload, document, documentName, connection, context }) {
      if ((type !== SYNC_STEP_2 && type !== UPDATE) || connection.readOnly) return;
      try {
        await graphGuard.check(documentName, document, payload, context as SyncContext);
      } catch (error) {
        if (!(error instanceof InvalidGraphUpdate)) throw error;
        metrics.errors += 1;
        logger.info(
          { documentName, userId: (context as SyncContext).user?.id, reason: error.message },
          'graph update refused',
        );
        closeSocket(connection, error.code, error.reason);
        throw error;
      }
    },
    async beforeUnloadDocument({ document }) {
      graphGuard.release(document);
    },
  };
}
