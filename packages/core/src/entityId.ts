import type { EntityId } from '@repertoire/schema';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// Web Crypto is global in browsers, workers and Node 24; declared here because core has neither
// DOM nor Node types.
const webCrypto = (
  globalThis as unknown as { crypto: { getRandomValues<T extends Uint8Array>(a: T): T } }
).crypto;

/** A new random entity id: 16 base-62 characters (~95 bits), short because relation keys repeat it. */
export function newEntityId(): EntityId {
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  let id = '';
  // The slight modulo bias costs a fraction of a bit; ids need uniqueness, not uniformity.
  for (const b of bytes) id += ALPHABET[b % 62];
  return id as EntityId;
}
