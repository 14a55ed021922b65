import { reconcileMentions } from '@repertoire/core';
import { asEntityId, type EntityId } from '@repertoire/schema';
import type * as Y from 'yjs';
import { registerBuiltinKinds } from './builtinKinds.ts';
import { ARTIFACT_DOCUMENTS } from './content/artifactDocuments.ts';
import { MEETING_NOTES } from './content/meetingNotes.ts';
import { expandReferences, type SampleReference } from './content/references.ts';
import { DatedWorkspace } from './datedWorkspace.ts';
import { addGrowthHistory } from './growthHistory.ts';
import {
  AGENDAS,
  ARTIFACTS,
  DOMAINS,
  MEETING_DATES,
  MEMBERS,
  MENTORING,
  PRACTICES,
  PROBLEMS,
} from './sampleData.ts';
import { sampleDates } from './sampleDates.ts';
import { loadSampleYearPlan } from './sampleYearPlan.ts';

/** Who loads the sample and into which workspace. */
export interface SampleOptions {
  /** The account the sample's entities are stamped with. */
  user: string;
  /** The workspace id (names its documents). */
  id?: string;
  /**
   * Writes a co-edited document's content: `markdown` (the form the editor exports, chips as
   * `repertoire:` links) into the document of `entityId`, returning the ids of the entities the
   * written document mentions, read back from it. The server passes the headless editor's writer;
   * without one the sample's documents stay empty and make no `mentions` relations.
   */
  writeDocument?: (entityId: EntityId, markdown: string) => Iterable<string>;
  /**
   * Whole weeks to move every date forward (0, the default: the 2025 school year as written). The
   * server moves the sample so its last meeting falls in the week it is loaded (`weeksToNow`).
   */
  shiftWeeks?: number;
}

/** What {@link loadSampleCommunity} did. */
export interface SampleSummary {
  loaded: boolean;
  entities: number;
  relations: number;
  /** How many documents were written through `writeDocument`. */
  documents: number;
}

/** Ids are fixed so loading twice finds the first load, and links in tests and docs stay stable. */
const sampleId = (kind: string, key: string): EntityId => asEntityId(`sample-${kind}-${key}`);
const MEETING_HOUR = 'T15:30:00Z';

/** A deterministic attendance draw, so every load tells the same story. */
function attends(memberIndex: number, meeting: number, rate: number): boolean {
  const x = Math.sin((memberIndex + 1) * 12.9898 + (meeting + 1) * 78.233) * 43758.5453;
  return x - Math.floor(x) < rate;
}

const KEYS: Record<string, string> = Object.fromEntries([
  ...MEMBERS.map((m) => [m.key, 'member']),
  ...DOMAINS.map((d) => [d.key, 'domain']),
  ...PROBLEMS.map((p) => [p.key, 'problem']),
  ...PRACTICES.map((p) => [p.key, 'practice']),
  ...ARTIFACTS.map((a) => [a.key, 'artifact']),
]);

/** The entity a `@key` or `[[key]]` in the sample's content stands for. */
function referenceTarget(ref: SampleReference): { id: EntityId; kind: string } | undefined {
  const meeting = /^meeting-(\d+)$/.exec(ref.key);
  if (meeting) return { id: sampleId('meeting', meeting[1] ?? ''), kind: 'meeting' };
  const kind = KEYS[ref.key];
  if (!kind || (ref.trigger === 'mention' && kind !== 'member')) return undefined;
  return { id: sampleId(kind, ref.key), kind };
}

/** A meeting's notes: who came, then what the committee wrote that fortnight. */
function meetingNotes(index: number, present: string[], away: string[]): string {
  const notes = MEETING_NOTES[index];
  if (!notes) return '';
  // Names, not mentions: attendance is already a relation of its own, and a chip per attendee
  // would double every 'attended' edge in the graph (and count an apology as activity).
  const names = (keys: string[]) =>
    keys.map((k) => MEMBERS.find((m) => m.key === k)?.name ?? k).join(', ');
  const attendance = [
    `**Present:** ${names(present)}`,
    ...(away.length > 0 ? [`**Apologies:** ${names(away)}`] : []),
  ].join(' · ');
  return `${attendance}\n\n${notes}`;
}

/**
 * Loads the sample community (seed 004's e-learning committee over the 2025 school year) into a
 * graph document. Entities and relations carry the dates they came into being, so the graph's time
 * slider replays the year. Idempotent: a document that already holds the sample is left alone.
 */
