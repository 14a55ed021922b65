// The public API of @repertoire/interop: importers and exporters between the community's graph
// (as plain data) and the formats people already use. Environment-free: runs in the page, in a
// Worker and in Node.

export {
  type CanvasExportOptions,
  type CanvasGroup,
  type CanvasPlacement,
  exportCanvas,
} from './canvas.ts';
export { coerceFields, type FieldShape } from './coerceFields.ts';
export {
  type CsvExport,
  type CsvFieldColumn,
  type CsvMapping,
  type CsvPreview,
  type CsvRelationColumn,
  type CsvValueType,
  exportCsv,
  importCsv,
  importCsvExport,
  previewCsv,
  suggestCsvMapping,
} from './csv.ts';
export { MAX_TITLE_LENGTH } from './entityChecks.ts';
export type { KindMapping } from './flatAttributes.ts';
export { type GraphFileImportOptions, importGexf } from './gexf.ts';
export { exportGexf, type GexfExportOptions, type NodeLook } from './gexfWriter.ts';
export { exportGraphml, importGraphml } from './graphml.ts';
export {
  type ImportCounts,
  ImportFormatError,
  type ImportIssue,
  type ImportResult,
  importCounts,
  type SourcePosition,
  type UnresolvedLink,
  withPosition,
} from './importResult.ts';
export { exportJson, importJson, JSON_FORMAT } from './json.ts';
export {
  type PortableAttributeValue,
  type PortableEntity,
  type PortableFieldValue,
  type PortableGraph,
  type PortableRelation,
  portableGraphSchema,
  relationKey,
} from './portableGraph.ts';
export { entityIdFor } from './sourceIds.ts';
export { decodeUtf8 } from './sourceText.ts';
export { importVault, type VaultFile, type VaultImportOptions } from './vault.ts';
export { exportVault, type VaultExportOptions } from './vaultExport.ts';
export { findWikiLinks, parseWikiLink, type WikiLink } from './wikiLinks.ts';
export { readZip, writeZip } from './zip.ts';
