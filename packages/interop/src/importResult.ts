import type { PortableGraph } from './portableGraph.ts';

/** Where in a source file something is, for an error a person can act on. */
export interface SourcePosition {
  /** The file inside a vault or zip, when the source has several. */
  file?: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** A spreadsheet's 1-based data row (the header is row 0). */
  row?: number;
}

/** Something in the source that could not be imported; the rest can still be. */
export interface ImportIssue extends SourcePosition {
  message: string;
}

/** A link whose target names nothing in the source. */
export interface UnresolvedLink extends SourcePosition {
  /** The entity (source id) the link was written in. */
  from: string;
  /** What the link names. */
  target: string;
}

/**
 * What an importer read, before anything changes: the graph it would make, and what it could not
 * use. The caller previews it, then applies it or throws it away.
 */
export interface ImportResult {
  graph: PortableGraph;
  /** Rows, nodes or notes that were skipped, each with where it is. */
  issues: ImportIssue[];
  /** Links to nothing. */
  unresolved: UnresolvedLink[];
  /** Embeds (`![[…]]`), counted apart from links: they show content, they do not relate. */
  embeds: number;
}

/** The figures an import preview shows. */
export interface ImportCounts {
  entities: number;
  relations: number;
  documents: number;
  unresolvedLinks: number;
  embeds: number;
  errors: number;
}

/** Counts what an import would bring in. */
export function importCounts(result: ImportResult): ImportCounts {
  return {
    entities: result.graph.entities.length,
    relations: result.graph.relations.length,
    documents: result.graph.entities.filter((e) => e.document !== undefined).length,
    unresolvedLinks: result.unresolved.length,
    embeds: result.embeds,
    errors: result.issues.length,
  };
}

/**
 * A source that cannot be read at all (not GEXF, a truncated zip, undecodable bytes): nothing of
 * it is imported. The message says what is wrong and, where known, where.
 */
export class ImportFormatError extends Error {
  override readonly name = 'ImportFormatError';
  /** Where the problem is, as far as the format tells. */
  readonly position: SourcePosition;
  constructor(message: string, position: SourcePosition = {}) {
    super(withPosition(message, position));
    this.position = position;
  }
}

/** "line 3, column 7: …" — the position first, as compilers print it. */
export function withPosition(message: string, position: SourcePosition): string {
  const parts = [
    position.file,
    position.row !== undefined ? `row ${position.row}` : undefined,
    position.line !== undefined ? `line ${position.line}` : undefined,
    position.column !== undefined ? `column ${position.column}` : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? `${parts.join(', ')}: ${message}` : message;
}
