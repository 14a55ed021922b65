import type { Extension } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { ServerServices } from '../services.ts';
import { closeSocket } from '../sync/closeSocket.ts';

const SYNC = 0;
const SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const UPDATE = 2;

/** Closes the connection with this code and reason (Hocuspocus reads both off the error). */
class MalformedMessage extends Error {
  readonly code = 4400;
  readonly reason = 'Malformed message';
}

/**
 * Refuses a frame that carries a Yjs update which does not decode, before anything of it is
 * applied or stored: the connection closes with 4400 "Malformed message" and the document is
 * unchanged.
 */
export function frameValidationExtension(services: ServerServices): Extension {
  return {
    extensionName: 'repertoire-frame-validation',
    priority: 800,
    async beforeHandleMessage({ update: frame, documentName, context, connection }) {
      try {
        const decoder = decoding.createDecoder(frame);
        decoding.readVarString(decoder);
        const type = decoding.readVarUint(decoder);
        if (type !== SYNC && type !== SYNC_REPLY) return;
        const syncType = decoding.readVarUint(decoder);
        if (syncType !== SYNC_STEP_2 && syncType !== UPDATE) return;
        Y.decodeUpdate(decoding.readVarUint8Array(decoder));
      } catch {
        services.metrics.errors += 1;
        services.logger.info(
          { documentName, userId: context?.user?.id },
          'malformed frame refused',
        );
        const error = new MalformedMessage('Malformed message');
        closeSocket(connection, error.code, error.reason);
        throw error;
      }
    },
  };
}
