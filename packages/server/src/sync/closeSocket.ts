import type { Connection } from '@hocuspocus/server';

/**
 * Closes the whole WebSocket under a Hocuspocus document connection with `code` and `reason`.
 * Hocuspocus itself only ends the one document (a CLOSE message), which leaves an abusive
 * socket open; for limits and malformed frames we end the socket, so the reason is visible to
 * any client as the close event.
 */
export function closeSocket(connection: Connection, code: number, reason: string): void {
  const socket = (
    connection as unknown as { webSocket?: { close(code: number, reason: string): void } }
  ).webSocket;
  try {
    socket?.close(code, reason);
  } catch {
    // Already closing.
  }
}
