import { createGraphDoc, Workspace } from '@repertoire/core';
import {
  bindEditorToYDoc,
  countWords,
  createDocumentEditor,
  mentionsInYDoc,
  readDocumentText,
  writeMarkdownDocument,
} from '@repertoire/editor/headless';
import { asEntityId, type EntityId } from '@repertoire/schema';
import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { registerBuiltinKinds } from './builtinKinds.ts';
import { loadSampleCommunity } from './loadSampleCommunity.ts';
import { ARTIFACTS, MEETING_DATES, MEMBERS, PRACTICES, PROBLEMS } from './sampleData.ts';

/** Loads the sample with the headless editor writing its documents, as the server does. */
function loadWithDocuments() {
  const graph = createGraphDoc();
  const documents = new Map<EntityId, Y.Doc>();
  const summary = loadSampleCommunity(graph, {
    user: 'u_demo',
    id: 'w_sample',
    writeDocument: (id, markdown) => {
      const doc = documents.get(id) ?? new Y.Doc();
      documents.set(id, doc);
      return writeMarkdownDocument(doc, markdown).map((t) => t.entityId);
    },
  });
  const workspace = new Workspace(graph, { user: 'u_reader', id: 'w_sample' });
  registerBuiltinKinds(workspace);
  return { graph, documents, summary, workspace };
}

const textOf = readDocumentText;

