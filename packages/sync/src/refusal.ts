/** Why the server refused local changes. */
export type RefusalCause =
  /** The member may only read (a viewer): the server takes no edit from them. */
  | 'read-only'
  /** The change would leave the graph invalid, or is not the member's to make (4422). */
  | 'invalid'
  /** The workspace's storage quota is full (4413). */
  | 'quota';

/** Local changes the server refused, taken back on this device. */
export interface SyncRefusal {
  /** The document they were made to (`<workspace>/graph`, `<workspace>/doc/<id>`). */
  readonly documentName: string;
  readonly cause: RefusalCause;
  /** The server's own words, without the code's prefix, when it gave any. */
  readonly reason?: string;
  /**
   * How many local changes were taken back. 0: none of this device's own changes were pending,
   * so the refused change came from elsewhere (an older offline copy).
   */
  readonly rolledBack: number;
  /**
   * True when the document stopped syncing on this device: nothing of this session was pending,
   * so the refused change is in its copy from an earlier session (the offline cache), and every
   * reconnect would send it again. That copy is dropped; a reload loads the server's.
   */
  readonly stopped?: boolean;
}

/** A close of the socket that refuses writes: its cause, its reason and which documents it hits. */
export interface ClosingRefusal {
  readonly cause: RefusalCause;
  readonly reason: string | undefined;
  affects(documentName: string): boolean;
}

const GRAPH_PREFIX = 'Invalid graph update: ';

/**
 * What a close code of the Repertoire server (packages/server/API.md, close codes) refuses, or
 * undefined for a close that refuses no write (sign-out, limits, a restart).
 */
export function refusalOf(
  code: number | undefined,
  reason: string | undefined,
): ClosingRefusal | undefined {
  if (code === 4422)
    return {
      cause: 'invalid',
      reason: reason?.startsWith(GRAPH_PREFIX) ? reason.slice(GRAPH_PREFIX.length) : reason,
      // Only graph documents are checked this way.
      affects: (name) => name.endsWith('/graph'),
    };
  if (code === 4413 && reason?.includes('quota'))
    return { cause: 'quota', reason, affects: () => true };
  return undefined;
}
