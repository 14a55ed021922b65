import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ClientAddressOf } from './clientAddress.ts';

/**
 * Who may read `/metrics`: `loopback` (the default: a scraper on the same host), `public`
 * (anyone who reaches the port), or whoever sends `Authorization: Bearer <token>`.
 */
export type MetricsAccess = 'loopback' | 'public' | { token: string };

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** Whether `request` may read `/metrics` under `access`. */
export function metricsAllowed(
  access: MetricsAccess,
  request: IncomingMessage,
  clientAddress: ClientAddressOf,
): boolean {
  if (access === 'public') return true;
  if (access === 'loopback') return LOOPBACK.test(clientAddress(request));
  const sent = Buffer.from(request.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${access.token}`);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}
