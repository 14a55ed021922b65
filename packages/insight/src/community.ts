import type { EntityInfo, RelationInfo } from '@repertoire/plugin-api';

/**
 * One edit session of a member on a co-edited document, from the server's activity records
 * (`activity.read`): the server stamps who from the authenticated connection, never from a claim.
 */
export interface ActivityEntry {
  /** The member entity the editing account is linked to. */
  readonly memberId: string;
  /** The entity whose document was edited (an artifact, a meeting's notes). */
  readonly entityId: string;
  /** When the session ended (ISO 8601); the edit is counted in the period holding this time. */
  readonly at: string;
  /** How many updates the session coalesced. */
  readonly updates: number;
}

/**
 * Everything the insight computations read: plain data in the plugin API's shapes, so the same
 * functions run in a Worker, in Node and in tests, and never reach the live graph.
 */
export interface CommunityData {
  /** Every entity (members, meetings, practices, artifacts, problems, domains). */
  readonly entities: readonly EntityInfo[];
  /** Every relation among them. */
  readonly relations: readonly RelationInfo[];
  /** Document edits by members; empty when the viewer may not read activity. */
  readonly activity?: readonly ActivityEntry[];
}

/** The built-in kinds and relation types the computations read (DOMAIN.md). */
export const KINDS = {
  member: 'member',
  meeting: 'meeting',
  practice: 'practice',
  artifact: 'artifact',
  problem: 'problem',
  domain: 'domain',
} as const;

/** Relation types, by what they mean. */
export const RELATIONS = {
  attended: 'attended',
  contributesTo: 'contributes-to',
  mentors: 'mentors',
  mentions: 'mentions',
  practises: 'practises',
  expertIn: 'is-expert-in',
  documents: 'documents',
  addresses: 'addresses',
  belongsTo: 'belongs-to',
  discussed: 'discussed',
} as const;

/** A meeting's date: its `date` field, else when it was recorded. */
export function meetingDate(meeting: EntityInfo): string {
  const date = meeting.fields.date;
  return typeof date === 'string' && !Number.isNaN(Date.parse(date))
    ? new Date(Date.parse(date)).toISOString()
    : meeting.createdAt;
}

/** When a member joined: the `joined` field, else when the member entity was recorded. */
export function joinedDate(member: EntityInfo): string {
  const joined = member.fields.joined;
  return typeof joined === 'string' && !Number.isNaN(Date.parse(joined))
    ? new Date(Date.parse(joined)).toISOString()
    : member.createdAt;
}

const cache = new WeakMap<CommunityData, CommunityIndex>();

/** Entities by id and by kind, relations by type, built once per data object. */
export class CommunityIndex {
  readonly byId = new Map<string, EntityInfo>();
  readonly byKind = new Map<string, EntityInfo[]>();
  readonly relations: readonly RelationInfo[];
  readonly #byType = new Map<string, RelationInfo[]>();

  /** The index of `data`, built once per data object (the computations share it). */
  static of(data: CommunityData): CommunityIndex {
    let index = cache.get(data);
    if (!index) {
      index = new CommunityIndex(data);
      cache.set(data, index);
    }
    return index;
  }

  constructor(data: CommunityData) {
    for (const entity of data.entities) {
      this.byId.set(entity.id, entity);
      const list = this.byKind.get(entity.kind);
      if (list) list.push(entity);
      else this.byKind.set(entity.kind, [entity]);
    }
    // A relation whose end is missing is dangling; it says nothing about the community.
    this.relations = data.relations.filter((r) => this.byId.has(r.from) && this.byId.has(r.to));
    for (const r of this.relations) {
      const list = this.#byType.get(r.type);
      if (list) list.push(r);
      else this.#byType.set(r.type, [r]);
    }
  }

  /** Entities of a kind (empty when none). */
  kind(kind: string): readonly EntityInfo[] {
    return this.byKind.get(kind) ?? [];
  }

  /** Relations of a type. */
  ofType(type: string): readonly RelationInfo[] {
    return this.#byType.get(type) ?? [];
  }
}

/** The value under `key`, made by `make` and stored first when there is none. */
export function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Compares names for people's eyes; one collator, far cheaper than `localeCompare` per call. */
export const byName: (a: string, b: string) => number = new Intl.Collator(undefined, {
  sensitivity: 'base',
}).compare;
