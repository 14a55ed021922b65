import { isReservedKey } from './reservedKeys.ts';

const VALID_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** FNV-1a over UTF-16 code units, two rounds with different offsets for 64 bits: ids, not secrets. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 ^ 0x2f) >>> 0;
  }
  return a.toString(36).padStart(7, '0') + b.toString(36).padStart(7, '0');
}

/**
 * The graph's entity id for an imported source id: the source id itself when it is already a
 * valid id (and not a name like `__proto__` that objects inherit), otherwise a readable slug plus a hash of the whole source id. The same source id
 * always gives the same entity id, so importing a source again finds what it made before.
 */
export function entityIdFor(sourceId: string): string {
  if (VALID_ID.test(sourceId) && !isReservedKey(sourceId)) return sourceId;
  const slug = sourceId
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${slug ? `${slug}-` : ''}${hash64(sourceId)}`;
}
