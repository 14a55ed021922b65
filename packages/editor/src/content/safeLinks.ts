import { LinkNode } from '@lexical/link';
import type { LexicalEditor } from 'lexical';
import { ENTITY_URL_PREFIX } from '../nodes/MentionNode.ts';

const SAFE_LINK = /^(https?:|mailto:|tel:|#|\/)/i;

/** Whether a link may point at `url`: web, mail and phone links, anchors and our entity links. */
export function isSafeLinkUrl(url: string): boolean {
  const trimmed = url.trim();
  return SAFE_LINK.test(trimmed) || trimmed.startsWith(ENTITY_URL_PREFIX);
}

/**
 * Unwraps every link whose URL is not {@link isSafeLinkUrl} (a `javascript:` link pasted from a
 * web page), keeping its text. Lexical only sanitises such URLs when it renders them, so without
 * this they would stay in the shared document and in its Markdown and HTML exports.
 */
export function registerSafeLinks(editor: LexicalEditor): () => void {
  return editor.registerNodeTransform(LinkNode, (link) => {
    if (isSafeLinkUrl(link.getURL())) return;
    for (const child of link.getChildren()) link.insertBefore(child);
    link.remove();
  });
}
