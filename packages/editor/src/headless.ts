// `@repertoire/editor/headless`: the editor without React views or a DOM, in plain TypeScript
// modules that Node loads as they are (the server's sample and imports, scripts). Everything here
// is also part of the main entry.

export { bindEditorToYDoc, DOCUMENT_ROOT_NAME, type YDocBinding } from './collab/headlessCollab.ts';
export {
  readDocumentText,
  writeDocument,
  writeMarkdownDocument,
  writeTextDocument,
} from './content/headlessDocument.ts';
export { $replaceWithMarkdown, $replaceWithText } from './content/markdownDocument.ts';
export {
  $extractMentions,
  type MentionTarget,
  mentionsInYDoc,
  sameMentions,
} from './content/mentionExtraction.ts';
export { countWords } from './content/wordCount.ts';
export { createDocumentEditor } from './headlessEditor.ts';
export { EDITOR_NODES } from './nodes/editorNodes.ts';
export {
  $createImageNode,
  $isImageNode,
  ImageNode,
  isSafeImageUrl,
  type SerializedImageNode,
} from './nodes/ImageNode.ts';
export {
  $createMentionNode,
  $isMentionNode,
  ENTITY_URL_PREFIX,
  entityUrl,
  MentionNode,
  type MentionTrigger,
  parseEntityUrl,
  type SerializedMentionNode,
} from './nodes/MentionNode.ts';
