import { type Document, elements, serializeXml } from './xml.ts';

/**
 * Whether a name is one every plain object inherits (`__proto__`, `constructor`, `toString`…).
 * graphology keeps each node's neighbours in plain objects keyed by node id, so a file whose node
 * is called `__proto__` would write into `Object.prototype` for the whole process (and a
 * `toString` node corrupts the graph). Such ids never reach graphology as they are.
 */
export const isReservedKey = (name: string): boolean => Object.hasOwn(Object.prototype, name);

// A private-use character: valid in XML, never in a real id, so the shielded key cannot clash.
const SHIELD = '\uE000';

/** The file's own id for a graphology key made by {@link shieldReservedIds}. */
export const unshield = (key: string): string =>
  key.startsWith(SHIELD) ? key.slice(SHIELD.length) : key;

/**
 * The file's text with reserved node ids (and the edge ends naming them) prefixed so graphology
 * can hold them safely; {@link unshield} gives the original id back. Files without such ids —
 * all real ones — come back unchanged, so large imports are not serialised twice.
 */
export function shieldReservedIds(doc: Document, text: string): string {
  const shield = (value: string | null) =>
    value !== null && isReservedKey(value) ? `${SHIELD}${value}` : undefined;
  let changed = false;
  for (const node of elements(doc, 'node')) {
    const id = shield(node.getAttribute('id'));
    if (id !== undefined) {
      node.setAttribute('id', id);
      changed = true;
    }
  }
  if (!changed) return text;
  for (const edge of elements(doc, 'edge'))
    for (const end of ['source', 'target']) {
      const id = shield(edge.getAttribute(end));
      if (id !== undefined) edge.setAttribute(end, id);
    }
  return serializeXml(doc);
}
