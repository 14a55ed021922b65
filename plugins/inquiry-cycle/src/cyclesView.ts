import {
  type EntityInfo,
  naturalCompare,
  type RelationInfo,
  type TreeItem,
} from '@repertoire/plugin-api';
import { phaseOf } from './phases.ts';

const PHASE_LABEL = {
  plan: 'planning',
  act: 'acting',
  observe: 'observing',
  reflect: 'reflecting',
  complete: 'complete',
} as const;

const cycleOf = (e: EntityInfo): number =>
  typeof e.fields.cycle === 'number' ? e.fields.cycle : 1;

/**
 * The Inquiry cycles view: each problem of practice with its cycles in order, and the phase each
 * cycle is in; cycles not yet tied to a problem come last.
 */
export function cyclesTree(
  inquiries: readonly EntityInfo[],
  problems: readonly EntityInfo[],
  investigates: readonly RelationInfo[],
): TreeItem[] {
  const row = (e: EntityInfo): TreeItem => ({
    id: e.id,
    label: e.title,
    description: PHASE_LABEL[phaseOf(e.fields)],
    icon: 'refresh-cw',
    entityId: e.id,
  });
  const byCycle = (a: EntityInfo, b: EntityInfo) =>
    cycleOf(a) - cycleOf(b) || naturalCompare(a.title, b.title);
  const placed = new Set<string>();
  const groups: TreeItem[] = [];
  for (const problem of [...problems].sort((a, b) => naturalCompare(a.title, b.title))) {
    const ids = new Set(investigates.filter((r) => r.to === problem.id).map((r) => r.from));
    const cycles = inquiries.filter((e) => ids.has(e.id)).sort(byCycle);
    if (cycles.length === 0) continue;
    for (const e of cycles) placed.add(e.id);
    groups.push({
      id: `problem:${problem.id}`,
      label: problem.title,
      icon: 'help-circle',
      entityId: problem.id,
      children: cycles.map(row),
    });
  }
  const loose = inquiries.filter((e) => !placed.has(e.id)).sort(byCycle);
  if (loose.length > 0)
    groups.push({
      id: 'problem:none',
      label: 'Not tied to a problem of practice',
      children: loose.map(row),
    });
  return groups;
}

/** The status bar text: how many cycles are under way. */
export function statusText(inquiries: readonly EntityInfo[]): string {
  const open = inquiries.filter((e) => phaseOf(e.fields) !== 'complete').length;
  return `Inquiry: ${open} in progress`;
}