describe('loadSampleCommunity', () => {
  it('loads every kind of the community, valid against the built-in kinds', () => {
    const doc = createGraphDoc();
    const summary = loadSampleCommunity(doc, { user: 'u_demo', id: 'w_sample' });
    expect(summary.loaded).toBe(true);
    const workspace = new Workspace(doc, { user: 'u_reader' });
    registerBuiltinKinds(workspace);
    const count = (kind: string) => workspace.entities(kind).length;
    expect(count('member')).toBe(MEMBERS.length);
    expect(count('meeting')).toBe(MEETING_DATES.length);
    for (const kind of ['domain', 'problem', 'practice', 'artifact'])
      expect(count(kind)).toBeGreaterThan(0);
    expect(summary.entities).toBe(workspace.entities().length);
    expect(summary.relations).toBe(workspace.relations().length);
    const types = new Set(workspace.relations().map((r) => r.type));
    for (const type of ['attended', 'discussed', 'practises', 'addresses', 'mentors', 'documents'])
      expect(types).toContain(type);
    expect(workspace.settings.get().name).toBe('E-learning committee');
  });

  it('dates the story across the year so the time slider can replay it', () => {
    const { workspace } = loadWithDocuments();
    const created = workspace.entities().map((e) => e.createdAt);
    expect(Math.min(...created)).toBe(Date.parse(`${MEETING_DATES[0]}T15:30:00Z`));
    expect(Math.max(...created)).toBe(Date.parse(`${MEETING_DATES.at(-1)}T15:30:00Z`));
    const newcomer = workspace.getEntity(asEntityId('sample-member-hannah'));
    expect(newcomer?.createdAt).toBeGreaterThan(Date.parse('2025-06-01'));
    // A meeting's mentions are as old as its notes, not as old as the load.
    const lastMeeting = asEntityId(`sample-meeting-${MEETING_DATES.length}`);
    const mentions = workspace.relations({ from: lastMeeting, type: 'mentions' });
    expect(mentions.length).toBeGreaterThan(0);
    for (const r of mentions)
      expect(r.createdAt).toBe(Date.parse(`${MEETING_DATES.at(-1)}T15:30:00Z`));
  });

  it('keeps the attendance story: Daniel drifts away after July, Aroha visits now and then', () => {
    const { workspace } = loadWithDocuments();
    const attended = (member: string) =>
      workspace
        .relations({ from: asEntityId(`sample-member-${member}`), type: 'attended' })
        .map((r) => Number(r.to.replace('sample-meeting-', '')));
    const daniel = attended('daniel');
    expect(daniel.filter((n) => n <= 10)).toHaveLength(9);
    expect(daniel.filter((n) => n > 10)).toEqual([]);
    expect(attended('aroha')).toHaveLength(5);
    // Attendance lines are names, not chips, so notes never count as Daniel's activity after July.
    const mentionsOfDaniel = workspace
      .relations({ to: asEntityId('sample-member-daniel'), type: 'mentions' })
      .map((r) => workspace.getEntity(r.from)?.fields.date)
      .filter((date): date is string => typeof date === 'string');
    expect(mentionsOfDaniel.every((date) => date <= '2025-07-31')).toBe(true);
  });

  it('fills every problem statement, practice description and artifact summary', () => {
    const { workspace } = loadWithDocuments();
    const filled = (kind: string, field: string) =>
      workspace.entities(kind).map((e) => String(e.fields[field] ?? '').trim().length);
    expect(filled('problem', 'statement')).toHaveLength(PROBLEMS.length);
    expect(filled('practice', 'description')).toHaveLength(PRACTICES.length);
    expect(filled('artifact', 'summary')).toHaveLength(ARTIFACTS.length);
    for (const [kind, field] of [
      ['problem', 'statement'],
      ['practice', 'description'],
      ['artifact', 'summary'],
    ] as const)
      for (const length of filled(kind, field)) expect(length).toBeGreaterThan(80);
  });

  it('writes a document with words for every artifact and every meeting', () => {
    const { documents, summary, workspace } = loadWithDocuments();
    const owners = [...workspace.entities('artifact'), ...workspace.entities('meeting')];
    expect(owners).toHaveLength(ARTIFACTS.length + MEETING_DATES.length);
    expect(summary.documents).toBe(owners.length);
    for (const entity of owners) {
      expect(entity.document, entity.id).toBe(true);
      const doc = documents.get(entity.id);
      expect(doc, entity.id).toBeDefined();
      expect(countWords(textOf(doc as Y.Doc)), entity.id).toBeGreaterThan(100);
    }
  });

  it('turns the notes’ @mentions and [[links]] into mentions relations, as typing them would', () => {
    const { documents, workspace } = loadWithDocuments();
    let total = 0;
    for (const [id, doc] of documents) {
      const inText = mentionsInYDoc(doc).map((t) => t.entityId);
      const relations = workspace
        .relations({ from: id, type: 'mentions' })
        .map((r) => r.to as string);
      expect(relations.sort(), id).toEqual(inText.sort());
      for (const r of workspace.relations({ from: id, type: 'mentions' }))
        expect(r.source).toEqual({ kind: 'document', docId: id });
      total += inText.length;
    }
    expect(total).toBeGreaterThan(150);
    const firstNotes = textOf(documents.get(asEntityId('sample-meeting-1')) as Y.Doc);
    expect(firstNotes).toContain('@Priya Raman');
    expect(firstNotes).toContain('[[Ten-minute tool demo at every meeting]]');
    const matrix = documents.get(asEntityId('sample-artifact-lmsmatrix')) as Y.Doc;
    const editor = createDocumentEditor();
    const binding = bindEditorToYDoc(editor, matrix);
    expect(
      editor.read(() =>
        $getRoot()
          .getChildren()
          .map((n) => n.getType()),
      ),
    ).toContain('table');
    binding.dispose();
  });

  it('is idempotent: a second load changes nothing, in the graph or in the documents', () => {
    const { graph, documents } = loadWithDocuments();
    const before = JSON.stringify(graph.toJSON());
    const states = new Map([...documents].map(([id, d]) => [id, Y.encodeStateVector(d)]));
    let writes = 0;
    expect(
      loadSampleCommunity(graph, {
        user: 'u_demo',
        id: 'w_sample',
        writeDocument: () => {
          writes++;
          return [];
        },
      }),
    ).toEqual({ loaded: false, entities: 0, relations: 0, documents: 0 });
    expect(writes).toBe(0);
    expect(JSON.stringify(graph.toJSON())).toBe(before);
    for (const [id, d] of documents) expect(Y.encodeStateVector(d)).toEqual(states.get(id));
  });
});
