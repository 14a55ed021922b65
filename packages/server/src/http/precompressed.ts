import { lstatSync } from 'node:fs';

/** A compressed copy of a file, made at build time, that the client accepts. */
export interface Precompressed {
  /** The `.br` or `.gz` file beside the original. */
  path: string;
  /** Its `Content-Encoding`. */
  encoding: 'br' | 'gzip';
}

const COPIES = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/** The codings `Accept-Encoding` allows (a `q=0` refuses one). */
function accepted(header: string | undefined): Set<string> {
  const codings = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) codings.add(name);
  }
  return codings;
}

/**
 * The best precompressed copy of `file` for a request's `Accept-Encoding`: brotli, then gzip,
 * when the build wrote one beside it (a regular file, never a link). Undefined means "send the
 * file itself".
 */
export function precompressedCopy(
  file: string,
  acceptEncoding: string | undefined,
): Precompressed | undefined {
  const codings = accepted(acceptEncoding);
  for (const { encoding, suffix } of COPIES) {
    if (!codings.has(encoding) && !codings.has('*')) continue;
    try {
      if (lstatSync(file + suffix).isFile()) return { path: file + suffix, encoding };
    } catch {
      // No such copy.
    }
  }
  return undefined;
}
