import type { EntityId } from '@repertoire/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGraphDoc } from './graphDoc.ts';
import { GraphIndex } from './graphIndex.ts';
import { GraphologyView } from './graphologyView.ts';
import { registerTestKinds } from './testKinds.ts';
import { Workspace } from './workspace.ts';

// "One edit costs work proportional to what it touched, never a rebuild", checked without any
// clock: count every read of the graph document's Y.Maps (each get/has, each item an iterator
// yields) while one edit reaches the index, on a small and on a large community. The edits touch
// entities of the same degree in both, so an incremental index reads exactly as much in both,
// while anything that rescans the graph reads more in the large one.

const proto = Y.Map.prototype as unknown as Record<
  string | symbol,
  (...args: unknown[]) => unknown
>;
const POINT_READS = ['get', 'has'];
const SCANS = ['keys', 'values', 'entries'];

function countReads(fn: () => void): number {
  let reads = 0;
  const saved = new Map<string, (...args: unknown[]) => unknown>();
  for (const name of [...POINT_READS, ...SCANS, 'forEach']) saved.set(name, proto[name] as never);
  for (const name of POINT_READS) {
    const original = saved.get(name) as (...args: unknown[]) => unknown;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      reads++;
      return original.apply(this, args);
    };
  }
  for (const name of SCANS) {
    const original = saved.get(name) as (...args: unknown[]) => Iterator<unknown>;
    proto[name] = function* (this: unknown) {
      const it = original.call(this);
      for (let r = it.next(); !r.done; r = it.next()) {
        reads++;
        yield r.value;
      }
    };
  }
  const forEach = saved.get('forEach') as (...args: unknown[]) => unknown;
  proto.forEach = function (this: unknown, ...args: unknown[]) {
    const f = args[0] as (...a: unknown[]) => void;
    return forEach.call(this, (...a: unknown[]) => {
      reads++;
      f(...a);
    });
  };
  try {
    fn();
  } finally {
    for (const [name, original] of saved) proto[name] = original;
  }
  return reads;
}

const id = (s: string) => s as EntityId;

/** A chain-shaped community: member i mentors member i+1 and practises practice i. */
function community(size: number) {
  const peer = new Workspace(createGraphDoc(), { user: 'peer', now: () => 1, captureTimeout: 0 });
  registerTestKinds(peer);
  peer.transact(() => {
    for (let i = 0; i < size; i++) {
      peer.createEntity({ id: `m${i}`, kind: 'member', title: `Member ${i}` });
      peer.createEntity({
        id: `p${i}`,
        kind: 'practice',
        title: `Practice ${i}`,
        fields: { status: 'emerging' },
      });
    }
    for (let i = 0; i < size; i++) {
      if (i + 1 < size) peer.link(id(`m${i}`), 'mentors', id(`m${i + 1}`));
      peer.link(id(`m${i}`), 'practises', id(`p${i}`));
    }
  });
  peer.stopCapturing();
  const client = new Workspace(createGraphDoc(), { user: 'ada', now: () => 2, captureTimeout: 0 });
  registerTestKinds(client);
  Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(peer.doc));
  const index = new GraphIndex(client.doc);
  const view = new GraphologyView(index);
  let events = 0;
  client.onDidChange(() => events++);
  index.onDidChange(() => events++);
  return { peer, client, index, view, events: () => events };
}

type Edit = [name: string, run: (ws: Workspace) => unknown];
const edits: Edit[] = [
  ['rename', (ws) => ws.updateEntity(id('m3'), { title: 'Renamed' })],
  ['update a field', (ws) => ws.updateEntity(id('p3'), { fields: { status: 'established' } })],
  ['link', (ws) => ws.link(id('m3'), 'practises', id('p4'))],
  ['unlink', (ws) => ws.unlink(id('m3'), 'practises', id('p4'))],
  ['create', (ws) => ws.createEntity({ id: 'new1', kind: 'member', title: 'Newcomer' })],
  // m2 has three relations (m1 mentors m2, m2 mentors m3, m2 practises p2) at every size.
  ['delete with its relations', (ws) => ws.deleteEntity(id('m2'))],
  ['undo the delete', (ws) => ws.undo()],
];

/** Reads made by each edit as it arrives from a peer, and as the client makes it itself. */
function readsPerEdit(size: number): { remote: number[]; local: number[]; rebuild: number } {
  const remote = community(size);
  const remoteReads = edits.map(([, run]) => {
    const sv = Y.encodeStateVector(remote.peer.doc);
    run(remote.peer);
    remote.peer.stopCapturing();
    const update = Y.encodeStateAsUpdate(remote.peer.doc, sv);
    const before = remote.events();
    const reads = countReads(() => Y.applyUpdate(remote.client.doc, update));
    expect(remote.events()).toBeGreaterThan(before);
    return reads;
  });
  const local = community(size);
  // The workspace finds an entity's relations through an index it builds on first use.
  local.client.relations({ entity: id('m0') });
  const localReads = edits.map(([, run]) => {
    const before = local.events();
    const reads = countReads(() => run(local.client));
    local.client.stopCapturing();
    expect(local.events()).toBeGreaterThan(before);
    return reads;
  });
  expect(local.index.entityCount).toBe(2 * size + 1);
  expect(local.view.graph.order).toBe(2 * size + 1);
  const rebuild = countReads(() => new GraphIndex(local.client.doc).dispose());
  return { remote: remoteReads, local: localReads, rebuild };
}

describe('GraphIndex is incremental', () => {
  it('one edit reads the same whatever the size of the graph, never rescanning it', () => {
    const small = readsPerEdit(20);
    const large = readsPerEdit(2_000);
    const named = (reads: number[]) => Object.fromEntries(edits.map(([n], i) => [n, reads[i]]));
    expect(named(large.remote)).toEqual(named(small.remote));
    expect(named(large.local)).toEqual(named(small.local));
    // The counter does see a rescan: building an index reads every entity and relation.
    expect(large.rebuild).toBeGreaterThan(4 * 2_000);
    expect(Math.max(...large.remote, ...large.local)).toBeLessThan(200);
  });
});
