import * as decoding from 'lib0/decoding';

/** What of a Hocuspocus `Connection` is used here: its `send`, and its socket to close. */
export interface AcknowledgingConnection {
  send(message: Uint8Array): void;
  close(event?: { code: number; reason: string }): void;
  /** The member's whole WebSocket (Hocuspocus's `Connection.webSocket`). */
  readonly webSocket?: { close(code?: number, reason?: string): void };
}

/** Hocuspocus's SyncStatus message type: the acknowledgement of an applied update. */
const SYNC_STATUS = 8;

/** Whether `message` (document name, then type) is an acknowledgement. */
function isAcknowledgement(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    return decoding.readVarUint(decoder) === SYNC_STATUS;
  } catch {
    return false;
  }
}

interface Held {
  /** Resolves once every commit held for the connection so far is done, in order. */
  last: Promise<boolean>;
  /** Commits held and not yet done. */
  pending: number;
  readonly send: (message: Uint8Array) => void;
}

/**
 * "Stored before acknowledged" without making anyone else wait for the store (issue 14, item
 * 12): a member's update is applied and relayed to the other members at once, and only the
 * acknowledgement to its sender waits until the commit that stores it is done. Hocuspocus sends
 * that acknowledgement right after applying the update, so the connection's `send` is wrapped:
 * while a commit is held, its acknowledgements (and only those) are queued behind it, in order.
 * Should a commit fail, nothing more is acknowledged on that connection and its socket is closed
 * (1011). Closing the socket, not just the document, matters: a provider told only that the
 * document closed stays detached with its change unacknowledged, while a closed socket makes it
 * reconnect and sync again. The live document keeps the change, and `DocumentRepairs` stores it
 * before anything on that document is acknowledged again.
 */
export class HeldAcknowledgements {
  readonly #held = new WeakMap<AcknowledgingConnection, Held>();
  readonly #onFailure: (error: unknown) => void;

  constructor(onFailure: (error: unknown) => void) {
    this.#onFailure = onFailure;
  }

  /** Holds `connection`'s acknowledgements sent from now on until `stored` resolves. */
  hold(connection: AcknowledgingConnection, stored: Promise<void>): void {
    const held = this.#held.get(connection) ?? this.#wrap(connection);
    held.pending += 1;
    const previous = held.last;
    held.last = stored.then(
      () => previous,
      (error: unknown) => {
        this.#onFailure(error);
        const reason = 'Storing an update failed';
        if (connection.webSocket) connection.webSocket.close(1011, reason);
        else connection.close({ code: 1011, reason });
        return false;
      },
    );
    void held.last.then(() => {
      held.pending -= 1;
    });
  }

  #wrap(connection: AcknowledgingConnection): Held {
    const send = connection.send.bind(connection);
    const held: Held = { last: Promise.resolve(true), pending: 0, send };
    connection.send = (message: Uint8Array) => {
      if (held.pending === 0 || !isAcknowledgement(message)) {
        send(message);
        return;
      }
      void held.last.then((ok) => {
        if (ok) send(message);
      });
    };
    this.#held.set(connection, held);
    return held;
  }
}
