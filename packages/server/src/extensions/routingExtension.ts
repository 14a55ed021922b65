import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Extension, onUpgradePayload } from '@hocuspocus/server';
import { HashRing } from '../routing/hashRing.ts';
import type { ServerServices } from '../services.ts';

/** Marks an upgrade another instance already routed, so the owner serves it whatever it thinks. */
const ROUTED_HEADER = 'x-repertoire-routed';
/** How long an owner that refused a connection is skipped before it is tried again. */
const DOWN_FOR_MS = 5_000;
const CONNECT_TIMEOUT_MS = 1_000;

/** Options of workspace-owner routing. */
export interface RoutingOptions {
  /** This instance's base URL as the other instances reach it, e.g. `http://10.0.0.1:4321`. */
  self: string;
  /** Every instance's base URL, this one included; the same list on every instance. */
  peers: readonly string[];
}

/** The workspace a WebSocket path addresses: `/sync/<workspaceId>` or `/y/<workspaceId>/…`. */
export function workspaceOfPath(pathname: string): string | null {
  const found = /^\/(?:sync|y)\/([A-Za-z0-9_-]{1,100})(?:\/|%2F|$)/i.exec(pathname);
  return found ? (found[1] as string) : null;
}

function openUpstream(url: URL): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const upstream = connect(Number(url.port || 80), url.hostname);
    const timer = setTimeout(() => {
      upstream.destroy();
      reject(new Error('connect timeout'));
    }, CONNECT_TIMEOUT_MS);
    upstream.once('connect', () => {
      clearTimeout(timer);
      resolve(upstream);
    });
    upstream.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Replays the upgrade request to `upstream` and splices the two sockets together. */
function splice(request: IncomingMessage, socket: Duplex, head: Buffer, upstream: Socket): void {
  const lines = [`${request.method} ${request.url} HTTP/1.1`];
  for (let i = 0; i < request.rawHeaders.length; i += 2)
    lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
  lines.push(`${ROUTED_HEADER}: 1`, '', '');
  upstream.write(lines.join('\r\n'));
  if (head.length > 0) upstream.write(head);
  const close = () => {
    socket.destroy();
    upstream.destroy();
  };
  upstream.on('error', close).on('close', close);
  socket.on('error', close).on('close', close);
  upstream.pipe(socket);
  socket.pipe(upstream);
}

/**
 * Routes each workspace to one owning instance (consistent hashing of the workspace id), so the
 * CPU of a busy workspace is spent once instead of on every instance Redis fans out to. A client
 * that connects to `/sync/<workspaceId>` (or `/y/<workspaceId>/…`) on another instance is proxied
 * to the owner. When the owner does not answer, the next instance on the ring serves it — and
 * since all instances share PostgreSQL and Redis, any of them can, so nothing is lost on failover.
 * Paths without a workspace (`/sync`) are served where they land.
 */
export function routingExtension(services: ServerServices, options: RoutingOptions): Extension {
  const self = new URL(options.self).origin;
  const ring = new HashRing([...options.peers.map((p) => new URL(p).origin), self]);
  const downUntil = new Map<string, number>();
  return {
    extensionName: 'repertoire-routing',
    priority: 2000,
    async onUpgrade({ request, socket, head }: onUpgradePayload) {
      if (request.headers[ROUTED_HEADER]) return;
      const workspaceId = workspaceOfPath(new URL(request.url ?? '/', 'http://x').pathname);
      if (workspaceId === null) return;
      for (const candidate of ring.candidates(workspaceId)) {
        if (candidate === self) return;
        if ((downUntil.get(candidate) ?? 0) > Date.now()) continue;
        try {
          const upstream = await openUpstream(new URL(candidate));
          downUntil.delete(candidate);
          services.metrics.proxiedConnections += 1;
          splice(request, socket, head as Buffer, upstream);
          // An empty rejection tells Hocuspocus this upgrade is handled.
          throw null;
        } catch (error) {
          if (error === null) throw error;
          downUntil.set(candidate, Date.now() + DOWN_FOR_MS);
          services.logger.warn(
            { workspaceId, owner: candidate, err: error },
            'workspace owner unreachable; serving through the next instance',
          );
        }
      }
    },
  };
}
