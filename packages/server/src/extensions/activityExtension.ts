import type { Extension } from '@hocuspocus/server';
import type { ServerServices } from '../services.ts';
import { memberOf } from '../sync/syncContext.ts';

/**
 * Records which authenticated member changed which document when, from the connection the
 * change arrived on (never from what a client claims). Records are flushed every second.
 */
export function activityExtension(services: ServerServices, flushEveryMs = 1000): Extension {
  const { activity } = services;
  let timer: NodeJS.Timeout | undefined;
  return {
    extensionName: 'repertoire-activity',
    async onConfigure() {
      timer = setInterval(() => {
        activity
          .flush()
          .catch((error: unknown) =>
            services.logger.error({ err: error }, 'writing activity records failed; retrying'),
          );
      }, flushEveryMs);
      timer.unref();
    },
    async afterLoadDocument({ document, documentName }) {
      document.on('update', (update: Uint8Array, origin: unknown) => {
        const member = memberOf(origin);
        if (member)
          activity.record(member.workspaceId, member.user.id, documentName, update.byteLength);
      });
    },
    async onDestroy() {
      clearInterval(timer);
      await activity.flush();
    },
  };
}
