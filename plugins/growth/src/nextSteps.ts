import type { JsonValue } from '@repertoire/plugin-api';
import { type CommunityGraph, dayOf, daysBefore, meetingDate } from './communityGraph.ts';
import type { Phase } from './phases.ts';

/** Something the facilitator can do next, computed from the community's data. */
export interface NextStep {
  /** Which rule found it (stable, for tests and keys). */
  readonly id:
    | 'coAuthor'
    | 'schedule'
    | 'addDomain'
    | 'problemWithoutPractice'
    | 'renewArtifact'
    | 'futureMeeting';
  /** The step in words, naming the people or things behind it. */
  readonly text: string;
  /** The entities it is about; each is one click away. */
  readonly entities: readonly string[];
  /** The command that does it, with its arguments and a button label. */
  readonly action?: {
    readonly label: string;
    readonly command: string;
    readonly args: JsonValue[];
  };
}

const TERM_DAYS = 91;
const names = (titles: readonly string[]) =>
  titles.length <= 1 ? (titles[0] ?? '') : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`;

/**
 * Next steps for a community in `phase` on `now`, from its graph, most useful first (at most
 * four). Each names what it is about, and where the product can do it, the command that does.
 */
export function nextSteps(graph: CommunityGraph, phase: Phase, now: string): NextStep[] {
  const today = dayOf(now);
  const termStart = daysBefore(today, TERM_DAYS);
  const byId = new Map(graph.entities.map((e) => [e.id, e]));
  const kind = (k: string) => graph.entities.filter((e) => e.kind === k);
  const meetings = kind('meeting');
  const thisTerm = new Set(
    meetings
      .filter((m) => {
        const d = meetingDate(m);
        return d !== undefined && d > termStart && d <= today;
      })
      .map((m) => m.id),
  );
  const attendedThisTerm = new Map<string, number>();
  const authors = new Set<string>();
  const practised = new Set<string>();
  for (const r of graph.relations) {
    if (r.type === 'attended' && thisTerm.has(r.to))
      attendedThisTerm.set(r.from, (attendedThisTerm.get(r.from) ?? 0) + 1);
    if (r.type === 'contributes-to') authors.add(r.from);
    if (r.type === 'addresses') practised.add(r.to);
  }
  const steps: NextStep[] = [];

  // Legitimate peripheral participation: people at the edge move in by doing real work together.
  const peripheral = [...attendedThisTerm]
    .filter(([id, n]) => n <= 2 && !authors.has(id) && byId.get(id)?.kind === 'member')
    .map(([id]) => id)
    .sort((a, b) => (byId.get(a)?.title ?? a).localeCompare(byId.get(b)?.title ?? b));
  if (peripheral.length > 0 && thisTerm.size >= 3) {
    const who = names(peripheral.map((id) => byId.get(id)?.title ?? id));
    const one = peripheral.length === 1;
    const count = one
      ? 'came to one or two meetings'
      : `(${peripheral.length} members) came to one or two meetings`;
    steps.push({
      id: 'coAuthor',
      text: `${who} ${count} this term and ${one ? 'has' : 'have'} not written an artifact with the community yet: invite ${one ? 'them' : 'them all'} to co-author the next guideline.`,
      entities: peripheral,
      action: {
        label: 'Start a guideline with them',
        command: 'growth.startCoAuthored',
        args: [peripheral],
      },
    });
  }

  const planned = meetings.some((m) => (meetingDate(m) ?? '') > today);
  if (!planned && phase !== 'transformation')
    steps.push({
      id: 'schedule',
      text: 'No meeting is planned: a regular rhythm is what keeps a community alive. Schedule the next one.',
      entities: [],
      action: { label: 'Schedule a meeting', command: 'meetings.schedule', args: [] },
    });

  if (phase === 'transformation')
    steps.push({
      id: 'futureMeeting',
      text: 'Hold a meeting about the community’s future: a new focus, a merger, a pause, or a celebration of what it achieved.',
      entities: [],
      action: {
        label: 'Schedule it',
        command: 'meetings.schedule',
        args: ['Our community’s future'],
      },
    });

  if (kind('domain').length === 0)
    steps.push({
      id: 'addDomain',
      text: 'Name the shared concern that brings members together: add the community’s domain.',
      entities: [],
      action: { label: 'Add a domain', command: 'knowledge.addDomain', args: [] },
    });

  if (phase === 'coalescing' || phase === 'maturing' || phase === 'potential') {
    const open = kind('problem')
      .filter((p) => !practised.has(p.id) && p.fields.status !== 'addressed')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const first = open[0];
    if (first)
      steps.push({
        id: 'problemWithoutPractice',
        text: `“${first.title}” has no practice yet${open.length > 1 ? ` (nor ${open.length - 1} other problem${open.length > 2 ? 's' : ''})` : ''}: bring it to the next meeting and collect what members already do.`,
        entities: open.map((p) => p.id),
      });
  }

  if (phase === 'stewardship' || phase === 'maturing') {
    const stale = kind('artifact')
      .filter((a) => dayOf(a.updatedAt ?? a.createdAt) <= daysBefore(today, 182))
      .sort((a, b) => (a.updatedAt ?? a.createdAt).localeCompare(b.updatedAt ?? b.createdAt));
    const oldest = stale[0];
    if (oldest)
      steps.push({
        id: 'renewArtifact',
        text: `“${oldest.title}” has not changed since ${dayOf(oldest.updatedAt ?? oldest.createdAt)}: ask who will renew it.`,
        entities: [oldest.id],
      });
  }
  return steps.slice(0, 4);
}
