import type { EntityInfo } from '@repertoire/plugin-api';
import { type CommunityData, CommunityIndex, getOrCreate, KINDS, RELATIONS } from './community.ts';

/** Which kind of gap in the shared repertoire. */
export type GapKind =
  | 'problemWithoutPractice'
  | 'practiceWithoutArtifact'
  | 'practiceWithoutPractitioner'
  | 'untouchedArtifact'
  | 'domainWithoutProblem';

/** One gap: the entity it concerns and what would fill it. */
export interface Gap {
  /** Which gap. */
  readonly kind: GapKind;
  /** The entity. */
  readonly entityId: string;
  /** Its title. */
  readonly title: string;
  /** What is missing, in words: "No practice addresses this problem yet." */
  readonly detail: string;
}

/** Options of {@link findGaps}. */
export interface GapOptions {
  /** An artifact untouched for this many months is a gap. Default 3. */
  untouchedMonths?: number;
  /** "Now" (ISO 8601) for the untouched test. Default: the current time. */
  now?: string;
  /** When each artifact was last edited (from activity records), by entity id. */
  lastEdited?: ReadonlyMap<string, string>;
}

/** What each gap kind says, for headings. */
export const GAP_LABELS: Record<GapKind, string> = {
  problemWithoutPractice: 'Problems of practice no practice addresses',
  practiceWithoutArtifact: 'Practices no artifact documents',
  practiceWithoutPractitioner: 'Practices nobody practises',
  untouchedArtifact: 'Artifacts untouched for months',
  domainWithoutProblem: 'Domains with no problem of practice',
};

const MONTH = 30.44 * 86_400_000;

/** `localeCompare`'s order (the default collator), from one collator rather than one per call. */
const compareTitles = new Intl.Collator().compare;

/**
 * The holes in the shared repertoire (DOMAIN.md, "Gaps in the repertoire"): problems with no
 * practice, practices with no artifact or no practitioner, artifacts nobody touched in months,
 * domains with no problem.
 */
export function findGaps(data: CommunityData, options: GapOptions = {}): Gap[] {
  const index = CommunityIndex.of(data);
  const now = options.now ? Date.parse(options.now) : Date.now();
  const months = options.untouchedMonths ?? 3;
  const has = (type: string, end: 'from' | 'to', kind?: string) => {
    const ids = new Set<string>();
    for (const r of index.ofType(type)) {
      const other = end === 'from' ? r.to : r.from;
      if (!kind || index.byId.get(other)?.kind === kind) ids.add(r[end]);
    }
    return ids;
  };
  const addressed = has(RELATIONS.addresses, 'to', KINDS.practice);
  const documented = has(RELATIONS.documents, 'to', KINDS.artifact);
  const practised = new Set([
    ...has(RELATIONS.practises, 'to', KINDS.member),
    ...has(RELATIONS.expertIn, 'to', KINDS.member),
  ]);
  const withProblem = has(RELATIONS.belongsTo, 'to', KINDS.problem);
  const lastTouch = new Map<string, number>();
  const touch = (id: string, time: number) =>
    lastTouch.set(id, Math.max(lastTouch.get(id) ?? -Infinity, time));
  for (const a of index.kind(KINDS.artifact)) touch(a.id, Date.parse(a.updatedAt));
  for (const r of index.relations)
    if (index.byId.get(r.to)?.kind === KINDS.artifact) touch(r.to, Date.parse(r.createdAt));
  for (const [id, at] of options.lastEdited ?? []) touch(id, Date.parse(at));

  const gaps: Gap[] = [];
  const push = (kind: GapKind, e: EntityInfo, detail: string) =>
    gaps.push({ kind, entityId: e.id, title: e.title, detail });
  const byTitle = (kind: string) =>
    [...index.kind(kind)].sort((a, b) => compareTitles(a.title, b.title));
  for (const p of byTitle(KINDS.problem))
    if (!addressed.has(p.id))
      push('problemWithoutPractice', p, 'No practice addresses this problem yet.');
  for (const p of byTitle(KINDS.practice)) {
    if (!documented.has(p.id))
      push('practiceWithoutArtifact', p, 'No artifact documents this practice yet.');
    if (!practised.has(p.id))
      push('practiceWithoutPractitioner', p, 'No member practises this yet.');
  }
  // Many artifacts were last touched at the same instant: one sentence for each instant.
  const untouchedSince = new Map<number, string>();
  for (const a of byTitle(KINDS.artifact)) {
    const last = lastTouch.get(a.id) ?? Date.parse(a.createdAt);
    const idle = (now - last) / MONTH;
    if (idle >= months)
      push(
        'untouchedArtifact',
        a,
        getOrCreate(
          untouchedSince,
          last,
          () =>
            `Nobody has touched it for ${Math.floor(idle)} months (since ${new Date(last).toISOString().slice(0, 10)}).`,
        ),
      );
  }
  for (const d of byTitle(KINDS.domain))
    if (!withProblem.has(d.id))
      push('domainWithoutProblem', d, 'No problem of practice belongs to this domain yet.');
  return gaps;
}
