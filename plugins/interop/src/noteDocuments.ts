import { writeMarkdownDocument } from '@repertoire/editor/headless';
import type { DocumentsApi, Progress } from '@repertoire/plugin-api';
import * as Y from 'yjs';

/** An entity a `[[link]]` of a note resolved to: its id in the graph, kind and title. */
export interface LinkTarget {
  id: string;
  kind: string;
  title: string;
  /** Its id in the source (a vault note's path without `.md`), which links may spell. */
  sourceId: string;
}

/** A note's text to write as its entity's new co-edited document. */
export interface NoteDocument {
  id: string;
  markdown: string;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\.md$/, '');

/** The entity `[[target]]` names among what the note links to, as Obsidian would read it. */
function resolve(target: string, candidates: readonly LinkTarget[]): LinkTarget | undefined {
  const t = norm(target);
  return (
    candidates.find((c) => norm(c.sourceId) === t) ??
    candidates.find((c) => norm(c.sourceId).endsWith(`/${t}`)) ??
    candidates.find((c) => norm(c.title) === t)
  );
}

/**
 * A note's Markdown with each `[[link]]` that resolved written as the editor's link chip
 * (`[[[Title]]](repertoire:<kind>/<id>)`), so the document shows chips and its mentions are the
 * note's links. Embeds, unresolved links and anything in code stay as they were.
 */
export function linksAsChips(markdown: string, candidates: readonly LinkTarget[]): string {
  // Fenced blocks and inline code are kept whole; links are rewritten only between them.
  return markdown
    .split(/(```[\s\S]*?```|~~~[\s\S]*?~~~|`[^`\n]*`)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(!?)\[\[([^[\]\n]+)\]\]/g, (whole, bang: string, inner: string) => {
            if (bang) return whole;
            const target = inner.split('|')[0]?.split(/[#^]/)[0] ?? '';
            const found = resolve(target, candidates);
            if (!found) return whole;
            const title = found.title.replace(/[[\]]/g, '');
            return `[[[${title}]]](repertoire:${encodeURIComponent(found.kind)}/${encodeURIComponent(found.id)})`;
          }),
    )
    .join('');
}

/**
 * Writes each note's text into its entity's co-edited document, through a headless editor on a
 * copy of the live document, as a member's editor would have written it, and records its
 * mentions. Only documents the import just created are written: a member's own text is never
 * overwritten. Resolves with how many were written.
 */
export async function writeNoteDocuments(
  documents: DocumentsApi,
  notes: readonly NoteDocument[],
  progress: Progress,
): Promise<number> {
  let written = 0;
  for (const note of notes) {
    const live = await documents.openLive(note.id);
    try {
      await live.whenSynced;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await live.state(), live);
      const before = Y.encodeStateVector(doc);
      const mentions = writeMarkdownDocument(doc, note.markdown);
      await live.update(Y.encodeStateAsUpdate(doc, before));
      await live.setMentions([...new Set(mentions.map((m) => m.entityId))]);
      written += 1;
    } finally {
      live.dispose();
    }
    progress.report({
      increment: 100 / notes.length,
      message: `Wrote ${written} of ${notes.length} note texts…`,
    });
  }
  return written;
}
