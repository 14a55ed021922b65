import { $insertDataTransferForRichText } from '@lexical/clipboard';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  type LexicalEditor,
  PASTE_COMMAND,
} from 'lexical';

const MSO_LIST = /mso-list:\s*(l\d+)\s+level(\d+)/i;
const ORDERED_MARKER = /^\(?([0-9]{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})[.)]$/;

interface WordItem {
  paragraph: Element;
  level: number;
  ordered: boolean;
}

function readItem(paragraph: Element): WordItem | null {
  const match = MSO_LIST.exec(paragraph.getAttribute('style') ?? '');
  if (!match) return null;
  const marker = paragraph.querySelector('[style*="mso-list:Ignore"], [style*="mso-list: Ignore"]');
  const markerText = (marker?.textContent ?? '').replace(/\s|\u00a0/g, '');
  marker?.remove();
  return {
    paragraph,
    level: Math.max(1, Number(match[2])),
    ordered: ORDERED_MARKER.test(markerText),
  };
}

/** Builds nested `<ul>`/`<ol>` from a run of Word list paragraphs, deeper levels inside items. */
function buildList(doc: Document, items: WordItem[]): Element {
  const first = items[0] as WordItem;
  const root = doc.createElement(first.ordered ? 'ol' : 'ul');
  const stack: { level: number; list: Element }[] = [{ level: first.level, list: root }];
  for (const item of items) {
    let top = stack[stack.length - 1] as { level: number; list: Element };
    while (item.level < top.level && stack.length > 1) {
      stack.pop();
      top = stack[stack.length - 1] as { level: number; list: Element };
    }
    if (item.level > top.level) {
      const nested = doc.createElement(item.ordered ? 'ol' : 'ul');
      const host = top.list.lastElementChild ?? top.list.appendChild(doc.createElement('li'));
      host.appendChild(nested);
      stack.push({ level: item.level, list: nested });
      top = stack[stack.length - 1] as { level: number; list: Element };
    }
    const li = doc.createElement('li');
    while (item.paragraph.firstChild) li.appendChild(item.paragraph.firstChild);
    top.list.appendChild(li);
  }
  return root;
}

/**
 * Word puts no `<ul>`/`<ol>` on the clipboard: a list is a run of paragraphs styled
 * `mso-list:l0 level1 …` whose marker ("1.", "·") sits in a `mso-list:Ignore` span. This turns
 * each run into a real (nested) list so paste keeps it; any other HTML comes back unchanged.
 */
export function normalizeWordHtml(html: string): string {
  if (!/mso-list/i.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const paragraphs = Array.from(doc.querySelectorAll('p[style*="mso-list"]'));
  const done = new Set<Element>();
  for (const start of paragraphs) {
    if (done.has(start)) continue;
    const run: WordItem[] = [];
    let node: Element | null = start;
    while (node && node.tagName === 'P' && MSO_LIST.test(node.getAttribute('style') ?? '')) {
      const item = readItem(node);
      if (item) run.push(item);
      done.add(node);
      node = node.nextElementSibling;
    }
    if (run.length === 0) continue;
    start.before(buildList(doc, run));
    for (const item of run) item.paragraph.remove();
  }
  return doc.body.innerHTML;
}

/** Pastes from Word go through {@link normalizeWordHtml} first, so their lists stay lists. */
export function registerWordPaste(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    PASTE_COMMAND,
    (event) => {
      const data = 'clipboardData' in event ? event.clipboardData : null;
      const html = data?.getData('text/html') ?? '';
      if (!data || !/mso-list/i.test(html)) return false;
      const normalized = normalizeWordHtml(html);
      event.preventDefault();
      const transfer = {
        types: data.types,
        getData: (type: string) => (type === 'text/html' ? normalized : data.getData(type)),
      } as unknown as DataTransfer;
      editor.update(() => {
        const selection = $getSelection();
        if ($isRangeSelection(selection))
          $insertDataTransferForRichText(transfer, selection, editor);
      });
      return true;
    },
    COMMAND_PRIORITY_HIGH,
  );
}
