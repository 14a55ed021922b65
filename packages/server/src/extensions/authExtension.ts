import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { ServerServices } from '../services.ts';
import { authorizeDocument } from '../sync/authorize.ts';
import type { SyncContext } from '../sync/syncContext.ts';

/**
 * Lets a connection open a document only with a valid sync token and a membership of the
 * document's workspace; a viewer's connection is read-only on the server.
 */
export function authExtension(services: ServerServices): Extension {
  return {
    extensionName: 'repertoire-auth',
    priority: 1000,
    async onAuthenticate(data: onAuthenticatePayload): Promise<SyncContext> {
      try {
        const context = await authorizeDocument(services, data.token, data.documentName);
        data.connectionConfig.readOnly = context.role === 'viewer';
        // Later onAuthenticate hooks (limits) receive this same payload, so they see the member.
        data.context = Object.assign(data.context ?? {}, context);
        return context;
      } catch (error) {
        services.logger.info(
          { documentName: data.documentName, reason: (error as Error).message },
          'document access refused',
        );
        throw error;
      }
    },
  };
}