export function loadSampleCommunity(doc: Y.Doc, options: SampleOptions): SampleSummary {
  const dates = sampleDates(options.shiftWeeks ?? 0);
  const stamp = (day: string) => dates.instant(Date.parse(`${day}${MEETING_HOUR}`));
  let clock = stamp(MEETING_DATES[0] as string);
  const workspace = new DatedWorkspace(doc, { ...options, now: () => clock }, dates);
  const kinds = registerBuiltinKinds(workspace);
  try {
    if (workspace.hasEntity(sampleId('member', MEMBERS[0]?.key ?? ''))) {
      return { loaded: false, entities: 0, relations: 0, documents: 0 };
    }
    const at = (meeting: number) => {
      clock = stamp(MEETING_DATES[meeting] ?? (MEETING_DATES[0] as string));
    };
    const before = {
      entities: workspace.entities().length,
      relations: workspace.relations().length,
    };
    let documents = 0;
    const resolve = (ref: SampleReference) => {
      const found = referenceTarget(ref);
      if (!found || !workspace.hasEntity(found.id))
        throw new Error(`sample content refers to "${ref.key}", which does not exist yet`);
      return { ...found, title: workspace.getEntity(found.id)?.title ?? found.id };
    };
    // Each document is written as a member's editor would write it, and its mentions become
    // relations through the same reconciliation the editor runs, dated when it was written.
    const write = (id: EntityId, source: string) => {
      if (!options.writeDocument || source.trim() === '') return;
      const mentioned = options.writeDocument(id, dates.text(expandReferences(source, resolve)));
      reconcileMentions(workspace, id, [...mentioned].map(asEntityId));
      documents++;
    };
    workspace.transact(() => {
      at(0);
      workspace.settings.setName('E-learning committee');
      for (const domain of DOMAINS)
        workspace.createEntity({
          id: sampleId('domain', domain.key),
          kind: 'domain',
          title: domain.title,
          fields: { description: domain.description },
        });
      for (const [index, date] of MEETING_DATES.entries()) {
        at(index);
        for (const member of MEMBERS)
          if (member.joined <= date && !workspace.hasEntity(sampleId('member', member.key)))
            workspace.createEntity({
              id: sampleId('member', member.key),
              kind: 'member',
              title: member.name,
              fields: {
                role: member.role,
                expertise: member.expertise,
                identity: member.identity,
                joined: member.joined,
              },
            });
        for (const problem of PROBLEMS.filter((p) => p.first === index)) {
          const id = sampleId('problem', problem.key);
          workspace.createEntity({
            id,
            kind: 'problem',
            title: problem.title,
            fields: {
              statement: problem.statement,
              equityFocus: problem.equity,
              status: 'in inquiry',
            },
          });
          workspace.link(id, 'belongs-to', sampleId('domain', problem.domain));
        }
        for (const practice of PRACTICES.filter((p) => p.first === index)) {
          const id = sampleId('practice', practice.key);
          workspace.createEntity({
            id,
            kind: 'practice',
            title: practice.title,
            fields: { description: practice.description, form: practice.form, status: 'emerging' },
          });
          for (const problem of practice.addresses)
            workspace.link(id, 'addresses', sampleId('problem', problem));
          for (const member of practice.practitioners)
            if (workspace.hasEntity(sampleId('member', member)))
              workspace.link(sampleId('member', member), 'practises', id);
        }
        for (const practice of PRACTICES.filter((p) => p.established === index)) {
          const id = sampleId('practice', practice.key);
          workspace.updateEntity(id, { fields: { status: 'established' } });
          for (const member of practice.experts)
            workspace.link(sampleId('member', member), 'is-expert-in', id);
        }
        for (const artifact of ARTIFACTS.filter((a) => a.at === index)) {
          const id = sampleId('artifact', artifact.key);
          workspace.createEntity({
            id,
            kind: 'artifact',
            title: artifact.title,
            document: true,
            fields: {
              type: artifact.type,
              summary: artifact.summary,
              ...('url' in artifact ? { url: artifact.url } : {}),
            },
          });
          for (const practice of artifact.documents)
            workspace.link(id, 'documents', sampleId('practice', practice));
          for (const member of artifact.contributors)
            if (workspace.hasEntity(sampleId('member', member)))
              workspace.link(sampleId('member', member), 'contributes-to', id);
        }
        for (const mentoring of MENTORING.filter((m) => m.since === index)) {
          const mentor = sampleId('member', mentoring.mentor);
          const mentee = sampleId('member', mentoring.mentee);
          if (workspace.hasEntity(mentor) && workspace.hasEntity(mentee))
            workspace.link(mentor, 'mentors', mentee, { attributes: { since: date } });
        }
        const meeting = sampleId('meeting', String(index + 1));
        const agenda = AGENDAS[index];
        workspace.createEntity({
          id: meeting,
          kind: 'meeting',
          title: `Committee meeting ${index + 1}`,
          // The meeting owns its notes, as a scheduled meeting does.
          document: true,
          fields: {
            date,
            format: 'session',
            durationMinutes: 60,
            ...(agenda ? { agenda: agenda.agenda } : {}),
          },
        });
        for (const key of agenda?.discussed ?? []) {
          const problem = sampleId('problem', key);
          const target = workspace.hasEntity(problem) ? problem : sampleId('practice', key);
          if (workspace.hasEntity(target)) workspace.link(meeting, 'discussed', target);
        }
        const present: string[] = [];
        for (const [memberIndex, member] of MEMBERS.entries()) {
          const id = sampleId('member', member.key);
          const { from, to, rate } = member.attends;
          if (index >= from && index <= to && workspace.hasEntity(id))
            if (attends(memberIndex, index, rate)) {
              workspace.link(id, 'attended', meeting);
              present.push(member.key);
            }
        }
        const away = MEMBERS.filter(
          (m) => workspace.hasEntity(sampleId('member', m.key)) && !present.includes(m.key),
        ).map((m) => m.key);
        // Written last in the fortnight, so a document may refer to anything made by then.
        write(meeting, meetingNotes(index, present, away));
        for (const artifact of ARTIFACTS.filter((a) => a.at === index))
          write(sampleId('artifact', artifact.key), ARTIFACT_DOCUMENTS[artifact.key] ?? '');
      }
      addGrowthHistory(workspace, { id: sampleId, at }, MEETING_DATES.length - 1);
      loadSampleYearPlan(workspace, {
        id: sampleId,
        at: (d) => {
          clock = stamp(d);
        },
        dates,
      });
      for (const problem of PROBLEMS.filter((p) => p.key === 'citizenship' || p.key === 'app'))
        workspace.updateEntity(sampleId('problem', problem.key), {
          fields: { status: 'addressed' },
        });
    });
    return {
      loaded: true,
      entities: workspace.entities().length - before.entities,
      relations: workspace.relations().length - before.relations,
      documents,
    };
  } finally {
    kinds.dispose();
    workspace.dispose();
  }
}
