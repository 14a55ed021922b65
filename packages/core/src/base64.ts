// A global in browsers and Node alike; the core compiles without the DOM's or Node's typings.
declare function atob(data: string): string;

/**
 * Decodes base64 text, as the server's JSON carries Yjs updates and snapshots, without Node's
 * Buffer (the same code runs in the browser).
 */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
