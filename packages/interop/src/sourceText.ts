import { ImportFormatError } from './importResult.ts';

/**
 * Decodes a file's bytes as UTF-8, refusing bytes that are not (a spreadsheet saved as
 * Windows-1252, say) instead of importing mangled names. Strips a byte-order mark.
 */
export function decodeUtf8(bytes: Uint8Array, file?: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new ImportFormatError(
      `is not UTF-8 text (byte ${at + 1} is not valid UTF-8); save it as UTF-8 and try again`,
      { file, ...lineAndColumn(new TextDecoder().decode(bytes.subarray(0, at)), at) },
    );
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix, by bisection: decoding is linear, so this stays cheap.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      decoder.decode();
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

/** The 1-based line and column of a character offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
