import { type AbstractType, ContentType, type Item, type UndoManager } from 'yjs';

function holdsOthersWork(type: AbstractType<unknown>, client: number): boolean {
  for (let item: Item | null = type._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (item.id.client !== client) return true;
    if (item.content instanceof ContentType && holdsOthersWork(item.content.type, client))
      return true;
  }
  for (const item of type._map.values()) {
    if (item.deleted) continue;
    if (item.id.client !== client) return true;
    if (item.content instanceof ContentType && holdsOthersWork(item.content.type, client))
      return true;
  }
  return false;
}

/**
 * Makes a member's undo leave other members' work alone. Yjs undoes an insertion by deleting
 * what was inserted; when that is a container (a paragraph, its text) that someone else has
 * typed into meanwhile, deleting it would delete their text too — the "undo loses another
 * member's content" bug. Such containers are kept; only the member's own content goes.
 */
export function protectOthersWork(undoManager: UndoManager): void {
  const previous = undoManager.deleteFilter;
  undoManager.deleteFilter = (item: Item) => {
    if (!previous(item)) return false;
    if (!(item.content instanceof ContentType)) return true;
    return !holdsOthersWork(item.content.type, undoManager.doc.clientID);
  };
}
