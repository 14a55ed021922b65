export type { CollabProvider, CollabSession } from './collab/collabProvider.ts';
export {
  type DocumentVersionInfo,
  type DocumentVersions,
  restoreVersion,
  versionEditorState,
  versionHtml,
} from './collab/documentVersions.ts';
export {
  bindEditorToYDoc,
  DOCUMENT_ROOT_NAME,
  type YDocBinding,
} from './collab/headlessCollab.ts';
export {
  type FromHocuspocusOptions,
  fromHocuspocus,
  type HocuspocusLike,
} from './collab/hocuspocusAdapter.ts';
export {
  type HttpDocumentVersionsOptions,
  httpDocumentVersions,
} from './collab/httpDocumentVersions.ts';
export {
  LAST_EDITORS_MAP,
  type LastEditor,
  lastEditors,
  registerLastEditors,
} from './collab/lastEditors.ts';
export { protectOthersWork } from './collab/undoPolicy.ts';
export {
  exportHtml,
  exportMarkdown,
  importMarkdown,
  markdownToHtml,
} from './content/documentExport.ts';
export {
  readDocumentText,
  writeDocument,
  writeMarkdownDocument,
  writeTextDocument,
} from './content/headlessDocument.ts';
export { $replaceWithMarkdown, $replaceWithText } from './content/markdownDocument.ts';
export { EXPORT_TRANSFORMERS, SHORTCUT_TRANSFORMERS } from './content/markdownTransformers.ts';
export {
  $extractMentions,
  type MentionTarget,
  mentionsInYDoc,
  sameMentions,
} from './content/mentionExtraction.ts';
export { type MentionSink, registerMentionReconciler } from './content/mentionReconciler.ts';
export { isSafeLinkUrl, registerSafeLinks } from './content/safeLinks.ts';
export { countWords } from './content/wordCount.ts';
export { normalizeWordHtml, registerWordPaste } from './content/wordLists.ts';
export type {
  CreatableKind,
  EditorMember,
  EntityDirectory,
  EntityHit,
  EntitySearchOptions,
} from './entityDirectory.ts';
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
export {
  LastEditorsPlugin,
  MentionReconcilerPlugin,
  PresenceList,
  type PresentMember,
  ProtectOthersWorkPlugin,
  SafeLinksPlugin,
  UndoStepsPlugin,
  WordPastePlugin,
} from './react/collabPlugins.tsx';
export { DocumentEditor, type DocumentEditorProps } from './react/DocumentEditor.tsx';
export { DocumentStatus } from './react/DocumentStatus.tsx';
export { EntityChip } from './react/EntityChip.ts';
export { EntityTypeaheadPlugin, matchEntityTrigger } from './react/EntityTypeaheadPlugin.tsx';
export { ExportImportMenu, fileNameFor } from './react/ExportImportMenu.tsx';
export { EDITOR_CSS } from './react/editorStyles.ts';
export { EDITOR_THEME } from './react/editorTheme.ts';
export { EntityDirectoryContext, useEntityDirectory } from './react/entityDirectoryContext.ts';
export { FloatingToolbarPlugin } from './react/FloatingToolbarPlugin.tsx';
export { SlashMenuPlugin, slashOptions } from './react/SlashMenuPlugin.tsx';
export { VersionsPanel } from './react/VersionsPanel.tsx';
export { createWorkspaceDirectory, type WorkspaceDirectoryOptions } from './workspaceDirectory.ts';
