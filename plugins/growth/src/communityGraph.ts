import type { EntityInfo, RelationInfo } from '@repertoire/plugin-api';

/** The part of an entity the growth analyses read. */
export type GraphEntity = Pick<EntityInfo, 'id' | 'kind' | 'title' | 'fields' | 'createdAt'> &
  Partial<Pick<EntityInfo, 'updatedAt'>>;

/** The part of a relation the growth analyses read. */
export type GraphRelation = Pick<RelationInfo, 'from' | 'type' | 'to'> &
  Partial<Pick<RelationInfo, 'createdAt'>>;

/** The community's graph as the plugin API returns it (`graph.entities()`, `graph.relations()`). */
export interface CommunityGraph {
  readonly entities: readonly GraphEntity[];
  readonly relations: readonly GraphRelation[];
}

const DAY = 86_400_000;

/** The calendar day of an ISO date or date-time (`2025-03-04`). */
export const dayOf = (iso: string): string => iso.slice(0, 10);

/** Whole days from `from` to `to` (ISO dates or date-times), by calendar day. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(dayOf(to)) - Date.parse(dayOf(from))) / DAY);
}

/** The day `days` before `iso`. */
export function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(dayOf(iso)) - days * DAY).toISOString().slice(0, 10);
}

/** A meeting's date, if it has a valid one. */
export function meetingDate(entity: GraphEntity): string | undefined {
  const date = entity.fields.date;
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date) ? dayOf(date) : undefined;
}
