import type { EntityId } from '@repertoire/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphIndex } from './graphIndex.ts';
import { testWorkspace } from './testKinds.ts';

// Traversals on random graphs against a plain breadth-first search written here from scratch.

const graphArb = fc.record({
  size: fc.integer({ min: 2, max: 25 }),
  edges: fc.array(fc.tuple(fc.nat(24), fc.nat(24)), { maxLength: 60 }),
  pairs: fc.array(fc.tuple(fc.nat(24), fc.nat(24)), { minLength: 1, maxLength: 10 }),
  directed: fc.boolean(),
});

function distances(adjacency: Map<string, string[]>, from: string): Map<string, number> {
  const dist = new Map([[from, 0]]);
  let frontier = [from];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const n of frontier) {
      for (const m of adjacency.get(n) ?? []) {
        if (dist.has(m)) continue;
        dist.set(m, (dist.get(n) as number) + 1);
        next.push(m);
      }
    }
    frontier = next;
  }
  return dist;
}

describe('GraphIndex traversals (property)', () => {
  it('shortestPath and neighbourhood agree with a plain breadth-first search', () => {
    fc.assert(
      fc.property(graphArb, ({ size, edges, pairs, directed }) => {
        const ws = testWorkspace();
        const ids = Array.from(
          { length: size },
          (_, i) => ws.createEntity({ id: `m${i}`, kind: 'member', title: `M${i}` }).id,
        );
        const adjacency = new Map<string, string[]>(ids.map((id) => [id, []]));
        for (const [a, b] of edges) {
          const from = ids[a % size] as EntityId;
          const to = ids[b % size] as EntityId;
          if (from === to) continue;
          ws.link(from, 'mentors', to);
          adjacency.get(from)?.push(to);
          if (!directed) adjacency.get(to)?.push(from);
        }
        const index = new GraphIndex(ws.doc);
        const direction = directed ? 'out' : 'both';
        for (const [a, b] of pairs) {
          const from = ids[a % size] as EntityId;
          const to = ids[b % size] as EntityId;
          const dist = distances(adjacency, from);
          const path = index.shortestPath(from, to, { direction });
          if (!dist.has(to)) {
            expect(path).toBeUndefined();
            continue;
          }
          expect(path).toBeDefined();
          expect(path?.length).toBe((dist.get(to) as number) + 1);
          expect(path?.[0]).toBe(from);
          expect(path?.at(-1)).toBe(to);
          for (let i = 1; i < (path?.length ?? 0); i++) {
            expect(adjacency.get(path?.[i - 1] as string)).toContain(path?.[i]);
          }
          const hood = index.neighbourhood(from, 2, { direction });
          expect(hood.entities.sort()).toEqual(
            [...dist]
              .filter(([, d]) => d <= 2)
              .map(([id]) => id)
              .sort(),
          );
        }
        index.dispose();
      }),
      { numRuns: 200 },
    );
  });
});
