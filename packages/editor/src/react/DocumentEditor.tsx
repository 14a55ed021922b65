import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin';
import { ClickableLinkPlugin } from '@lexical/react/LexicalClickableLinkPlugin';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPluginV2__EXPERIMENTAL } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TabIndentationPlugin } from '@lexical/react/LexicalTabIndentationPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import type { LexicalEditor } from 'lexical';
import { type JSX, useCallback, useMemo, useState } from 'react';
import type { CollabSession } from '../collab/collabProvider.ts';
import type { DocumentVersions } from '../collab/documentVersions.ts';
import { DOCUMENT_ROOT_NAME } from '../collab/headlessCollab.ts';
import { SHORTCUT_TRANSFORMERS } from '../content/markdownTransformers.ts';
import type { MentionSink } from '../content/mentionReconciler.ts';
import { isSafeLinkUrl } from '../content/safeLinks.ts';
import type { EditorMember, EntityDirectory } from '../entityDirectory.ts';
import { EDITOR_NODES } from '../nodes/editorNodes.ts';
import { CheckListRolePlugin } from './CheckListRolePlugin.tsx';
import {
  DocumentReadyPlugin,
  LastEditorsPlugin,
  MentionReconcilerPlugin,
  PresenceList,
  ProtectOthersWorkPlugin,
  SafeLinksPlugin,
  UndoStepsPlugin,
  WordPastePlugin,
} from './collabPlugins.tsx';
import { DocumentStatus } from './DocumentStatus.tsx';
import { EntityTypeaheadPlugin } from './EntityTypeaheadPlugin.tsx';
import { ExportImportMenu } from './ExportImportMenu.tsx';
import { EDITOR_CSS } from './editorStyles.ts';
import { EDITOR_THEME } from './editorTheme.ts';
import { EntityDirectoryContext } from './entityDirectoryContext.ts';
import { FloatingToolbarPlugin } from './FloatingToolbarPlugin.tsx';
import { SlashMenuPlugin } from './SlashMenuPlugin.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';

/** Props of {@link DocumentEditor}. */
export interface DocumentEditorProps {
  /**
   * The document's name (`<workspace>/doc/<id>`); remount (React `key`) to open another one.
   */
  documentId: string;
  /**
   * The document's Y.Doc and provider. Without one the editor is local only, with Lexical's own
   * history: the same editor without collaboration, which the benchmarks compare against.
   */
  session?: CollabSession;
  /** Who is editing: names and colours their cursor for the others. */
  member: EditorMember;
  /** Search, titles and creation for `@` and `[[`; without it mentions are off. */
  directory?: EntityDirectory;
  /**
   * Opens an entity when a member clicks its chip (the workbench opens its page). Overrides the
   * directory's own `open`; without either, chips do nothing when clicked.
   */
  onOpenEntity?: (entityId: string) => void;
  /** The document's named versions (the server's history); without it the Versions menu is hidden. */
  versions?: DocumentVersions;
  /** Receives the document's mentions whenever they change (core's `reconcileMentions`). */
  onMentionsChange?: MentionSink;
  /**
   * Seed an empty document with a paragraph once synced. At most one client should (the server
   * ideally seeds documents); two seeding at once leave an extra empty paragraph. Default: true.
   */
  shouldBootstrap?: boolean;
  /** Whether the member may edit (a viewer may not). Default: true. */
  editable?: boolean;
  /** Called with the Lexical editor once it exists (exports, tests). */
  onEditor?: (editor: LexicalEditor) => void;
  placeholder?: string;
  /** The document's title, for exported file names. Default: the last part of `documentId`. */
  title?: string;
}

const noop = () => {};

/** The directory with chips opening through `open`. */
function withOpen(directory: EntityDirectory, open: (id: string) => void): EntityDirectory {
  return {
    search: (query, options) => directory.search(query, options),
    get: (id) => directory.get(id),
    onDidChange: (listener) => directory.onDidChange(listener),
    ...(directory.creatableKinds
      ? { creatableKinds: () => directory.creatableKinds?.() ?? [] }
      : {}),
    ...(directory.create
      ? { create: (kind: string, title: string) => directory.create!(kind, title) }
      : {}),
    open,
  };
}

/**
 * The collaborative document editor: rich text with markdown shortcuts, a slash menu and a
 * floating format toolbar, `@` mentions and `[[` links as chips, and — given a session — live
 * co-editing with named coloured cursors, presence and per-member undo.
 */
