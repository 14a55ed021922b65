import { DOMParser, type Document, type Element, XMLSerializer } from '@xmldom/xmldom';
import { ImportFormatError } from './importResult.ts';

/**
 * Parses XML, turning the parser's first error or warning into an {@link ImportFormatError} with
 * its line and column, so a broken file is refused whole instead of half-read.
 */
export type { Document, Element };

export function parseXml(text: string, what: string): Document {
  if (text.trim() === '') throw new ImportFormatError(`is empty, not ${what}`);
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    const message = String((error as Error).message ?? error)
      .replace(/^Reporting fatalError "?/, '')
      .replace(/" caused Error:.*$/s, '')
      .replace(/^(error|fatalError): /, '');
    throw new ImportFormatError(`is not valid XML (${message})`, {
      ...(locator?.lineNumber !== undefined ? { line: locator.lineNumber } : {}),
      ...(locator?.columnNumber !== undefined ? { column: locator.columnNumber } : {}),
    });
  }
  return doc;
}

/** The root element's name, to say "this is a <svg>, not GEXF". */
export function rootName(doc: Document): string {
  return doc.documentElement?.localName ?? doc.documentElement?.nodeName ?? '';
}

/** Serializes a document built with xmldom, with the XML declaration. */
export function serializeXml(doc: Document): string {
  const body = new XMLSerializer().serializeToString(doc);
  return body.startsWith('<?xml') ? body : `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}

/** Every element named `name` (any namespace) under `parent`, as an array. */
export function elements(parent: Document | Element, name: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS('*', name));
}
