import type { IncomingMessage } from 'node:http';
import { ApiError } from '../store/errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery defence beyond the `SameSite=Lax` cookie, for every request that
 * changes state: a body must be JSON (which a cross-site form cannot send, and a cross-site
 * `fetch` cannot send without a preflight we never grant), and a browser's `Origin` must be this
 * server's own. `publicOrigin` is the configured public URL's origin; without one the `Origin`'s
 * host must equal the `Host` the request came to (its scheme may differ behind a TLS proxy).
 * A request without `Origin` comes from a non-browser client (curl, the CLI, tests), which carries
 * no ambient cookie to abuse.
 */
export function checkSameOrigin(request: IncomingMessage, publicOrigin: string | undefined): void {
  if (SAFE_METHODS.has(request.method ?? 'GET')) return;
  const origin = request.headers.origin;
  if (origin !== undefined && !originAllowed(origin, request.headers.host, publicOrigin))
    throw new ApiError('forbidden', `cross-origin request refused (Origin ${origin})`);
  if (request.headers['sec-fetch-site'] === 'cross-site')
    throw new ApiError('forbidden', 'cross-site request refused');
  const hasBody =
    request.headers['transfer-encoding'] !== undefined ||
    Number(request.headers['content-length'] ?? 0) > 0;
  if (hasBody && !isJson(request.headers['content-type']))
    throw new ApiError(
      'unsupported_media_type',
      'the request body must be sent as application/json',
      'content-type',
    );
}

function originAllowed(origin: string, host: string | undefined, publicOrigin?: string): boolean {
  if (publicOrigin) return origin === publicOrigin;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

function isJson(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || (type?.endsWith('+json') ?? false);
}
