import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Changed,
  diffGraphStates,
  diffSnapshots,
  type GraphDiff,
  type GraphSnapshot,
  type GraphState,
  graphAtSnapshot,
  readGraphState,
  snapshotGraph,
} from './history.ts';
import { apply, makeReplica, type Replica, seedAll, stepArb, syncAll } from './testReplicas.ts';

// Replicas edit at random and exchange updates out of order; now and then one of them takes a
// snapshot and we write down the graph it showed at that moment. Once every update is delivered,
// each snapshot must rebuild exactly the graph written down, on its own replica and on any other
// (which received the history by sync), and diffs between snapshots must say what changed.

const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
const byId = <T>(xs: T[], id: (x: T) => string) => [...xs].sort((x, y) => (id(x) < id(y) ? -1 : 1));

// Diffs list what changed in map order, which differs between replicas: compare them as sets.
function sorted(diff: GraphDiff): GraphDiff {
  const part = <T extends { id: string }>(d: {
    added: T[];
    removed: T[];
    changed: Changed<T>[];
  }) => ({
    added: byId(d.added, (x) => x.id),
    removed: byId(d.removed, (x) => x.id),
    changed: byId(d.changed, (c) => c.before.id),
  });
  return { entities: part(diff.entities), relations: part(diff.relations) };
}

interface Taken {
  replica: number;
  snapshot: GraphSnapshot;
  state: GraphState;
}

describe('history under concurrent edits (property)', () => {
  it('every snapshot rebuilds the graph exactly as its replica showed it, on every replica', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.array(fc.record({ step: stepArb, snap: fc.boolean() }), {
          minLength: 5,
          maxLength: 60,
        }),
        (n, steps) => {
          const replicas = Array.from({ length: n }, (_, i) => makeReplica(i));
          seedAll(replicas);
          const taken: Taken[] = [];
          for (const { step, snap } of steps) {
            apply(replicas, step);
            if (!snap) continue;
            const at = step.replica % n;
            const doc = (replicas[at] as Replica).ws.doc;
            taken.push({ replica: at, snapshot: snapshotGraph(doc), state: readGraphState(doc) });
          }
          syncAll(replicas);
          for (const t of taken) {
            for (const r of replicas)
              expect(graphAtSnapshot(r.ws.doc, t.snapshot)).toEqual(t.state);
          }
          const doc = (replicas[0] as Replica).ws.doc;
          for (let i = 1; i < taken.length; i++) {
            const a = taken[i - 1] as Taken;
            const b = taken[i] as Taken;
            const diff = diffSnapshots(doc, a.snapshot, b.snapshot);
            expect(sorted(diff)).toEqual(sorted(diffGraphStates(a.state, b.state)));
            // Added and removed are exactly the set differences of what each showed.
            expect(ids(diff.entities.added)).toEqual(
              [...b.state.entities.keys()].filter((id) => !a.state.entities.has(id)).sort(),
            );
            expect(ids(diff.relations.removed)).toEqual(
              [...a.state.relations.keys()].filter((id) => !b.state.relations.has(id)).sort(),
            );
          }
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);
});
