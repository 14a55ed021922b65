import {
  type CsvMapping,
  decodeUtf8,
  type ImportResult,
  importCsv,
  importCsvExport,
  importGexf,
  importGraphml,
  importJson,
  importVault,
  previewCsv,
  readZip,
  suggestCsvMapping,
  type VaultFile,
} from '@repertoire/interop';
import type { OpenedFile } from '@repertoire/plugin-api';

/** The importers this plugin offers, by the id its manifest gives them. */
export type ImportFormat = 'vault' | 'gexf' | 'graphml' | 'csv' | 'json';

/** The importer of a file, from its extension; undefined when none reads it. */
export function formatOf(name: string): ImportFormat | undefined {
  const extension = name.toLowerCase().split('.').pop();
  switch (extension) {
    case 'md':
    case 'markdown':
    case 'zip':
      return 'vault';
    case 'gexf':
      return 'gexf';
    case 'graphml':
      return 'graphml';
    case 'csv':
      return 'csv';
    case 'json':
      return 'json';
    default:
      return undefined;
  }
}

const only = (files: readonly OpenedFile[], format: string): OpenedFile => {
  const [file] = files;
  if (!file || files.length > 1) throw new Error(`Choose one ${format} file.`);
  return file;
};

/** A vault from a zip, or from the files of a folder (text for notes, names for the rest). */
function vaultFiles(files: readonly OpenedFile[]): VaultFile[] {
  const [first] = files;
  if (files.length === 1 && first?.name.toLowerCase().endsWith('.zip')) return readZip(first.data);
  return files.map((f) => ({
    path: f.path,
    text: /\.(md|markdown)$/i.test(f.path) ? decodeUtf8(f.data, f.path) : '',
  }));
}

/**
 * Reads the files the member picked with the importer for `format`. Nothing changes: the result
 * is previewed first. A file that cannot be read throws with what is wrong and where.
 */
export function readSource(
  format: ImportFormat,
  files: readonly OpenedFile[],
  kind: string,
  csvMapping?: CsvMapping,
): ImportResult {
  switch (format) {
    case 'vault':
      return importVault(vaultFiles(files), { kind });
    case 'gexf': {
      const file = only(files, 'GEXF');
      return importGexf(decodeUtf8(file.data, file.name), { kinds: { fallback: kind } });
    }
    case 'graphml': {
      const file = only(files, 'GraphML');
      return importGraphml(decodeUtf8(file.data, file.name), { kinds: { fallback: kind } });
    }
    case 'json': {
      const file = only(files, 'JSON');
      return importJson(decodeUtf8(file.data, file.name));
    }
    case 'csv': {
      const entities = files.find((f) => f.name === 'entities.csv');
      const relations = files.find((f) => f.name === 'relations.csv');
      if (entities && relations)
        return importCsvExport({
          entities: decodeUtf8(entities.data, entities.name),
          relations: decodeUtf8(relations.data, relations.name),
        });
      const file = only(files, 'CSV');
      const text = decodeUtf8(file.data, file.name);
      return importCsv(text, csvMapping ?? suggestCsvMapping(previewCsv(text).columns, kind));
    }
  }
}

/** Whether the files are one sheet that needs the mapping step (not the pair our export writes). */
export function needsCsvMapping(format: ImportFormat, files: readonly OpenedFile[]): boolean {
  return format === 'csv' && files.length === 1 && files[0]?.name !== 'entities.csv';
}

/** A short name of the source, so importing it again updates what it made. */
export function sourceKey(files: readonly OpenedFile[]): string {
  const [first] = files;
  if (!first) return 'import';
  // A folder's files share its name as their top path; a single file is its own source.
  return files.length > 1 ? (first.path.split('/')[0] ?? first.name) : first.name;
}
