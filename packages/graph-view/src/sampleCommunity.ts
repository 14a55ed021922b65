import type { GraphEntity, GraphRelation, GraphSnapshot } from './graphSource.ts';

/** A small community for tests and demo pages: who works with whom on what. */
export function sampleCommunity(): GraphSnapshot {
  const e = (id: string, kind: string, title: string, createdAt: string): GraphEntity => ({
    id,
    kind,
    title,
    createdAt,
  });
  const entities = [
    e('m-ana', 'member', 'Ana Rivera', '2026-01-10'),
    e('m-ben', 'member', 'Ben Okafor', '2026-01-10'),
    e('m-chloe', 'member', 'Chloé Martin', '2026-02-02'),
    e('m-dev', 'member', 'Dev Patel', '2026-03-15'),
    e('m-eli', 'member', 'Eli Cohen', '2026-06-01'),
    e('m-fatima', 'member', 'Fatima Haddad', '2026-09-05'),
    e('d-literacy', 'domain', 'Early literacy', '2026-01-10'),
    e('d-inclusion', 'domain', 'Inclusive classrooms', '2026-02-20'),
    e('p-reading-gap', 'problem', 'Reading gap in grade 2', '2026-01-20'),
    e('p-quiet', 'problem', 'Quiet students left out', '2026-03-01'),
    e('pr-lesson-study', 'practice', 'Lesson study', '2026-02-05'),
    e('pr-peer-obs', 'practice', 'Peer observation', '2026-04-12'),
    e('pr-think-pair', 'practice', 'Think-pair-share', '2026-05-02'),
    e('a-guide', 'artifact', 'Lesson study guide', '2026-04-01'),
    e('a-rubric', 'artifact', 'Observation rubric', '2026-05-20'),
    e('mt-kickoff', 'meeting', 'Kick-off session', '2026-01-15'),
    e('mt-cycle1', 'meeting', 'Inquiry cycle 1', '2026-03-10'),
    e('mt-cycle2', 'meeting', 'Inquiry cycle 2', '2026-09-20'),
  ];
  const r = (from: string, type: string, to: string): GraphRelation => ({
    id: `${from}|${type}|${to}`,
    from,
    type,
    to,
  });
  const relations = [
    r('p-reading-gap', 'belongs to', 'd-literacy'),
    r('p-quiet', 'belongs to', 'd-inclusion'),
    r('pr-lesson-study', 'addresses', 'p-reading-gap'),
    r('pr-peer-obs', 'addresses', 'p-quiet'),
    r('pr-think-pair', 'addresses', 'p-quiet'),
    r('a-guide', 'documents', 'pr-lesson-study'),
    r('a-rubric', 'documents', 'pr-peer-obs'),
    r('m-ana', 'practises', 'pr-lesson-study'),
    r('m-ben', 'practises', 'pr-lesson-study'),
    r('m-chloe', 'practises', 'pr-peer-obs'),
    r('m-dev', 'practises', 'pr-think-pair'),
    r('m-ana', 'contributes to', 'a-guide'),
    r('m-chloe', 'contributes to', 'a-rubric'),
    r('m-dev', 'contributes to', 'a-rubric'),
    r('m-ana', 'mentors', 'm-eli'),
    r('m-chloe', 'mentors', 'm-fatima'),
    r('m-ana', 'attended', 'mt-kickoff'),
    r('m-ben', 'attended', 'mt-kickoff'),
    r('m-chloe', 'attended', 'mt-cycle1'),
    r('m-dev', 'attended', 'mt-cycle1'),
    r('m-eli', 'attended', 'mt-cycle2'),
    r('m-fatima', 'attended', 'mt-cycle2'),
    r('mt-cycle1', 'discussed', 'p-quiet'),
    r('mt-kickoff', 'discussed', 'p-reading-gap'),
    r('mt-cycle2', 'discussed', 'pr-think-pair'),
  ];
  return { entities, relations };
}

/** The sample community as it was on a date (by each entity's creation date). */
export function sampleCommunityAt(date: Date): GraphSnapshot {
  const all = sampleCommunity();
  const day = date.toISOString().slice(0, 10);
  const entities = all.entities.filter((e) => (e.createdAt ?? '') <= day);
  const ids = new Set(entities.map((e) => e.id));
  return { entities, relations: all.relations.filter((r) => ids.has(r.from) && ids.has(r.to)) };
}

/** A random community-like graph: `n` entities and about `edgeFactor`×n relations. */
export function randomCommunity(n: number, edgeFactor = 3, seed = 1): GraphSnapshot {
  let s = seed;
  const rand = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const kinds = ['member', 'practice', 'artifact', 'problem', 'meeting', 'domain'];
  const types = ['practises', 'contributes to', 'documents', 'addresses', 'attended', 'mentors'];
  const entities: GraphEntity[] = [];
  for (let i = 0; i < n; i++)
    entities.push({ id: `e${i}`, kind: kinds[i % kinds.length] as string, title: `Entity ${i}` });
  const relations: GraphRelation[] = [];
  const seen = new Set<string>();
  while (relations.length < n * edgeFactor) {
    // Preferential-ish: half the relations go to a smaller set of hubs, as in real communities.
    const a = Math.floor(rand() * n);
    const b = rand() < 0.5 ? Math.floor(rand() * Math.sqrt(n) * 4) % n : Math.floor(rand() * n);
    if (a === b) continue;
    const type = types[Math.floor(rand() * types.length)] as string;
    const id = `e${a}|${type}|e${b}`;
    if (seen.has(id)) continue;
    seen.add(id);
    relations.push({ id, from: `e${a}`, type, to: `e${b}` });
  }
  return { entities, relations };
}
