import type { EntityInfo, RelationInfo, ViewContent } from '@repertoire/plugin-api';

/** One gap in the repertoire: what is missing, and where (a table row, so plain JSON). */
export type RepertoireGap = {
  gap: string;
  title: string;
  entityId: string;
};

/** Problems no practice addresses, and practices nobody practises or documents. */
export function findGaps(
  entities: readonly EntityInfo[],
  relations: readonly RelationInfo[],
): RepertoireGap[] {
  const has = (type: string, end: 'from' | 'to', id: string) =>
    relations.some((r) => r.type === type && r[end] === id);
  const gaps: RepertoireGap[] = [];
  for (const e of entities) {
    if (e.kind === 'problem' && !has('addresses', 'to', e.id))
      gaps.push({ gap: 'No practice addresses this problem yet', title: e.title, entityId: e.id });
    if (e.kind === 'practice' && !has('practises', 'to', e.id) && !has('is-expert-in', 'to', e.id))
      gaps.push({ gap: 'Nobody practises this yet', title: e.title, entityId: e.id });
    if (e.kind === 'practice' && !has('documents', 'to', e.id))
      gaps.push({ gap: 'No artifact documents this practice', title: e.title, entityId: e.id });
  }
  return gaps;
}

/** The gaps as the view and the analysis show them: a table, each row opening its entity. */
export function gapsTable(gaps: readonly RepertoireGap[]): ViewContent {
  return {
    type: 'table',
    columns: [
      { key: 'gap', label: 'Gap' },
      { key: 'title', label: 'Where' },
    ],
    rows: [...gaps],
  };
}
