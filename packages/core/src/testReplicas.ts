import { type EntityId, type FieldValue, titleSchema, ValidationError } from '@repertoire/schema';
import fc from 'fast-check';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { createGraphDoc } from './graphDoc.ts';
import { GraphIndex } from './graphIndex.ts';
import { readGraphState } from './history.ts';
import { reconcileMentions } from './mentions.ts';
import { registerTestKinds } from './testKinds.ts';
import { Workspace } from './workspace.ts';

// Replicas of one graph applying random operations and exchanging their updates one at a time in
// random order (so any partition, and updates arriving before those they depend on), for this
// package's property tests only (not exported).

/** The origin of updates delivered from another replica. */
export const REMOTE = Symbol('remote');
// Each id has one kind, as random ids would in practice; the small pool makes replicas collide.
/** The ids operations pick from. */
export const ids = ['m0', 'm1', 'm2', 'p0', 'p1', 'a0'] as EntityId[];
const idArb = fc.constantFrom(...ids);
const kindOf = (id: string) =>
  ({ m: 'member', p: 'practice', a: 'artifact' })[id[0] as 'm' | 'p' | 'a'];
// Relation types with the ids their kinds allow, so most links are valid.
const ends: Record<string, [string[], string[]]> = {
  mentors: [
    ['m0', 'm1', 'm2'],
    ['m0', 'm1', 'm2'],
  ],
  practises: [
    ['m0', 'm1', 'm2'],
    ['p0', 'p1'],
  ],
  documents: [['a0'], ['p0', 'p1']],
  contributes: [['m0', 'm1', 'm2'], ['a0']],
  mentions: [['a0', 'p0'], ids],
};
const linkArb = (op: 'link' | 'unlink') =>
  fc.constantFrom(...Object.keys(ends)).chain((type) =>
    fc.record({
      op: fc.constant(op),
      type: fc.constant(type),
      // Now and then a link that its relation kind refuses.
      from: fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...(ends[type]![0] as EntityId[])) },
        { weight: 1, arbitrary: idArb },
      ),
      to: fc.constantFrom(...(ends[type]![1] as EntityId[])),
    }),
  );

const opArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('create' as const),
      id: idArb,
      title: fc.string({ minLength: 1, maxLength: 6 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('update' as const),
      id: idArb,
      title: fc.string({ maxLength: 6 }),
      value: fc.integer({ min: -1, max: 3 }),
    }),
  },
  { weight: 6, arbitrary: linkArb('link') },
  { weight: 2, arbitrary: linkArb('unlink') },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), id: idArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('undo' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('redo' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('mentions' as const),
      id: idArb,
      targets: fc.subarray(ids),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({ op: fc.constant('deliver' as const), from: fc.nat(), update: fc.nat() }),
  },
  // Two replicas reconnect and exchange everything each lacks, third parties' edits included.
  { weight: 1, arbitrary: fc.record({ op: fc.constant('sync' as const), with: fc.nat() }) },
);
/** One random step: a replica and what it does. */
export const stepArb = fc.record({ replica: fc.nat(), action: opArb });

/** One replica: its workspace, its index, the updates it made, and a consumer of index deltas. */
export interface Replica {
  ws: Workspace;
  index: GraphIndex;
  sent: Uint8Array[];
  mirror: { entities: Set<string>; relations: Set<string> };
}

/** A replica on a fresh graph doc with the test kinds. */
export function makeReplica(n: number): Replica {
  const ws = new Workspace(createGraphDoc('w'), {
    user: `user${n}`,
    now: () => 1,
    captureTimeout: 0,
  });
  registerTestKinds(ws);
  const index = new GraphIndex(ws.doc);
  const sent: Uint8Array[] = [];
  ws.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) sent.push(update);
  });
  // What a consumer (the graph view) would hold if it only applied the index's deltas.
  const mirror = { entities: new Set<string>(), relations: new Set<string>() };
  index.onDidChange((e) => {
    for (const id of e.entities.removed) mirror.entities.delete(id);
    for (const id of e.entities.added) mirror.entities.add(id);
    for (const id of e.relations.removed) mirror.relations.delete(id);
    for (const id of e.relations.added) mirror.relations.add(id);
  });
  return { ws, index, sent, mirror };
}

/** A generated step. */
export type Step = {
  replica: number;
  action: typeof opArb extends fc.Arbitrary<infer T> ? T : never;
};

