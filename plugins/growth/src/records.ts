import type { GraphApi, JsonObject } from '@repertoire/plugin-api';
import { type CommunityGraph, dayOf } from './communityGraph.ts';
import { LAYER_GUIDES, type Layer } from './layers.ts';
import { PHASE_GUIDES, type Phase } from './phases.ts';

/** A confirmed (or overridden) life phase, as kept in the graph. */
export interface PhaseRecord {
  readonly id: string;
  readonly phase: Phase;
  /** The day the community entered the phase. */
  readonly since: string;
  /** What Repertoire suggested when the facilitator decided. */
  readonly suggested?: Phase;
  readonly signals: readonly string[];
  readonly note?: string;
}

/** A term's reflection on Hadar & Brody's layers, with its evidence. */
export interface LayerRecord {
  readonly id: string;
  readonly layer: Layer;
  readonly term: string;
  readonly date: string;
  readonly note?: string;
  /** Meetings and artifacts that show it. */
  readonly evidence: readonly string[];
  /** Members the facilitator saw move forward, or withdraw, this term. */
  readonly progress: readonly string[];
  readonly withdrawal: readonly string[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Every phase record, oldest first (by `since`, then by when it was recorded). */
export function phaseHistory(graph: CommunityGraph): PhaseRecord[] {
  return graph.entities
    .filter((e) => e.kind === 'life-phase')
    .sort(
      (a, b) =>
        String(a.fields.since).localeCompare(String(b.fields.since)) ||
        a.createdAt.localeCompare(b.createdAt),
    )
    .map((e) => {
      const note = str(e.fields.note);
      const suggested = str(e.fields.suggested) as Phase | undefined;
      return {
        id: e.id,
        phase: e.fields.phase as Phase,
        since: dayOf(String(e.fields.since)),
        ...(suggested ? { suggested } : {}),
        signals: Array.isArray(e.fields.signals) ? e.fields.signals.map(String) : [],
        ...(note ? { note } : {}),
      };
    });
}

/** Every layer reflection, oldest first, with its evidence and the members it notes. */
export function layerHistory(graph: CommunityGraph): LayerRecord[] {
  const out = new Map<string, { evidence: string[]; progress: string[]; withdrawal: string[] }>();
  const of = (id: string) => {
    const found = out.get(id);
    if (found) return found;
    const made = { evidence: [] as string[], progress: [] as string[], withdrawal: [] as string[] };
    out.set(id, made);
    return made;
  };
  for (const r of graph.relations) {
    if (r.type === 'evidenced-by') of(r.from).evidence.push(r.to);
    else if (r.type === 'notes-progress-of') of(r.from).progress.push(r.to);
    else if (r.type === 'notes-withdrawal-of') of(r.from).withdrawal.push(r.to);
  }
  return graph.entities
    .filter((e) => e.kind === 'layer-reflection')
    .sort(
      (a, b) =>
        String(a.fields.date).localeCompare(String(b.fields.date)) ||
        a.createdAt.localeCompare(b.createdAt),
    )
    .map((e) => {
      const note = str(e.fields.note);
      return {
        id: e.id,
        layer: e.fields.layer as Layer,
        term: String(e.fields.term),
        date: dayOf(String(e.fields.date)),
        ...(note ? { note } : {}),
        ...(out.get(e.id) ?? { evidence: [], progress: [], withdrawal: [] }),
      };
    });
}

/** What the facilitator decided about the phase. */
export interface PhaseDecision {
  readonly phase: Phase;
  readonly since: string;
  readonly suggested?: Phase;
  readonly signals?: readonly string[];
  readonly note?: string;
}

/** Records a phase decision as a `life-phase` entity; resolves with its id. */
export async function recordPhase(
  graph: Pick<GraphApi, 'transact'>,
  d: PhaseDecision,
): Promise<string> {
  const fields: JsonObject = {
    phase: d.phase,
    since: d.since,
    ...(d.suggested ? { suggested: d.suggested } : {}),
    ...(d.signals && d.signals.length > 0 ? { signals: [...d.signals] } : {}),
    ...(d.note ? { note: d.note } : {}),
  };
  const { created } = await graph.transact((tx) =>
    tx.createEntity({
      kind: 'life-phase',
      title: `${PHASE_GUIDES[d.phase].label} since ${d.since}`,
      fields,
    }),
  );
  return created[0] as string;
}

/** What the facilitator records about a term. */
export interface LayerEntry {
  readonly layer: Layer;
  readonly term: string;
  readonly date: string;
  readonly note?: string;
  readonly evidence?: readonly string[];
  readonly progress?: readonly string[];
  readonly withdrawal?: readonly string[];
}

/** Records a term's layer, linked to its evidence and the members it notes; resolves with its id. */
export async function recordLayer(
  graph: Pick<GraphApi, 'transact'>,
  entry: LayerEntry,
): Promise<string> {
  const { created } = await graph.transact((tx) => {
    const ref = tx.createEntity({
      kind: 'layer-reflection',
      title: `${entry.term}: ${LAYER_GUIDES[entry.layer].label}`,
      fields: {
        layer: entry.layer,
        term: entry.term,
        date: entry.date,
        ...(entry.note ? { note: entry.note } : {}),
      },
    });
    for (const id of entry.evidence ?? []) tx.link(ref, 'evidenced-by', id);
    for (const id of entry.progress ?? []) tx.link(ref, 'notes-progress-of', id);
    for (const id of entry.withdrawal ?? []) tx.link(ref, 'notes-withdrawal-of', id);
  });
  return created[0] as string;
}