export function DocumentEditor(props: DocumentEditorProps): JSX.Element {
  const { session, member, documentId } = props;
  // Remote cursors render into this element; the collaboration plugin mounts once it exists,
  // since Lexical reads the container when it first renders.
  const [cursorsElement, setCursorsElement] = useState<HTMLDivElement | null>(null);
  const cursorsRef = useMemo(() => ({ current: cursorsElement }), [cursorsElement]);
  const initialConfig = useMemo(
    () => ({
      namespace: 'repertoire-document',
      nodes: [...EDITOR_NODES],
      theme: EDITOR_THEME,
      editable: props.editable ?? true,
      // With collaboration the document comes from Yjs, never from a local initial state.
      editorState: session ? null : undefined,
      onError: (error: Error) => {
        console.error('editor error', error);
      },
    }),
    [session, props.editable],
  );
  const editorRef = useMemo(
    () => (editor: LexicalEditor | null) => {
      if (editor) (props.onEditor ?? noop)(editor);
    },
    [props.onEditor],
  );
  const { directory, onOpenEntity } = props;
  const chipDirectory = useMemo(
    () => (directory && onOpenEntity ? withOpen(directory, onOpenEntity) : (directory ?? null)),
    [directory, onOpenEntity],
  );
  const editable = props.editable ?? true;
  // A collaborative document is not ready to type in until its first block exists.
  const [ready, setReady] = useState(!session);
  const markReady = useCallback(() => setReady(true), []);
  // The collaboration plugin disconnects and reconnects its provider whenever this object
  // changes identity, so a re-render must hand it the same one.
  const awarenessData = useMemo(() => ({ memberId: member.id }), [member.id]);
  const content = (
    <LexicalComposer initialConfig={initialConfig}>
      <style>{EDITOR_CSS}</style>
      <div className="rp-editor" data-document={documentId} data-ready={ready}>
        <div className="rp-editor-header">
          {props.versions && <VersionsPanel versions={props.versions} editable={editable} />}
          <ExportImportMenu
            title={props.title ?? documentId.split('/').pop() ?? documentId}
            editable={editable}
          />
          {session && <PresenceList provider={session.provider} />}
        </div>
        <div ref={setCursorsElement} className="rp-cursors" />
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="rp-editor-content"
              aria-label="Document"
              aria-busy={!ready}
              // Not focusable until it has somewhere to put what is typed.
              inert={!ready}
              data-testid="editor"
            />
          }
          placeholder={
            <div className="rp-editor-placeholder">
              {ready
                ? (props.placeholder ?? 'Write, or type / for blocks, @ to mention, [[ to link…')
                : 'Opening the document…'}
            </div>
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        {session ? (
          cursorsElement && (
            <>
              <CollaborationPluginV2__EXPERIMENTAL
                id={documentId}
                doc={session.doc}
                provider={session.provider}
                __shouldBootstrapUnsafe={props.shouldBootstrap ?? true}
                username={member.name}
                cursorColor={member.colour}
                cursorsContainerRef={cursorsRef}
                rootName={DOCUMENT_ROOT_NAME}
                awarenessData={awarenessData}
              />
              <DocumentReadyPlugin onReady={markReady} />
              <ProtectOthersWorkPlugin />
              <UndoStepsPlugin />
              {editable && <LastEditorsPlugin doc={session.doc} member={member} />}
            </>
          )
        ) : (
          <HistoryPlugin />
        )}
        <ListPlugin />
        <CheckListPlugin />
        <CheckListRolePlugin />
        <LinkPlugin validateUrl={isSafeLinkUrl} />
        <SafeLinksPlugin />
        <WordPastePlugin />
        <ClickableLinkPlugin />
        <TablePlugin />
        <TabIndentationPlugin />
        <MarkdownShortcutPlugin transformers={SHORTCUT_TRANSFORMERS} />
        <SlashMenuPlugin />
        <FloatingToolbarPlugin />
        <EntityTypeaheadPlugin />
        {props.onMentionsChange && <MentionReconcilerPlugin sink={props.onMentionsChange} />}
        <EditorRefPlugin editorRef={editorRef} />
        <DocumentStatus memberId={member.id} {...(session ? { doc: session.doc } : {})} />
      </div>
    </LexicalComposer>
  );
  return (
    <EntityDirectoryContext.Provider value={chipDirectory}>
      {session ? <LexicalCollaboration>{content}</LexicalCollaboration> : content}
    </EntityDirectoryContext.Provider>
  );
}
