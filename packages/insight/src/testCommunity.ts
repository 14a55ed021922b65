import type { EntityInfo, JsonObject, RelationInfo } from '@repertoire/plugin-api';
import type { ActivityEntry, CommunityData } from './community.ts';

/**
 * Builds small communities by hand for tests: `member('a')`, `meeting('m1', '2025-01-10')`,
 * `link('a', 'attended', 'm1')`. Dates default to 2025-01-01.
 */
export class TestCommunity {
  readonly entities: EntityInfo[] = [];
  readonly relations: RelationInfo[] = [];
  readonly activity: ActivityEntry[] = [];

  entity(
    id: string,
    kind: string,
    fields: JsonObject = {},
    createdAt = '2025-01-01T00:00:00.000Z',
  ): this {
    this.entities.push({
      id,
      kind,
      title: typeof fields.title === 'string' ? fields.title : id,
      fields,
      createdBy: 'u_test',
      createdAt,
      updatedBy: 'u_test',
      updatedAt: createdAt,
    });
    return this;
  }

  member(id: string, joined = '2025-01-01', role = 'member'): this {
    return this.entity(id, 'member', { role, joined }, `${joined}T00:00:00.000Z`);
  }

  meeting(id: string, date: string): this {
    return this.entity(id, 'meeting', { date }, `${date}T00:00:00.000Z`);
  }

  link(
    from: string,
    type: string,
    to: string,
    createdAt = '2025-01-01T00:00:00.000Z',
    docId?: string,
  ): this {
    this.relations.push({
      id: `${from}|${type}|${to}`,
      from,
      type,
      to,
      attributes: {},
      createdBy: 'u_test',
      createdAt,
      source: docId ? { kind: 'document', docId } : { kind: 'manual' },
    });
    return this;
  }

  attended(meeting: string, ...members: string[]): this {
    const date = this.entities.find((e) => e.id === meeting)?.fields.date as string;
    for (const m of members) this.link(m, 'attended', meeting, `${date}T00:00:00.000Z`);
    return this;
  }

  edit(memberId: string, entityId: string, at: string): this {
    this.activity.push({ memberId, entityId, at, updates: 1 });
    return this;
  }

  get data(): CommunityData {
    return { entities: this.entities, relations: this.relations, activity: this.activity };
  }
}
