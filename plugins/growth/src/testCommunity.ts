import type { CommunityGraph, GraphEntity, GraphRelation } from './communityGraph.ts';

/** How to build a small community by hand, for tests. */
export interface CommunitySpec {
  /** Members and the day each joined. */
  readonly members: readonly string[];
  /** Meetings: every `everyDays` from `from` to `to`, with `attendees(date)` members each. */
  readonly meetings?: {
    readonly from: string;
    readonly to: string;
    readonly everyDays?: number;
    readonly attendees: (date: string) => number;
  };
  /** Practices and artifacts, by the day recorded; `established` practices count as such. */
  readonly repertoire?: readonly {
    readonly on: string;
    readonly kind?: 'practice' | 'artifact';
    readonly established?: boolean;
  }[];
  /** Extra entities (a problem, a planned meeting…). */
  readonly extra?: readonly GraphEntity[];
  readonly extraRelations?: readonly GraphRelation[];
}

const at = (day: string) => `${day}T10:00:00.000Z`;

/** Builds a community graph: members `m1…`, meetings `g1…`, repertoire `r1…`. */
export function testCommunity(spec: CommunitySpec): CommunityGraph {
  const entities: GraphEntity[] = spec.members.map((joined, i) => ({
    id: `m${i + 1}`,
    kind: 'member',
    title: `Member ${i + 1}`,
    fields: { role: 'member', joined },
    createdAt: at(joined),
  }));
  const relations: GraphRelation[] = [];
  if (spec.meetings) {
    const { from, to, everyDays = 14, attendees } = spec.meetings;
    let n = 0;
    for (let t = Date.parse(from); t <= Date.parse(to); t += everyDays * 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const id = `g${++n}`;
      entities.push({
        id,
        kind: 'meeting',
        title: `Meeting ${n}`,
        fields: { date },
        createdAt: at(date),
      });
      const count = Math.min(attendees(date), spec.members.length);
      for (let i = 0; i < count; i++)
        relations.push({ from: `m${i + 1}`, type: 'attended', to: id, createdAt: at(date) });
    }
  }
  for (const [i, item] of (spec.repertoire ?? []).entries())
    entities.push({
      id: `r${i + 1}`,
      kind: item.kind ?? 'practice',
      title: `Item ${i + 1}`,
      fields: item.established ? { status: 'established' } : { status: 'emerging' },
      createdAt: at(item.on),
    });
  return {
    entities: [...entities, ...(spec.extra ?? [])],
    relations: [...relations, ...(spec.extraRelations ?? [])],
  };
}

/** `count` items recorded every `everyDays` from `from`. */
export function spread(
  count: number,
  from: string,
  everyDays: number,
  extra: { kind?: 'practice' | 'artifact'; established?: boolean } = {},
): { on: string; kind?: 'practice' | 'artifact'; established?: boolean }[] {
  return Array.from({ length: count }, (_, i) => ({
    on: new Date(Date.parse(from) + i * everyDays * 86_400_000).toISOString().slice(0, 10),
    ...extra,
  }));
}
