import type { Extension } from '@hocuspocus/server';
import type { ServerServices } from '../services.ts';
import type { AccessChanges } from '../sync/accessChanges.ts';

/**
 * Applies role changes, removals and sign-outs to open connections at once (see
 * `OpenConnections`), on every instance: with Redis the changes travel on a pub/sub channel.
 */
export function accessExtension(services: ServerServices, access: AccessChanges): Extension {
  return {
    extensionName: 'repertoire-access',
    async onConfigure({ instance }) {
      services.connections.attach(instance);
      await access
        .start()
        .catch((error: unknown) =>
          services.logger.error(
            { reason: String(error) },
            'access changes from other instances are not received',
          ),
        );
    },
    async onDestroy() {
      access.stop();
    },
  };
}