/** Applies one step; a refused write must leave the document untouched. */
export function apply(replicas: Replica[], step: Step): void {
  const r = replicas[step.replica % replicas.length] as Replica;
  const ws = r.ws;
  const a = step.action;
  const before = Y.encodeStateVector(ws.doc);
  try {
    switch (a.op) {
      case 'create': {
        const kind = kindOf(a.id) as string;
        const fields: Record<string, FieldValue> =
          kind === 'practice' ? { status: 'emerging' } : {};
        ws.createEntity({ id: a.id, kind, title: a.title, fields });
        break;
      }
      case 'update': {
        const kind = kindOf(a.id);
        const fields: Record<string, FieldValue | null> =
          kind === 'practice'
            ? { uses: a.value < 0 ? null : a.value }
            : kind === 'member'
              ? { role: (['member', 'guest', 'sponsor'] as const)[a.value] ?? 'bogus' }
              : { url: a.value < 0 ? null : `u${a.value}` };
        ws.updateEntity(a.id, { title: a.title, fields });
        break;
      }
      case 'link':
        ws.link(a.from, a.type, a.to);
        break;
      case 'unlink':
        ws.unlink(a.from, a.type, a.to);
        break;
      case 'delete':
        ws.deleteEntity(a.id);
        break;
      case 'undo':
        ws.undo();
        break;
      case 'redo':
        ws.redo();
        break;
      case 'mentions':
        reconcileMentions(ws, a.id, a.targets);
        break;
      case 'deliver': {
        const from = replicas[a.from % replicas.length] as Replica;
        if (from === r || from.sent.length === 0) break;
        Y.applyUpdate(ws.doc, from.sent[a.update % from.sent.length] as Uint8Array, REMOTE);
        break;
      }
      case 'sync': {
        const other = replicas[a.with % replicas.length] as Replica;
        if (other === r) break;
        const diff = (x: Y.Doc, y: Y.Doc) => Y.encodeStateAsUpdate(x, Y.encodeStateVector(y));
        Y.applyUpdate(ws.doc, diff(other.ws.doc, ws.doc), REMOTE);
        Y.applyUpdate(other.ws.doc, diff(ws.doc, other.ws.doc), REMOTE);
        checkInvariants(other);
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // A refused write changes nothing.
    expect(Y.encodeStateVector(ws.doc)).toEqual(before);
  }
}

/** Delivers everything to everyone. */
export function syncAll(replicas: Replica[]): void {
  for (const x of replicas) {
    for (const y of replicas) {
      if (x !== y)
        Y.applyUpdate(
          y.ws.doc,
          Y.encodeStateAsUpdate(x.ws.doc, Y.encodeStateVector(y.ws.doc)),
          REMOTE,
        );
    }
  }
}

// Every replica starts from the same small community (most of the pool), made by replica 0.
export function seedAll(replicas: Replica[]): void {
  const seed = replicas[0] as Replica;
  for (const id of ids.slice(0, -1)) {
    const kind = kindOf(id) as string;
    seed.ws.createEntity({
      id,
      kind,
      title: id,
      fields: kind === 'practice' ? { status: 'emerging' } : {},
    });
  }
  seed.ws.stopCapturing();
  syncAll(replicas);
}

/** The replica's graph as sorted plain data, for comparing replicas. */
export function canonical(r: Replica) {
  const state = readGraphState(r.ws.doc);
  return {
    entities: [...state.entities.values()].sort((x, y) => (x.id < y.id ? -1 : 1)),
    relations: [...state.relations.values()].sort((x, y) => (x.id < y.id ? -1 : 1)),
  };
}

// Every value is valid for its kind. Checked once every update is delivered: an update that
// arrives before the one it depends on can clear a field whose new value is still in transit.
export function checkValues(r: Replica): void {
  for (const e of readGraphState(r.ws.doc).entities.values()) {
    expect(() => r.ws.kinds.validateFields(e.kind, e.fields, true)).not.toThrow();
    expect(() => titleSchema.parse(e.title)).not.toThrow();
  }
}

/** No dangling relation anywhere; the index and its delta consumer equal the document. */
export function checkInvariants(r: Replica): void {
  const { ws, index } = r;
  const state = readGraphState(ws.doc);
  // No dangling relation is ever returned, by the workspace or the index.
  for (const rel of ws.relations()) {
    expect(ws.hasEntity(rel.from) && ws.hasEntity(rel.to)).toBe(true);
  }
  expect(
    ws
      .relations()
      .map((x) => x.id)
      .sort(),
  ).toEqual([...state.relations.keys()].sort());
  expect([...index.relations()].map((x) => x.id).sort()).toEqual(
    [...state.relations.keys()].sort(),
  );
  expect(index.relationCount).toBe(state.relations.size);
  // The incremental index matches the document, and so does a consumer of its deltas.
  expect([...index.entities()].map((e) => `${e.id}:${e.kind}:${e.title}`).sort()).toEqual(
    [...state.entities.values()].map((e) => `${e.id}:${e.kind}:${e.title}`).sort(),
  );
  expect([...r.mirror.entities].sort()).toEqual([...state.entities.keys()].sort());
  expect([...r.mirror.relations].sort()).toEqual([...state.relations.keys()].sort());
  // Every relation joins kinds its relation kind allows.
  for (const rel of state.relations.values()) {
    const from = state.entities.get(rel.from)!;
    const to = state.entities.get(rel.to)!;
    expect(() => ws.kinds.checkRelation(rel.type, from.kind, to.kind)).not.toThrow();
    expect(rel.from).not.toBe(rel.to);
  }
}
