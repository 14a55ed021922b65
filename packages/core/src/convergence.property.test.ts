import type { EntityId } from '@repertoire/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcileMentions } from './mentions.ts';
import {
  apply,
  canonical,
  checkInvariants,
  checkValues,
  ids,
  makeReplica,
  type Replica,
  seedAll,
  stepArb,
  syncAll,
} from './testReplicas.ts';

// Several replicas apply random operations and exchange their updates in random order and random
// partitions (an update may arrive before the ones it depends on); once everything is delivered
// they must hold the same graph, and every invariant must hold on every replica.

describe('convergence under concurrent edits (property)', () => {
  it('replicas exchanging updates in any order and partition converge with every invariant holding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.array(stepArb, { minLength: 5, maxLength: 80 }),
        (n, steps) => {
          const replicas = Array.from({ length: n }, (_, i) => makeReplica(i));
          seedAll(replicas);
          for (const step of steps) {
            apply(replicas, step);
            checkInvariants(replicas[step.replica % n] as Replica);
          }
          syncAll(replicas);
          const first = canonical(replicas[0] as Replica);
          for (const r of replicas) {
            expect(canonical(r)).toEqual(first);
            checkInvariants(r);
            checkValues(r);
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('reconcileMentions run by every replica at once converges to exactly the mentioned targets', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.subarray(ids.slice(1, -1)), (n, targets) => {
        const replicas = Array.from({ length: n }, (_, i) => makeReplica(i));
        seedAll(replicas);
        for (const r of replicas) reconcileMentions(r.ws, 'm0' as EntityId, targets);
        syncAll(replicas);
        for (const r of replicas) {
          expect(
            r.ws
              .relations({ from: 'm0' as EntityId })
              .map((x) => x.to)
              .sort(),
          ).toEqual([...targets].sort());
          expect(reconcileMentions(r.ws, 'm0' as EntityId, targets)).toEqual({
            added: [],
            removed: [],
          });
        }
      }),
      { numRuns: 50 },
    );
  }, 60_000);
});
