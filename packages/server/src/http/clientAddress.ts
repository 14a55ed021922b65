import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** Finds the address of the client behind a request. */
export type ClientAddressOf = (request: IncomingMessage) => string;

/**
 * The client's address for rate limits and logs. Without trusted proxies it is the peer of the TCP
 * connection. With them (addresses, CIDR ranges, or `loopback` / `linklocal` / `uniquelocal`), it is
 * the nearest `X-Forwarded-For` entry that is not a trusted proxy, so one reverse proxy does not make
 * every member look like one client, and nobody can pick their own address by sending the header
 * straight to the server.
 */
export function clientAddressOf(trustedProxies: readonly string[] = []): ClientAddressOf {
  if (trustedProxies.length === 0) return (request) => request.socket.remoteAddress ?? 'unknown';
  const trust = proxyAddr.compile([...trustedProxies]);
  return (request) => {
    try {
      return proxyAddr(request, trust);
    } catch {
      return request.socket.remoteAddress ?? 'unknown';
    }
  };
}
