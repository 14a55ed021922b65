import type { Extension } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { ServerServices } from '../services.ts';
import { closeSocket } from '../sync/closeSocket.ts';

/** The Hocuspocus message types a client may send once a document is open. */
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
const SYNC_REPLY = 4;
const STATELESS = 5;
const CLOSE = 7;

const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const UPDATE = 2;

/** Closes the connection with this code and reason (Hocuspocus reads both off the error). */
class MalformedMessage extends Error {
  readonly code = 4400;
  readonly reason = 'Malformed message';
}

function expectEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
}

/** Reads an awareness update whole: every client's id, clock and JSON state. */
function checkAwareness(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    JSON.parse(decoding.readVarString(decoder));
  }
  expectEnd(decoder);
}

/** Throws unless `frame` is a well-formed message of a type a client may send. */
function checkFrame(frame: Uint8Array): void {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case SYNC:
    case SYNC_REPLY: {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === SYNC_STEP_1) Y.decodeStateVector(payload);
      else if (syncType === SYNC_STEP_2 || syncType === UPDATE) Y.decodeUpdate(payload);
      else throw new Error(`unknown sync message ${syncType}`);
      expectEnd(decoder);
      return;
    }
    case AWARENESS:
      checkAwareness(decoding.readVarUint8Array(decoder));
      expectEnd(decoder);
      return;
    case AUTH:
      // A token refresh: type, token, and the provider's version when it sends one.
      if (decoding.readVarUint(decoder) === 0) decoding.readVarString(decoder);
      return;
    case STATELESS:
      decoding.readVarString(decoder);
      return;
    case QUERY_AWARENESS:
    case CLOSE:
      return;
    default:
      throw new Error(`unknown message type ${type}`);
  }
}

/**
 * Refuses any frame that is not a well-formed message a client may send (an unknown type, a Yjs
 * update or state vector that does not decode, an awareness update that does not parse, trailing
 * bytes), before anything of it is applied or stored: the connection closes with 4400
 * "Malformed message" and the document is unchanged. Hocuspocus itself would drop some of these
 * silently, leaving a broken client believing it is in sync.
 */
export function frameValidationExtension(services: ServerServices): Extension {
  return {
    extensionName: 'repertoire-frame-validation',
    priority: 800,
    async beforeHandleMessage({ update: frame, documentName, context, connection }) {
      try {
        checkFrame(frame);
      } catch (cause) {
        services.metrics.errors += 1;
        services.logger.info(
          { documentName, userId: context?.user?.id, reason: (cause as Error).message },
          'malformed frame refused',
        );
        const error = new MalformedMessage('Malformed message');
        closeSocket(connection, error.code, error.reason);
        throw error;
      }
    },
  };
}
