import { strToU8, unzipSync, zipSync } from 'fflate';
import { ImportFormatError } from './importResult.ts';
import { decodeUtf8 } from './sourceText.ts';
import type { VaultFile } from './vault.ts';

/** Only these files of a zipped vault are read; pictures and PDFs are kept as embed targets. */
const TEXT = /\.(md|markdown|txt|canvas|json|csv)$/i;

/**
 * The files of a zipped vault (fflate), as text where they are text and as names otherwise, so
 * embeds of pictures resolve. A truncated or corrupt zip is refused whole.
 */
export function readZip(bytes: Uint8Array): VaultFile[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new ImportFormatError(
      `is not a readable zip (${(error as Error).message}); it may be truncated — download it again`,
    );
  }
  const files: VaultFile[] = [];
  for (const [path, content] of Object.entries(entries)) {
    if (path.endsWith('/') || path.startsWith('__MACOSX/')) continue;
    files.push({ path, text: TEXT.test(path) ? decodeUtf8(content, path) : '' });
  }
  return stripCommonFolder(files);
}

/** A vault zipped as `My vault/…` is the same vault as one zipped from inside it. */
function stripCommonFolder(files: VaultFile[]): VaultFile[] {
  const first = files[0]?.path.split('/')[0];
  if (!first || files.some((f) => !f.path.startsWith(`${first}/`))) return files;
  return files.map((f) => ({ ...f, path: f.path.slice(first.length + 1) }));
}

/** Zips files (a vault, or the two CSVs) for one download. */
export function writeZip(files: readonly VaultFile[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [f.path, strToU8(f.text)])));
}
