// The sample's life-phase history and Hadar & Brody layer reflections (plugin repertoire.growth):
// what its coordinator recorded over the 2025 year, with the meetings and artifacts that show it.
import type { Workspace } from '@repertoire/core';
import type { EntityId } from '@repertoire/schema';

/** The sample's ids (`sample-<kind>-<key>`) and its clock (`at(meetingIndex)`), from the loader. */
export interface SampleClock {
  readonly id: (kind: string, key: string) => EntityId;
  readonly at: (meetingIndex: number) => void;
}

const PHASES = [
  {
    key: 'coalescing',
    at: 0,
    fields: {
      phase: 'coalescing',
      since: '2025-02-05',
      suggested: 'potential',
      signals: ['No meeting has been held yet.'],
      note: 'A new committee, but the school needs an LMS decision this year: we start meeting fortnightly now and make sure every meeting is worth the hour.',
    },
  },
  {
    key: 'maturing',
    at: 11,
    fields: {
      phase: 'maturing',
      since: '2025-08-13',
      suggested: 'maturing',
      signals: [
        'The community is 6 months old (since 3 February 2025).',
        '8 members, 2 joined in the last six months.',
        '9 practices and artifacts recorded in the last six months, 0 in the six before; 2 practices established.',
      ],
      note: 'The Team Drive guideline, the LMS matrix and the Digital Citizenship units are in use, and Tom and Hannah joined. Now we have to choose what we focus on.',
    },
  },
] as const;

const LAYERS = [
  {
    key: 'term1',
    at: 4,
    fields: {
      layer: 'breaking isolation',
      term: 'Term 1 2025',
      date: '2025-04-02',
      note: 'Round the table, every department turned out to do its own thing. The demos made it safe to show what only half worked, like the class that could not log in.',
    },
    evidence: ['meeting:1', 'meeting:2', 'meeting:4'],
    progress: [],
    withdrawal: [],
  },
  {
    key: 'term2',
    at: 9,
    fields: {
      layer: 'talking about student learning',
      term: 'Term 2 2025',
      date: '2025-07-02',
      note: 'We started from students: the year-level gap in digital citizenship, and asking students before we build anything for them (the survey).',
    },
    evidence: ['meeting:4', 'meeting:9', 'artifact:lmsmatrix'],
    progress: ['tom'],
    withdrawal: [],
  },
  {
    key: 'term3',
    at: 14,
    fields: {
      layer: 'improvement in teaching',
      term: 'Term 3 2025',
      date: '2025-09-24',
      note: 'Teachers changed what they do: feedback in the lesson from students’ own clips, and the Digital Citizenship units taught in form time and rewritten from what students said.',
    },
    evidence: ['meeting:12', 'meeting:14', 'artifact:dcpdoc'],
    progress: ['hannah'],
    withdrawal: ['daniel'],
  },
] as const;

/**
 * Writes the phase history and the layer reflections, each dated when it was recorded, so the time
 * slider replays them. Runs inside the loader's transaction, after the year's meetings exist;
 * leaves the clock at the last meeting.
 */
export function addGrowthHistory(
  workspace: Workspace,
  clock: SampleClock,
  lastMeeting: number,
): void {
  const target = (ref: string) => {
    const [kind = '', key = ''] = ref.split(':');
    return clock.id(kind, key);
  };
  for (const phase of PHASES) {
    clock.at(phase.at);
    workspace.createEntity({
      id: clock.id('life-phase', phase.key),
      kind: 'life-phase',
      title: `${phase.key[0]?.toUpperCase()}${phase.key.slice(1)} since ${phase.fields.since}`,
      fields: { ...phase.fields, signals: [...phase.fields.signals] },
    });
  }
  const layerLabel = (layer: string) => `${layer[0]?.toUpperCase()}${layer.slice(1)}`;
  for (const layer of LAYERS) {
    clock.at(layer.at);
    const id = clock.id('layer', layer.key);
    workspace.createEntity({
      id,
      kind: 'layer-reflection',
      title: `${layer.fields.term}: ${layerLabel(layer.fields.layer)}`,
      fields: { ...layer.fields },
    });
    for (const ref of layer.evidence) workspace.link(id, 'evidenced-by', target(ref));
    for (const m of layer.progress) workspace.link(id, 'notes-progress-of', clock.id('member', m));
    for (const m of layer.withdrawal)
      workspace.link(id, 'notes-withdrawal-of', clock.id('member', m));
  }
  clock.at(lastMeeting);
}
