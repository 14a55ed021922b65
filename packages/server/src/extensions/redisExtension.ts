import { Redis } from '@hocuspocus/extension-redis';
import type { Extension } from '@hocuspocus/server';

/**
 * Hocuspocus's Redis extension on `url` (`redis://[user:password@]host:port[/db]`): every
 * instance that has a document open hears every change to it, so clients on different instances
 * converge. It adds availability, not CPU (see docs/server.md, "Several instances").
 */
export function redisExtension(url: string, identifier?: string): Extension {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`redisUrl: '${url}' is not a URL (redis://host:port)`);
  }
  if (parsed.protocol !== 'redis:') throw new Error(`redisUrl: '${url}' must start with redis://`);
  const db = Number.parseInt(parsed.pathname.slice(1) || '0', 10);
  return new Redis({
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    prefix: 'repertoire',
    ...(identifier ? { identifier } : {}),
    options: {
      ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
      ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
      db: Number.isInteger(db) ? db : 0,
    },
  });
}
